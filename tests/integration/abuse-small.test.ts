// Smaller defects found by trying the app as a hostile member would (issue 15, part 4): lookups of what a person sent
// in our own tables, reading that has side effects, a currency change that would empty every fund.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildPost, Client, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { formKey, makeFund, makeTreasurer, passByConsent } from '../support/fund.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

describe(`small defects a hostile member found (${engine})`, () => {
  it('answers 404 for names every object inherits, and never takes them for a language', async () => {
    const stranger = new Client(world);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect((await stranger.get(`/static/${name}`)).status, name).toBe(404);
    }
    expect(world.logs.join('\n')).not.toMatch(/TypeError|stack/i);
    expect((await stranger.post('/language', { lang: 'constructor', back: '/' })).status).toBe(400);
    for (const lang of ['constructor', '__proto__', 'toString']) {
      const html = await (
        await stranger.get('/', { cookie: `__Host-kropotkin-lang=${lang}`, 'accept-language': lang })
      ).text();
      expect(html, lang).toContain('<html lang="en"');
    }
  });

  it('changes nothing when the notifications are read; marking them read is a post, and one that arrives later stays new', async () => {
    const asker = await buildMember(world, { name: 'Noa' });
    const need = await buildPost(asker, { what: 'A lift to the market on Saturday', confirm_duplicate: 'yes' });
    await founder.post(`/posts/${need}/respond`);
    const unread = async () =>
      (
        await world.deps.db
          .selectFrom('notifications')
          .select('id')
          .where('read_at', 'is', null)
          .where(
            'member_id',
            '=',
            (
              await world.deps.db
                .selectFrom('members')
                .select('id')
                .where('display_name', '=', 'Noa')
                .executeTakeFirstOrThrow()
            ).id,
          )
          .execute()
      ).length;
    expect(await unread()).toBe(1);
    const page = await (await asker.get('/notifications')).text();
    expect(await unread()).toBe(1); // reading is not marking
    const upto = page.match(/name="upto" value="([^"]+)"/)![1]!;
    // A cross-site post is refused.
    expect(
      (
        await asker.request('/notifications/read', {
          method: 'POST',
          headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
          body: `upto=${upto}`,
        })
      ).status,
    ).toBe(403);
    expect(await unread()).toBe(1);
    world.now.value = new Date(world.now.value.getTime() + 60_000);
    await founder.post(
      `/matches/${(await world.deps.db.selectFrom('matches').select('id').where('need_id', '=', need).executeTakeFirstOrThrow()).id}/messages`,
      { body: 'On my way' },
    );
    expect(await unread()).toBe(2);
    expect((await asker.post('/notifications/read', { upto })).status).toBe(303);
    expect(await unread()).toBe(1); // the message came after the list was read
  });

  it('keeps the currency once money has moved: the proposal is refused beside the field, and one already open changes nothing', async () => {
    // Open while the ledger is empty: allowed.
    const early = await founder.post('/decisions', {
      title: 'Use euros',
      process: 'consent',
      closes_in: '72',
      agreement: 'currency',
      agreement_value: 'EUR',
    });
    expect(early.status).toBe(303);
    await buildMember(world, { name: 'Tesa' });
    await makeTreasurer(world, founder, 'Tesa');
    const fund = await makeFund(world, founder, 'Groceries fund');
    const treasurer = new Client(world);
    treasurer.cookies = new Map(founder.cookies);
    const tesa = await world.deps.db
      .selectFrom('members')
      .select('id')
      .where('display_name', '=', 'Tesa')
      .executeTakeFirstOrThrow();
    const { createSession } = await import('../../src/members/sessions.ts');
    treasurer.cookies.set('__Host-kropotkin', await createSession(world.deps.db, tesa.id, world.now.value));
    const gift = await treasurer.post('/fund/move', {
      key: await formKey(treasurer, '/fund/move'),
      kind: 'gift',
      fund,
      amount: '50',
      memo: 'Bake sale',
    });
    expect(gift.status).toBe(303);
    const refused = await founder.post('/decisions', {
      title: 'Use pesos',
      process: 'consent',
      closes_in: '24',
      agreement: 'currency',
      agreement_value: 'MXN',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('The currency cannot change once money has moved');
    expect(html).toContain('Use pesos'); // what was typed stays
    await passByConsent(world, 72);
    expect(
      (
        await world.deps.db
          .selectFrom('agreements')
          .select('value')
          .where('key', '=', 'currency')
          .orderBy('adopted_at', 'desc')
          .executeTakeFirstOrThrow()
      ).value,
    ).toBe('USD');
    expect(await (await founder.get('/fund')).text()).toContain('$50.00');
  });
});
