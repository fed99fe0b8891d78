// Claiming, releasing and meeting needs, asking for offers, and the one-helper-at-a-time rule under concurrency.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildPost, type Client, type TestWorld, postStatus, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
beforeAll(async () => {
  world = files.world;
});

const statusOf = (id: string) => postStatus(world, id);

describe(`claims (${engine})`, () => {
  it('lets exactly one of many helpers pressing "I can help" at once hold the need', async () => {
    const asker = await buildMember(world);
    const needId = await buildPost(asker, {
      what: 'Someone to pick up medicine today',
      category: 'medical',
      urgency: 'urgent',
    });
    const helpers: Client[] = [];
    for (let i = 0; i < 12; i++) helpers.push(await buildMember(world));
    const answers = await Promise.all(
      helpers.map((h) =>
        h.postJson(`/api/posts/${needId}/respond`, {}).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.every((a) => a.status === 409 && a.body.error.code === 'already_taken')).toBe(true);
    expect(refused[0]!.body.error.message).toContain('Someone else is already helping');
    const active = await world.deps.db
      .selectFrom('matches')
      .select('id')
      .where('need_id', '=', needId)
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(1);
    expect(await statusOf(needId)).toBe('matched');
  });

  it('refuses a second active match in the database itself, whatever the code does', async () => {
    const asker = await buildMember(world);
    const needId = await buildPost(asker, { what: 'Help carrying boxes', category: 'labour' });
    const [h1, h2] = [await buildMember(world), await buildMember(world)];
    expect((await h1.post(`/posts/${needId}/respond`)).status).toBe(303);
    const askerId = (
      await world.deps.db.selectFrom('posts').select('member_id').where('id', '=', needId).executeTakeFirstOrThrow()
    ).member_id;
    const h2Id = (
      await world.deps.db
        .selectFrom('members')
        .select('id')
        .where('display_name', 'like', 'Member %')
        .orderBy('joined_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    await expect(
      world.deps.db.insertInto('matches').values({ need_id: needId, helper_id: h2Id, asker_id: askerId }).execute(),
    ).rejects.toMatchObject({ code: expect.stringMatching(/KR002|23505/) });
    // A page answer, not a crash, for the person who pressed second.
    const res = await h2.post(`/posts/${needId}/respond`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Someone else is already helping');
  });

  it('puts a released need back on the board and tells the other person', async () => {
    const asker = await buildMember(world);
    const helper = await buildMember(world);
    const needId = await buildPost(asker, { what: 'Childcare on Friday evening', category: 'childcare' });
    const match = (await helper.post(`/posts/${needId}/respond`)).headers.get('location')!;
    expect((await helper.post(`${match}/release`)).status).toBe(303);
    expect(await statusOf(needId)).toBe('open');
    expect(await (await asker.get('/notifications')).text()).toContain('Someone stepped back from');
    // Ended matches stay ended.
    expect((await asker.post(`${match}/met`)).status).toBe(409);
    expect((await helper.post(`${match}/messages`, { body: 'still there?' })).status).toBe(403);
    // Someone else can now help.
    const other = await buildMember(world);
    expect((await other.post(`/posts/${needId}/respond`)).status).toBe(303);
  });

  it('turns "I\'d like this" on an offer into a match the asker marks met, leaving the offer open for others', async () => {
    const giver = await buildMember(world);
    const offerId = await buildPost(giver, {
      kind: 'offer',
      what: 'Fresh bread every Saturday',
      category: 'food',
      capacity: '6 loaves a week',
    });
    const [a, b] = [await buildMember(world), await buildMember(world)];
    const matchA = (await a.post(`/posts/${offerId}/respond`)).headers.get('location')!;
    expect(matchA).toMatch(/^\/matches\//);
    expect((await b.post(`/posts/${offerId}/respond`)).status).toBe(303);
    expect((await a.post(`/posts/${offerId}/respond`)).status).toBe(409); // already asked
    expect(await (await giver.get('/notifications')).text()).toContain('would like your offer');
    expect((await giver.post(`${matchA}/met`)).status).toBe(403); // only the one who asked
    expect((await a.post(`${matchA}/met`)).status).toBe(303);
    expect(await statusOf(offerId)).toBe('open');
  });

  it('does not let anyone answer their own post', async () => {
    const m = await buildMember(world);
    const needId = await buildPost(m, { what: 'A warm coat', category: 'supplies' });
    const res = await m.post(`/posts/${needId}/respond`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This is your own post');
  });

  it('lets the owner withdraw an open post, and no one else', async () => {
    const m = await buildMember(world);
    const other = await buildMember(world);
    const needId = await buildPost(m, { what: 'Laptop for school', category: 'tech' });
    expect((await other.post(`/posts/${needId}/withdraw`)).status).toBe(403);
    expect(
      (
        await other.post(`/posts/${needId}/edit`, {
          what: 'hacked',
          category: 'tech',
          area: 'Eastside',
          urgency: 'soon',
        })
      ).status,
    ).toBe(403);
    expect((await m.post(`/posts/${needId}/withdraw`)).status).toBe(303);
    expect(await statusOf(needId)).toBe('withdrawn');
    expect((await other.post(`/posts/${needId}/respond`)).status).toBe(409);
  });
});
