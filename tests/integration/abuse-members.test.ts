// What one member who was let in can do to the rest (issue 15, part 2): act while paused, use removal as a weapon,
// flood the network with claims and proposals. Each is refused with a clear message, and the database holds to it too.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPost,
  Client,
  idFromRedirect,
  memberIdOf,
  passHours,
  type TestWorld,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { passByConsent } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

/** `n` open needs, posted by several members (each within their own daily limit). */
async function openNeeds(n: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let m = 0; ids.length < n; m++) {
    const poster = await buildMember(world, { name: `${label} poster ${m}` });
    for (let i = 0; i < 5 && ids.length < n; i++)
      ids.push(await buildPost(poster, { what: `${label} need ${ids.length} for the week`, confirm_duplicate: 'yes' }));
  }
  return ids;
}

describe(`one member against the rest (${engine})`, () => {
  it('claims at most the agreed number of needs a day, however fast and however many at once', async () => {
    const needs = await openNeeds(25, 'Claim');
    const greedy = await buildMember(world, { name: 'Greedy' });
    const answers = await Promise.all(needs.map((id) => greedy.postJson(`/api/posts/${id}/respond`, {})));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(15);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const refused = answers.find((r) => r.status === 429)!;
    expect((await refused.json()).error.code).toBe('daily_limit');
    // The page says why, in the member's words.
    const page = await greedy.post(`/posts/${needs.find((_, i) => statuses[i] === 429)}/respond`);
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('You have reached today’s limit for this');
    // A day later the member can help again.
    passHours(world, 24);
    expect((await greedy.postJson(`/api/posts/${needs[statuses.indexOf(429)]}/respond`, {})).status).toBe(201);
  });

  it('opens at most the agreed number of proposals a day; the members can agree another number', async () => {
    const eager = await buildMember(world, { name: 'Eager' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        eager.post('/decisions', { title: `Proposal number ${i}`, process: 'consent', closes_in: '24' }),
      ),
    );
    expect(answers.filter((r) => r.status === 303)).toHaveLength(5);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    expect(await refused[0]!.text()).toContain('You have reached today’s limit for this');
    // The members raise it by decision; it applies at once, the same for everyone.
    expect(
      (
        await founder.post('/decisions', {
          title: 'More proposals a day',
          process: 'consent',
          closes_in: '24',
          agreement: 'daily_proposals',
          agreement_value: '7',
        })
      ).status,
    ).toBe(303);
    await passByConsent(world);
    expect(
      (await eager.post('/decisions', { title: 'One more after the change', process: 'consent', closes_in: '24' }))
        .status,
    ).toBe(303);
  });

  it('lists open proposals a page at a time', async () => {
    for (let m = 0; m < 8; m++) {
      const opener = await buildMember(world, { name: `Opener ${m}` });
      for (let i = 0; i < 5; i++)
        expect(
          (await opener.post('/decisions', { title: `Paged proposal ${m}-${i}`, process: 'consent', closes_in: '168' }))
            .status,
        ).toBe(303);
    }
    const first = await (await founder.get('/decisions')).text();
    const openCards = (html: string) =>
      html
        .slice(0, html.includes('<h2>Decided</h2>') ? html.indexOf('<h2>Decided</h2>') : undefined)
        .match(/<li class="card">/g)?.length ?? 0;
    expect(openCards(first)).toBe(30);
    expect(first).toContain('href="/decisions?page=2"');
    const second = await (await founder.get('/decisions?page=2')).text();
    expect(openCards(second)).toBe(11); // and the earlier proposal still open
    expect(second).not.toContain('<h2>Decided</h2>');
    expect(second).toContain('href="/decisions"');
    expect((await founder.get('/decisions?page=constructor')).status).toBe(200);
  });

  it('stops a paused member from every action that reaches others, in the app and in the database', async () => {
    const subject = await buildMember(world, { name: 'Paused Pat' });
    const [asker, confirmer] = [
      await buildMember(world, { name: 'Pause asker' }),
      await buildMember(world, { name: 'Pause confirmer' }),
    ];
    const other = await buildMember(world, { name: 'Bystander Bo' });
    const need = await buildPost(other, { what: 'Help carrying boxes upstairs', confirm_duplicate: 'yes' });
    const offer = await buildPost(other, {
      kind: 'offer',
      what: 'Spare blankets to give away',
      category: 'supplies',
      confirm_duplicate: 'yes',
    });
    const id = await memberIdOf(world, 'Paused Pat');
    expect((await asker.post(`/members/${id}/pause`, { reason: 'harassment' })).status).toBe(303);
    expect((await confirmer.post(`/members/${id}/pause/confirm`)).status).toBe(303);
    const confirmerId = await memberIdOf(world, 'Pause confirmer');
    const tries: [string, Promise<Response>][] = [
      ['claim a need', subject.post(`/posts/${need}/respond`)],
      ['ask for an offer', subject.post(`/posts/${offer}/respond`)],
      ['claim through the API', subject.postJson(`/api/posts/${need}/respond`, {})],
      [
        'open a proposal',
        subject.post('/decisions', { title: 'A proposal while paused', process: 'consent', closes_in: '24' }),
      ],
      ['propose removing the confirmer', subject.post(`/members/${confirmerId}/removal`, { reason: 'harassment' })],
      ['ask to pause the confirmer', subject.post(`/members/${confirmerId}/pause`, { reason: 'harassment' })],
      ['flag a member', subject.post(`/members/${confirmerId}/flag`, { reason: 'spam' })],
      ['flag a post', subject.post(`/posts/${need}/flag`, { reason: 'spam' })],
      ['make an invite link', subject.post('/invites')],
      [
        'make a rota',
        subject.post('/rotas/new', { title: 'A rota while paused', category: 'rides', notice_hours: '24' }),
      ],
      [
        'start a circle',
        subject.post('/circles', {
          name: 'A circle while paused',
          amount: '10',
          period_days: '7',
          order_rule: 'lottery',
        }),
      ],
    ];
    for (const [what, res] of tries) {
      const r = await res;
      expect(r.status, what).toBe(403);
      const text = await r.text();
      expect(text.includes('paused') || text.includes('"paused"'), `${what}: ${text.slice(0, 200)}`).toBe(true);
    }
    // Nothing of it was stored.
    const db = world.deps.db;
    expect(await db.selectFrom('matches').select('id').where('need_id', '=', need).execute()).toEqual([]);
    expect(await db.selectFrom('proposals').select('id').where('opened_by', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('invites').select('id').where('created_by', '=', id).execute()).toEqual([]);
    // The database refuses it too, whatever the code does.
    await expect(
      sql`insert into invites (token_hash, created_by, expires_at) values (${Buffer.alloc(32, 7)}, ${id}, now() + interval '1 day')`.execute(
        db,
      ),
    ).rejects.toMatchObject({ code: 'KR015' });
    await expect(
      sql`insert into proposals (title, process, rules, opened_by, closes_at) values ('Direct', 'consent', '{}', ${id}, now() + interval '1 day')`.execute(
        db,
      ),
    ).rejects.toMatchObject({ code: 'KR015' });
    await expect(
      sql`insert into flags (flagged_by, reason, member_id) values (${id}, 'spam', ${confirmerId})`.execute(db),
    ).rejects.toMatchObject({ code: 'KR015' });
    // When the pause is over, the member acts again.
    passHours(world, 25);
    expect((await subject.post(`/posts/${need}/respond`)).status).toBe(303);
  });

  it('hides nothing on one member’s word, and asking again soon after a failed removal takes several members', async () => {
    const target = await buildMember(world, { name: 'Target Tay' });
    await buildPost(target, {
      what: 'Offering bread every Friday',
      kind: 'offer',
      category: 'food',
      confirm_duplicate: 'yes',
    });
    const foe = await buildMember(world, { name: 'Foe' });
    const id = await memberIdOf(world, 'Target Tay');
    const board = async () =>
      (await (await founder.get('/board?kind=offer&category=food')).text()).includes('Offering bread every Friday');
    const first = await foe.post(`/members/${id}/removal`, { reason: 'spam' });
    expect(first.status).toBe(303);
    const proposal = idFromRedirect(first);
    expect(await board()).toBe(true); // one member alone hides nothing
    // It closes without enough members taking part.
    passHours(world, 25);
    await runJobs(world.deps);
    expect(
      (
        await world.deps.db
          .selectFrom('proposals')
          .select('outcome')
          .where('id', '=', proposal)
          .executeTakeFirstOrThrow()
      ).outcome,
    ).not.toBe('passed');
    // The same member asks again at once: recorded, but nothing opens.
    const again = await foe.post(`/members/${id}/removal`, { reason: 'spam' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/members/${id}?done=removalAsked`);
    expect(
      await world.deps.db
        .selectFrom('proposals')
        .select('id')
        .where('subject_member_id', '=', id)
        .where('status', '=', 'open')
        .execute(),
    ).toEqual([]);
    expect((await foe.post(`/members/${id}/removal`, { reason: 'spam' })).headers.get('location')).toBe(
      `/members/${id}?done=removalAsked`,
    ); // asking twice counts once
    expect(await board()).toBe(true);
    // Two more members ask: it opens, seconded, and the posts are hidden while it is open.
    await (await buildMember(world, { name: 'Second asker' })).post(`/members/${id}/removal`, { reason: 'spam' });
    const third = await (
      await buildMember(world, { name: 'Third asker' })
    ).post(`/members/${id}/removal`, { reason: 'spam' });
    expect(third.headers.get('location')).toMatch(/^\/decisions\//);
    expect(await board()).toBe(false);
    const log = await (await founder.get('/safety')).text();
    expect(log).toContain('asked again for a decision on removing Target Tay');
    expect(log).toContain('seconded the proposal to remove Target Tay');
  });
});

describe(`simultaneous requests (${engine})`, () => {
  it('open one deferral proposal however many of the same ask arrive at once', async () => {
    const [ana, ben] = [
      await buildMember(world, { name: 'Circle Ana' }),
      await buildMember(world, { name: 'Circle Ben' }),
    ];
    const circleId = idFromRedirect(
      await ana.post('/circles', {
        name: 'Tanda of the block',
        amount: '20',
        period_days: '14',
        order_rule: 'lottery',
      }),
    );
    expect((await ben.post(`/circles/${circleId}/join`)).status).toBe(303);
    expect((await ana.post(`/circles/${circleId}/start`)).status).toBe(303);
    const round = (
      await world.deps.db
        .selectFrom('circle_rounds')
        .select('id')
        .where('circle_id', '=', circleId)
        .orderBy('number')
        .executeTakeFirstOrThrow()
    ).id;
    const answers = await Promise.all(Array.from({ length: 20 }, () => ben.post(`/circles/rounds/${round}/defer`)));
    expect(answers.map((r) => r.status).filter((s) => s !== 303)).toEqual([]);
    const opened = await world.deps.db
      .selectFrom('proposals')
      .select('id')
      .where(sql`action->>'round_id'`, '=', round)
      .execute();
    expect(opened).toHaveLength(1);
    expect(new Set(answers.map((r) => r.headers.get('location')))).toEqual(new Set([`/decisions/${opened[0]!.id}`]));
  });

  it('keep one pause ask however many members ask at once', async () => {
    await buildMember(world, { name: 'Pause subject' });
    const id = await memberIdOf(world, 'Pause subject');
    const askers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => buildMember(world, { name: `Pause asker ${i}` })),
    );
    const answers = await Promise.all(askers.map((a) => a.post(`/members/${id}/pause`, { reason: 'spam' })));
    expect(answers.filter((r) => r.status === 303)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await world.deps.db.selectFrom('pauses').select('id').where('member_id', '=', id).execute()).toHaveLength(1);
  });
});
