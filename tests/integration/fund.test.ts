// The shared fund end to end through the app: treasurer and funds made by decision, a request inside the standing
// agreement paid at once, a larger one decided by the members and paid by two, contributions confirmed by a
// treasurer, reversals, floors, idempotency keys, the append-only ledger, pledges, and what members see.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  type Client,
  type TestWorld,
  buildMember,
  buildWorld,
  foundNetwork,
  idFromRedirect,
  passHours,
  worldForFile,
} from '../support/app.ts';
import { networkAgreements } from '../../src/agreements/queries.ts';
import { engine } from '../support/db.ts';
import {
  balanceOf,
  expectLedgerSound,
  formKey,
  makeFund,
  makeTreasurer,
  memberIdOf,
  passByConsent,
  potId,
} from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
let asker: Client;
let treasurer: Client;
let second: Client;
let emergency: string;

const balance = (account: string) => balanceOf(world.deps.db, account);
const entries = async () =>
  Number(
    (
      await world.deps.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const ledgerIsSound = () => expectLedgerSound(world.deps.db);

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
  asker = await buildMember(world, { name: 'Asha' });
  treasurer = await buildMember(world, { name: 'Tomas' });
  second = await buildMember(world, { name: 'Sol' });
  await makeTreasurer(world, founder, 'Tomas');
  emergency = await makeFund(world, founder, 'Emergency', {
    limit: '150',
    days: '30',
    keep: '500',
    second_above: '100',
  });
});

