// Rotating savings circles and revolving funds through the app: a circle forms, starts with a lottery, collects and
// pays out its rounds, puts off a member's payment by its own decision (never forfeited), stays hidden from others;
// a circle that decides each round picks its recipient by ranked choice; bail paid from a revolving fund is expected
// back, comes back partly, or is written off by decision.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, buildMember, idFromRedirect, passHours, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { expectLedgerSound, formKey, makeFund, makeTreasurer, memberIdOf, passByConsent } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let ana: Client;
let ben: Client;
let cy: Client;
let outsider: Client;

beforeAll(async () => {
  world = files.world;
  ana = await buildMember(world, { name: 'Ana' });
  ben = await buildMember(world, { name: 'Ben' });
  cy = await buildMember(world, { name: 'Cy' });
  outsider = await buildMember(world, { name: 'Dee' });
});

const ledgerIsSound = () => expectLedgerSound(world.deps.db);

const roundIds = async (circleId: string) =>
  await world.deps.db
    .selectFrom('circle_rounds')
    .select(['id', 'number', 'recipient_id'])
    .where('circle_id', '=', circleId)
    .orderBy('number')
    .execute();

describe(`savings circles (${engine})`, () => {
  let circleId: string;

  it('forms a circle members join, and starts it with a lottery everyone can see', async () => {
    const bad = await ana.post('/circles', { name: '', amount: 'ten', period_days: '0', order_rule: 'lottery' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="ten"');
    const res = await ana.post('/circles', {
      name: 'Tanda de la calle 5',
      amount: '50',
      period_days: '14',
      order_rule: 'lottery',
    });
    circleId = idFromRedirect(res);
    expect(await (await outsider.get('/circles')).text()).toContain('Tanda de la calle 5');
    for (const m of [ben, cy]) expect((await m.post(`/circles/${circleId}/join`)).status).toBe(303);
    expect((await ben.post(`/circles/${circleId}/start`)).status).toBe(403); // only the one who formed it starts it
    expect((await ana.post(`/circles/${circleId}/start`)).status).toBe(303);
    const rounds = await roundIds(circleId);
    expect(rounds.length).toBe(3);
    const ids = [await memberIdOf(world, 'Ana'), await memberIdOf(world, 'Ben'), await memberIdOf(world, 'Cy')];
    expect(rounds.map((r) => r.recipient_id).sort()).toEqual([...ids].sort());
    expect((await outsider.post(`/circles/${circleId}/join`)).status).toBe(404); // started: not there for others
  });

  it('shows who paid only to the circle, and puts off a member’s payment by the circle’s own decision', async () => {
    const [r1] = await roundIds(circleId);
    for (const m of [ana, ben]) {
      const key = await formKey(m, `/circles/${circleId}`, `/circles/rounds/${r1!.id}/pay`);
      expect((await m.post(`/circles/rounds/${r1!.id}/pay`, { key })).status).toBe(303);
      expect((await m.post(`/circles/rounds/${r1!.id}/pay`, { key })).status).toBe(303); // a double tap pays once
    }
    expect((await ana.post(`/circles/rounds/${r1!.id}/pay`, { key: 'another-key-1' })).status).toBe(409);
    const page = await (await ben.get(`/circles/${circleId}`)).text();
    expect(page).toMatch(/Ana: <strong>paid<\/strong>/);
    expect(page).toContain('Cy: not yet');
    expect((await outsider.get(`/circles/${circleId}`)).status).toBe(404);
    expect((await outsider.post(`/circles/rounds/${r1!.id}/pay`, { key: 'outsider-key-1' })).status).toBe(404);

    const defer = await cy.post(`/circles/rounds/${r1!.id}/defer`);
    const proposalId = idFromRedirect(defer);
    expect(idFromRedirect(await cy.post(`/circles/rounds/${r1!.id}/defer`))).toBe(proposalId); // asking twice finds the first
    expect(await (await ana.get(`/decisions/${proposalId}`)).text()).toContain('Put off Cy’s payment for round 1?');
    expect((await outsider.get(`/decisions/${proposalId}`)).status).toBe(404);
    expect(await (await outsider.get('/decisions')).text()).not.toContain('Put off');
    expect((await outsider.post(`/decisions/${proposalId}/vote`, { pick: 'consent' })).status).toBe(404);
    await ana.post(`/decisions/${proposalId}/vote`, { pick: 'consent' });
    passHours(world, 49);
    await runJobs(world.deps);
    expect(await (await ben.get(`/circles/${circleId}`)).text()).toContain('Cy: put off by the circle (still owed)');
  });

  it('pays the round to its recipient, keeps the deferred share owed, and pays it on when it comes', async () => {
    const [r1] = await roundIds(circleId);
    const names: Record<string, Client> = {
      [await memberIdOf(world, 'Ana')]: ana,
      [await memberIdOf(world, 'Ben')]: ben,
      [await memberIdOf(world, 'Cy')]: cy,
    };
    const recipient = names[r1!.recipient_id!]!;
    const other = Object.values(names).find((c) => c !== recipient)!;
    expect((await other.post(`/circles/rounds/${r1!.id}/receive`, { key: 'not-mine-key-1' })).status).toBe(403);
    const key = await formKey(recipient, `/circles/${circleId}`, `/circles/rounds/${r1!.id}/receive`);
    expect((await recipient.post(`/circles/rounds/${r1!.id}/receive`, { key })).status).toBe(303);
    let page = await (await cy.get(`/circles/${circleId}`)).text();
    expect(page).toContain('$100.00'); // two shares paid out
    // Cy still owes round 1 (and round 2 once it is due); nothing was forfeited.
    expect(page).toMatch(
      /Cy<\/th><td class="num">\$0\.00<\/td><td class="num">\$[0-9.,]+<\/td><td class="num">\$(50|100)\.00/,
    );
    // Later Cy pays round 1 after all; its recipient receives that share too.
    expect((await cy.post(`/circles/rounds/${r1!.id}/pay`, { key: 'cy-late-pay-1' })).status).toBe(303);
    expect((await recipient.post(`/circles/rounds/${r1!.id}/receive`, { key: 'late-receive-1' })).status).toBe(303);
    page = await (await cy.get(`/circles/${circleId}`)).text();
    expect(page).toContain('$150.00');
    // Circle money is the circle's: it is not in the network's ledger.
    const ledger = await (await outsider.get('/fund/ledger')).text();
    // (the menu names the circles' page; the page says why numbers are missing, and lists no circle entry)
    expect(ledger).toContain('that is why some numbers are missing here');
    expect(ledger.slice(ledger.indexOf('</p>', ledger.indexOf('<main')))).not.toContain('circle');
    // The fund's check counts every entry, and says how many are the circles' (none listed beside it).
    const fund = await (await outsider.get('/fund')).text();
    expect(fund).toMatch(/(One of them is a savings circle’s|\d+ of them are savings circles’)/);
    await ledgerIsSound();
  });

  it('lets a circle decide each round’s recipient by ranked choice', async () => {
    const res = await ana.post('/circles', {
      name: 'Decide each round',
      amount: '20',
      period_days: '7',
      order_rule: 'each_round',
    });
    const id = idFromRedirect(res);
    await ben.post(`/circles/${id}/join`);
    await ana.post(`/circles/${id}/start`);
    const [r1] = await roundIds(id);
    const round = await world.deps.db
      .selectFrom('circle_rounds')
      .select('proposal_id')
      .where('id', '=', r1!.id)
      .executeTakeFirstOrThrow();
    const ballot = await (await ben.get(`/decisions/${round.proposal_id}`)).text();
    expect(ballot).toContain('Who receives round 1?');
    const options = await world.deps.db
      .selectFrom('proposals')
      .select('options')
      .where('id', '=', round.proposal_id!)
      .executeTakeFirstOrThrow();
    const benAt = (options.options as string[]).indexOf('Ben');
    for (const m of [ana, ben]) {
      expect(
        (await m.post(`/decisions/${round.proposal_id}/vote`, { [`rank_${benAt}`]: '1', [`rank_${1 - benAt}`]: '2' }))
          .status,
      ).toBe(303);
    }
    passHours(world, 49);
    await runJobs(world.deps);
    const [decided] = await roundIds(id);
    expect(decided!.recipient_id).toBe(await memberIdOf(world, 'Ben'));
  });

  it('keeps the order of a started circle and its members fixed in the database', async () => {
    const { sql } = await import('kysely');
    await expect(
      sql`delete from circle_members where circle_id = ${circleId}`.execute(world.deps.db),
    ).rejects.toMatchObject({ code: 'KR021' });
    await expect(
      sql`update circle_members set position = position + 10 where circle_id = ${circleId}`.execute(world.deps.db),
    ).rejects.toMatchObject({ code: 'KR021' });
  });
});

describe(`revolving funds (${engine})`, () => {
  it('expects bail back, records it coming back partly, and writes off the rest only by decision', async () => {
    const founder = files.founder;
    const treasurer = await buildMember(world, { name: 'Teo' });
    await makeTreasurer(world, founder, 'Teo');
    const bail = await makeFund(world, founder, 'Bail', { limit: '0', revolving: 'on', second_above: '5000' });
    await treasurer.post('/fund/move', {
      key: await formKey(treasurer, '/fund/move'),
      kind: 'gift',
      fund: bail,
      amount: '3000',
      memo: 'Bail fund drive',
    });
    const pay = async (asker: Client, amount: string) => {
      const asked = await asker.post('/fund/ask', { key: await formKey(asker, '/fund/ask'), fund: bail, amount });
      const requestId = idFromRedirect(asked);
      await passByConsent(world, 49 - 25); // consent with a 20 % quorum: two members look
      const { proposal_id } = await world.deps.db
        .selectFrom('fund_requests')
        .select('proposal_id')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      await founder.post(`/decisions/${proposal_id}/vote`, { pick: 'consent' });
      await ben.post(`/decisions/${proposal_id}/vote`, { pick: 'consent' });
      await passByConsent(world, 30);
      expect(
        (
          await treasurer.post(`/fund/requests/${requestId}/pay`, {
            key: await formKey(treasurer, `/fund/requests/${requestId}`, `/fund/requests/${requestId}/pay`),
          })
        ).status,
      ).toBe(303);
      return requestId;
    };
    await pay(ana, '1000');
    await pay(cy, '500');
    const expected = await world.deps.db
      .selectFrom('fund_expected')
      .select(['id', 'amount', 'status'])
      .orderBy('created_at')
      .execute();
    expect(expected.map((x) => [Number(x.amount), x.status])).toEqual([
      [100000, 'expected'],
      [50000, 'expected'],
    ]);
    const page = await (await outsider.get('/fund')).text();
    expect(page).toContain('Expected back (revolving funds)');
    expect(page).not.toContain('Ana'); // no name of the person helped
    // $600 comes back, the court kept the rest as fees.
    const first = expected[0]!.id;
    expect(
      (await treasurer.post(`/fund/expected/${first}/return`, { key: 'return-key-01', amount: '2000' })).status,
    ).toBe(400); // more than owed
    expect(
      (await treasurer.post(`/fund/expected/${first}/return`, { key: 'return-key-02', amount: '600' })).status,
    ).toBe(303);
    expect((await outsider.post(`/fund/expected/${first}/partly`)).status).toBe(403);
    expect((await treasurer.post(`/fund/expected/${first}/partly`)).status).toBe(303);
    // The other is written off by the members, and only so.
    const second = expected[1]!.id;
    const { sql } = await import('kysely');
    await expect(
      sql`update fund_expected set status = 'written_off', closed_at = now(), decision_id = (select id from proposals limit 1) where id = ${second}`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
    const proposal = idFromRedirect(await outsider.post(`/fund/expected/${second}/write-off`));
    expect(idFromRedirect(await ana.post(`/fund/expected/${second}/write-off`))).toBe(proposal);
    expect(await (await ben.get(`/decisions/${proposal}`)).text()).toContain('Write off $500.00 owed to Bail?');
    await founder.post(`/decisions/${proposal}/vote`, { pick: 'consent' });
    await ben.post(`/decisions/${proposal}/vote`, { pick: 'consent' });
    await passByConsent(world, 49);
    const after = await world.deps.db
      .selectFrom('fund_expected')
      .select(['id', 'status'])
      .orderBy('created_at')
      .execute();
    expect(after.map((x) => x.status)).toEqual(['partly', 'written_off']);
    const bailBalance = await world.deps.db
      .selectFrom('fund_balances')
      .select('balance')
      .where('account_id', '=', bail)
      .executeTakeFirstOrThrow();
    expect(Number(bailBalance.balance)).toBe(300000 - 150000 + 60000);
    await ledgerIsSound();
  });
});