describe(`the shared fund (${engine})`, () => {
  it('fills the treasurer role and makes a fund only by decision, with the rules the decision carried', async () => {
    const page = await (await asker.get('/fund')).text();
    expect(page).toContain('Tomas, until');
    expect(page).toContain('Emergency');
    expect(page).toContain(
      'Up to $150.00 per member every 30 days, paid without a vote, as long as at least $500.00 stays in the fund.',
    );
    expect(page).toContain('A payout above $100.00 is confirmed by a second member.');
    // Nothing but a passed proposal makes a fund, changes its rules or fills a role.
    const pot = await potId(world);
    await expect(
      sql`insert into fund_accounts (kind, name, decision_id) values ('fund', 'Sneaky', gen_random_uuid())`.execute(
        world.deps.db,
      ),
    ).rejects.toThrow();
    await expect(
      sql`insert into fund_rules (fund_id, currency, rules, decision_id)
      select ${pot}, 'USD', '{"floor":0,"limit":100000,"days":30,"keep":0,"second_above":0,"revolving":false}', id from proposals limit 1`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
    await expect(
      sql`insert into role_terms (role, member_id, starts_at, ends_at, decision_id)
      select 'treasurer', m.id, now(), now() + interval '1 day', p.id from members m, proposals p where m.display_name = 'Asha' limit 1`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
  });

  it('lets only a treasurer record money coming in, and enters it at once', async () => {
    expect((await asker.get('/fund/move')).status).toBe(403);
    const key = await formKey(treasurer, '/fund/move');
    const res = await treasurer.post('/fund/move', {
      key,
      kind: 'gift',
      fund: emergency,
      amount: '1,000',
      memo: 'Solidarity dinner',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(await balance(emergency)).toBe(100000);
    // The same form sent twice (a double tap) records it once.
    expect(
      (
        await treasurer.post('/fund/move', {
          key,
          kind: 'gift',
          fund: emergency,
          amount: '1,000',
          memo: 'Solidarity dinner',
        })
      ).status,
    ).toBe(303);
    expect(await balance(emergency)).toBe(100000);
    // The same key with other details is refused, and nothing changes.
    const other = await treasurer.post('/fund/move', {
      key,
      kind: 'gift',
      fund: emergency,
      amount: '2,000',
      memo: 'Solidarity dinner',
    });
    expect(other.status).toBe(409);
    expect(await other.text()).toContain('already sent with different details');
    expect(await balance(emergency)).toBe(100000);
    await ledgerIsSound();
  });

  it('approves a request within the standing agreement at once, without asking why, and the treasurer pays it', async () => {
    const askPage = await (await asker.get('/fund/ask')).text();
    expect(askPage).toContain('No reason is needed');
    const res = await asker.post('/fund/ask', {
      key: await formKey(asker, '/fund/ask'),
      fund: emergency,
      amount: '100',
      note: 'Cash at the Tuesday pantry please',
    });
    expect(res.status).toBe(303);
    const requestId = idFromRedirect(res).split('?')[0]!;
    const page = await (await asker.get(`/fund/requests/${requestId}?asked=1`)).text();
    expect(page).toContain('Approved at once by the standing agreement');
    expect(page).toContain('Cash at the Tuesday pantry please');
    // Others see the amount and that it is "a member"; not the note, not the name.
    const seen = await (await second.get(`/fund/requests/${requestId}`)).text();
    expect(seen).toContain('a member');
    expect(seen).not.toContain('Asha');
    expect(seen).not.toContain('Tuesday pantry');
    // The treasurer sees who to pay and the note; $100 is not above $100, so it enters at once.
    const tPage = await (await treasurer.get(`/fund/requests/${requestId}`)).text();
    expect(tPage).toContain('Asha');
    expect(tPage).toContain('Tuesday pantry');
    const paid = await treasurer.post(`/fund/requests/${requestId}/pay`, {
      key: await formKey(treasurer, `/fund/requests/${requestId}`, `/fund/requests/${requestId}/pay`),
    });
    expect(paid.status).toBe(303);
    expect(await balance(emergency)).toBe(90000);
    expect(await (await asker.get('/notifications')).text()).toContain(
      'A payout of $100.00 from Emergency was recorded for you',
    );
    expect((await asker.post(`/fund/requests/${requestId}/received`)).status).toBe(303);
    expect(await (await asker.get(`/fund/requests/${requestId}`)).text()).toContain('paid and received');
    // The note is sealed at rest.
    const raw = await sql<{
      t: string;
    }>`select encode(note_enc, 'escape') as t from fund_requests where id = ${requestId}`.execute(world.deps.db);
    expect(raw.rows[0]!.t).not.toContain('Tuesday');
    await ledgerIsSound();
  });

  it('sends a request beyond the standing agreement to the members; once passed, a payout waits for a second member', async () => {
    const res = await asker.post('/fund/ask', {
      key: await formKey(asker, '/fund/ask'),
      fund: emergency,
      amount: '300',
      named: 'on',
    });
    const requestId = idFromRedirect(res);
    const request = await world.deps.db
      .selectFrom('fund_requests')
      .select(['status', 'proposal_id'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('proposed');
    const proposal = await (await second.get(`/decisions/${request.proposal_id}`)).text();
    expect(proposal).toContain('Pay $300.00 from Emergency?');
    expect(proposal).toContain('Emergency pays $300.00 to Asha.');
    expect(proposal).toContain('opened by a request to the fund');
    // Consent with a 20 % quorum: silence alone does not pay out money.
    await second.post(`/decisions/${request.proposal_id}/vote`, { pick: 'consent' });
    await treasurer.post(`/decisions/${request.proposal_id}/vote`, { pick: 'consent' });
    passHours(world, 49);
    await runJobs(world.deps);
    expect(
      (
        await world.deps.db
          .selectFrom('fund_requests')
          .select('status')
          .where('id', '=', requestId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('approved');
    expect(await (await asker.get('/notifications')).text()).toContain(
      'Your request for $300.00 from Emergency is approved',
    );

    const pay = await treasurer.post(`/fund/requests/${requestId}/pay`, {
      key: await formKey(treasurer, `/fund/requests/${requestId}`, `/fund/requests/${requestId}/pay`),
    });
    const recordId = idFromRedirect(pay);
    expect(await balance(emergency)).toBe(90000); // not yet: it waits for a second member
    // Neither the one who recorded it nor the one it pays can be the second.
    for (const who of [treasurer, asker]) {
      const r = await who.post(`/fund/records/${recordId}/confirm`, { key: 'k-12345678' });
      expect(r.status).toBe(403);
    }
    const page = await (await second.get(`/fund/records/${recordId}`)).text();
    expect(page).toContain('waits for a second member');
    expect(
      (
        await second.post(`/fund/records/${recordId}/confirm`, {
          key: await formKey(second, `/fund/records/${recordId}`),
        })
      ).status,
    ).toBe(303);
    expect(await balance(emergency)).toBe(60000);
    const ledger = await (await founder.get('/fund/ledger')).text();
    expect(ledger).toContain('Emergency paid $300.00 to Asha'); // named, as she chose
    expect(ledger).toContain('Emergency paid $100.00 to a member');
    expect(ledger).toContain('confirmed by Sol');
    await ledgerIsSound();
  });

  it('says the real reason a request goes to the members, and what the member can do next', async () => {
    const over = await asker.post('/fund/ask', {
      key: await formKey(asker, '/fund/ask'),
      fund: emergency,
      amount: '200',
    });
    expect(over.headers.get('location')).toContain('why=over_limit');
    expect(await (await asker.get(over.headers.get('location')!)).text()).toContain(
      'more than the standing agreement pays each member at once',
    );
    // Within a fund's standing agreement, but nothing is in the fund: the page says so, not "beyond the agreement".
    const rent = await makeFund(world, founder, 'Rent', { limit: '100', days: '30' });
    const short = await second.post('/fund/ask', { key: await formKey(second, '/fund/ask'), fund: rent, amount: '40' });
    expect(short.headers.get('location')).toContain('why=keeps_reserve');
    const page = await (await second.get(short.headers.get('location')!)).text();
    expect(page).toContain('the fund has too little left');
    expect(page).toContain('A gift or contribution to the fund makes room.');
    expect(page).not.toContain('beyond the standing agreement');
  });

  it('never takes a fund below its floor: the payout is refused and nothing is recorded', async () => {
    // A request the members approved, for more than the fund holds.
    const res = await asker.post('/fund/ask', {
      key: await formKey(asker, '/fund/ask'),
      fund: emergency,
      amount: '5000',
    });
    const requestId = idFromRedirect(res);
    const { proposal_id } = await world.deps.db
      .selectFrom('fund_requests')
      .select('proposal_id')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    await second.post(`/decisions/${proposal_id}/vote`, { pick: 'consent' });
    await founder.post(`/decisions/${proposal_id}/vote`, { pick: 'consent' });
    passHours(world, 49);
    await runJobs(world.deps);
    const pay = await treasurer.post(`/fund/requests/${requestId}/pay`, {
      key: await formKey(treasurer, `/fund/requests/${requestId}`, `/fund/requests/${requestId}/pay`),
    });
    const recordId = idFromRedirect(pay);
    const before = await entries();
    const confirm = await second.post(`/fund/records/${recordId}/confirm`, {
      key: await formKey(second, `/fund/records/${recordId}`),
    });
    expect(confirm.status).toBe(409);
    expect(await confirm.text()).toContain('it would go below its floor');
    expect(await entries()).toBe(before);
    expect(await balance(emergency)).toBe(60000);
    // The database holds the floor whatever the app does.
    const pot = await potId(world);
    await expect(
      world.deps.db.transaction().execute(async (tx) => {
        const e = await tx
          .insertInto('ledger_entries')
          .values({ at: new Date(), kind: 'payout' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const outside = (
          await tx.selectFrom('fund_accounts').select('id').where('kind', '=', 'outside').executeTakeFirstOrThrow()
        ).id;
        await tx
          .insertInto('ledger_lines')
          .values([
            { entry_id: e.id, account_id: pot, currency: 'USD', amount: -1 },
            { entry_id: e.id, account_id: outside, currency: 'USD', amount: 1 },
          ])
          .execute();
      }),
    ).rejects.toMatchObject({ code: 'KR016' });
    // The one who recorded it can withdraw it; it never entered the ledger.
    expect((await treasurer.post(`/fund/records/${recordId}/withdraw`)).status).toBe(303);
    await ledgerIsSound();
  });

  it('enters a member’s contribution when a treasurer confirms it arrived, and shows the giver only if they chose', async () => {
    const pot = await potId(world);
    const res = await second.post('/fund/give', {
      key: await formKey(second, '/fund/give'),
      fund: pot,
      amount: '25.50',
    });
    const recordId = idFromRedirect(res);
    expect(await balance(pot)).toBe(0);
    expect((await asker.post(`/fund/records/${recordId}/confirm`, { key: 'k-abcdefgh' })).status).toBe(403); // not a treasurer
    expect(
      (
        await treasurer.post(`/fund/records/${recordId}/confirm`, {
          key: await formKey(treasurer, `/fund/records/${recordId}`),
        })
      ).status,
    ).toBe(303);
    expect(await balance(pot)).toBe(2550);
    const ledger = await (await asker.get('/fund/ledger')).text();
    expect(ledger).toContain('a member gave $25.50 to Common pot');
    expect(ledger).not.toContain('Sol gave');
    await ledgerIsSound();
  });

  it('undoes a mistake with a reversing entry confirmed by a second member; entries are never edited or deleted', async () => {
    const pot = await potId(world);
    await treasurer.post('/fund/move', {
      key: await formKey(treasurer, '/fund/move'),
      kind: 'gift',
      fund: pot,
      amount: '70',
      memo: 'Typo',
    });
    const gift = await world.deps.db
      .selectFrom('ledger_entries')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(await balance(pot)).toBe(9550);
    const rev = await treasurer.post(`/fund/entries/${gift.id}/reverse`, { memo: 'Entered twice' });
    const recordId = idFromRedirect(rev);
    expect(
      (
        await second.post(`/fund/records/${recordId}/confirm`, {
          key: await formKey(second, `/fund/records/${recordId}`),
        })
      ).status,
    ).toBe(303);
    expect(await balance(pot)).toBe(2550);
    const reversal = await world.deps.db
      .selectFrom('ledger_entries')
      .select(['id', 'reverses'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(reversal.reverses)).toBe(Number(gift.id));
    expect(await (await asker.get('/fund/ledger')).text()).toContain(`undone by #${reversal.id}`);
    // Not twice, and a reversal is not itself reversed.
    expect((await treasurer.post(`/fund/entries/${gift.id}/reverse`, { memo: '' })).status).toBe(409);
    expect((await treasurer.post(`/fund/entries/${reversal.id}/reverse`, { memo: '' })).status).toBe(409);
    // Undoing a payout: the member it paid is no second member for it, in the app or in the database.
    const payout = await world.deps.db
      .selectFrom('ledger_entries')
      .innerJoin('fund_records', 'fund_records.id', 'ledger_entries.record_id')
      .innerJoin('fund_requests', 'fund_requests.id', 'fund_records.request_id')
      .select('ledger_entries.id')
      .where('fund_records.kind', '=', 'payout')
      .where('fund_requests.member_id', '=', await memberIdOf(world, 'Asha'))
      .orderBy('ledger_entries.id')
      .executeTakeFirstOrThrow();
    const undo = idFromRedirect(
      await treasurer.post(`/fund/entries/${payout.id}/reverse`, { memo: 'Paid to the wrong fund' }),
    );
    expect(await (await asker.get(`/fund/records/${undo}`)).text()).not.toContain(
      `action="/fund/records/${undo}/confirm"`,
    );
    expect((await asker.post(`/fund/records/${undo}/confirm`, { key: 'k-12345678' })).status).toBe(403);
    await expect(
      sql`update fund_records set confirmed_by = ${await memberIdOf(world, 'Asha')}, confirmed_at = now() where id = ${undo}`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR019' });
    expect((await treasurer.post(`/fund/records/${undo}/withdraw`)).status).toBe(303);
    // The database refuses every change to the ledger.
    const db = world.deps.db;
    for (const statement of [
      sql`update ledger_entries set at = now() where id = ${gift.id}`,
      sql`delete from ledger_entries where id = ${gift.id}`,
      sql`update ledger_lines set amount = amount * 2 where entry_id = ${gift.id}`,
      sql`delete from ledger_lines where entry_id = ${gift.id}`,
      sql`truncate ledger_lines, ledger_entries cascade`,
      sql`update fund_balances set balance = balance + 100`,
      sql`update fund_records set amount = 1`,
      sql`delete from fund_records`,
      sql`update fund_rules set rules = '{}'`,
    ]) {
      await expect(statement.execute(db)).rejects.toThrow();
    }
    // Lines cannot be added to an entry after it was written, even balanced ones.
    const outside = (
      await db.selectFrom('fund_accounts').select('id').where('kind', '=', 'outside').executeTakeFirstOrThrow()
    ).id;
    await expect(
      sql`insert into ledger_lines (entry_id, account_id, currency, amount) values
      (${gift.id}, ${pot}, 'EUR', 5), (${gift.id}, ${outside}, 'EUR', -5)`.execute(db),
    ).rejects.toMatchObject({ code: 'KR001' });
    // An unbalanced entry is refused at commit.
    await expect(
      db.transaction().execute(async (tx) => {
        const e = await tx
          .insertInto('ledger_entries')
          .values({ at: new Date(), kind: 'gift' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('ledger_lines')
          .values([
            { entry_id: e.id, account_id: pot, currency: 'USD', amount: 10 },
            { entry_id: e.id, account_id: outside, currency: 'USD', amount: -9 },
          ])
          .execute();
      }),
    ).rejects.toMatchObject({ code: 'KR020' });
    await ledgerIsSound();
  });

  it('shows the balance, the check, flows, the statement and a CSV of the ledger to every member', async () => {
    const page = await (await asker.get('/fund')).text();
    expect(page).toMatch(/All \d+ entries balance, and every balance equals the sum of its entries/);
    expect(page).toContain('Held in all funds: $625.50');
    expect(page).toContain('<svg');
    const statement = await (await asker.get('/fund/statement')).text();
    expect(statement).toContain('fund statement for');
    expect(statement).toContain('$625.50');
    const csv = await asker.get('/fund/ledger.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe(
      'entry,date,kind,what,fund,amount,currency,recorded_by,confirmed_by,reverses,memo',
    );
    expect(text).toContain(',-300.00,USD,Tomas,Sol'); // an outflow is a number a spreadsheet sums, not text
    expect(text).not.toContain("'-");
    expect(text).not.toContain('Tuesday');
  });

  it('answers the JSON API with stable codes, once per Idempotency-Key', async () => {
    const pot = await potId(world);
    const body = { kind: 'gift', fund: pot, amount: 500, memo: 'API gift' };
    const send = (key: string, b: unknown = body) =>
      treasurer.request('/api/fund/records', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
        body: JSON.stringify(b),
      });
    const first = await send('api-key-0001');
    expect(first.status).toBe(201);
    const again = await send('api-key-0001');
    expect(again.status).toBe(200);
    expect((await again.json()).repeated).toBe(true);
    expect((await send('api-key-0001', { ...body, amount: 600 })).status).toBe(409);
    expect((await (await send('api-key-0001', { ...body, amount: 600 })).json()).error.code).toBe(
      'idempotency_key_reused',
    );
    expect((await send('')).status).toBe(400);
    const bad = await send('api-key-0002', { kind: 'gift', fund: pot, amount: -5 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.amount).toBe('error.amount');
    const notTreasurer = await asker.request('/api/fund/records', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': 'api-key-0003' },
      body: JSON.stringify(body),
    });
    expect(notTreasurer.status).toBe(403);
    expect((await notTreasurer.json()).error.code).toBe('treasurer_only');
    const overview = await (await asker.get('/api/fund')).json();
    expect(overview.check).toMatchObject({ unbalanced: 0, mismatched: 0 });
  });

  it('keeps forms as typed when an amount is not an amount', async () => {
    const res = await asker.post('/fund/ask', {
      key: 'k-form-0001',
      fund: emergency,
      amount: 'a hundred',
      note: 'keep me',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Please give an amount');
    expect(html).toContain('keep me');
    expect(html).toContain('value="a hundred"');
  });

  it('reminds a monthly pledge gently, once a month, until that month’s contribution is recorded', async () => {
    const pot = await potId(world);
    const member = await buildMember(world, { name: 'Pledger' });
    expect((await member.post('/fund/pledge', { fund: pot, amount: '20' })).status).toBe(303);
    expect(await (await founder.get('/fund')).text()).toContain('Monthly pledges: $20.00 from 1 member</p>'); // one member, not "1 members"
    const reminders = async () =>
      Number(
        (
          await world.deps.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('member_id', '=', await memberIdOf(world, 'Pledger'))
            .where('kind', '=', 'pledge_reminder')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await runJobs(world.deps);
    expect(await reminders()).toBe(0); // not in the month it began
    passHours(world, 24 * 31);
    await runJobs(world.deps);
    await runJobs(world.deps);
    expect(await reminders()).toBe(1);
    passHours(world, 24 * 31);
    await member.post('/fund/give', { key: await formKey(member, '/fund/give'), fund: pot, amount: '20' });
    await runJobs(world.deps);
    expect(await reminders()).toBe(1); // already gave this month
    // Idempotency keys are needed for retries only; older than a week they are gone.
    const old = await world.deps.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('created_at', '<', new Date(world.now.value.getTime() - 7 * 86_400_000))
      .execute();
    expect(old).toEqual([]);
    expect(
      Number(
        (
          await world.deps.db
            .selectFrom('idempotency_keys')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);
  });

  it('lets a treasurer step down early, after which they record nothing', async () => {
    const term = await world.deps.db
      .selectFrom('role_terms')
      .select('id')
      .where('member_id', '=', await memberIdOf(world, 'Tomas'))
      .executeTakeFirstOrThrow();
    expect((await treasurer.post(`/roles/terms/${term.id}/step-down`)).status).toBe(303);
    expect((await treasurer.get('/fund/move')).status).toBe(403);
    expect(await (await asker.get('/fund')).text()).toContain('Nobody holds the role yet.');
    await passByConsent(world, 1);
  });
});

describe(`the fund's currency (${engine})`, () => {
  it('is chosen at founding (beside the field if it is not a currency) and shown in it', async () => {
    const fresh = await buildWorld();
    try {
      const bad = await foundNetwork(fresh, { currency: 'ZZZ' }).catch((e: Error) => e);
      expect(String(bad)).toContain('422');
      const founder = await foundNetwork(fresh, { currency: 'mxn' });
      expect((await networkAgreements(fresh.deps.db, fresh.deps.registry)).currency).toBe('MXN');
      const page = await (await founder.get('/fund')).text();
      expect(page).toContain('MX$0.00');
      expect(await (await founder.get('/agreements')).text()).toContain('(MXN)');
    } finally {
      await fresh.close();
    }
  });
});
