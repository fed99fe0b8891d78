// Model-based property test of the fund: random sequences of gifts, contributions, requests, decisions, payouts,
// transfers, reversals, circle payments and payouts, and replayed writes run through the real commands and database, side by side with a small
// in-memory model. After every step the funds hold what the model says, cached balances equal the entries, and no
// floor is broken; after every sequence every entry balances and every currency adds to zero.
import { registry } from '../../src/domains.ts';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { engine, freshDatabase } from '../support/db.ts';
import type { Db } from '../../src/db/connect.ts';
import { deriveKeys } from '../../src/security/crypto.ts';
import { createMember } from '../../src/members/commands.ts';
import { openProposal, closeProposal, castBallot } from '../../src/decisions/commands.ts';
import { proposalById } from '../../src/decisions/queries.ts';
import { standardRules } from '../../src/decisions/tally.ts';
import { ask, confirmRecord, record, withdrawRecord } from '../../src/fund/commands.ts';
import { createCircle, joinCircle, payRound, receiveRound, startCircle } from '../../src/circles/commands.ts';
import { circleById, roundsOf } from '../../src/circles/queries.ts';
import { checkLedger, totalsPerCurrency } from '../../src/fund/queries.ts';
import { AppError } from '../../src/web/errors.ts';
import type { FundRules } from '../../src/fund/rules.ts';

// A fixed budget in every run; FUND_MODEL_RUNS (or `npm run test:deep`) for a deeper search.
const RUNS = Number(process.env.FUND_MODEL_RUNS ?? 250);
const keys = deriveKeys(crypto.randomBytes(32));
let db: Db;
let close: () => Promise<void>;
let now = new Date('2027-01-01T00:00:00Z');
const later = (hours: number) => (now = new Date(now.getTime() + hours * 3_600_000));

const members: string[] = [];
let treasurer = '';
let pot = '';
const funds: { id: string; rules: FundRules }[] = [];

/** Passes (or fails) a binding proposal as the members would: ballots, then closing after its time. */
async function decide(proposalId: string, pass: boolean) {
  const p = (await proposalById(db, proposalId))!;
  if (pass) {
    for (const m of members.slice(0, 2)) await castBallot(db, p, m, { pick: 'consent' }, null, now);
  } else {
    await castBallot(db, p, members[2]!, { pick: 'objection' }, 'not now', now);
  }
  const when = new Date(p.closesAt.getTime() + 1000);
  if (when > now) now = when;
  await db.transaction().execute((tx) => closeProposal(tx, registry, proposalId, now));
}

const decisionRules = standardRules('consent');

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  for (const name of ['Treasurer', 'Ana', 'Ben', 'Cy', 'Dee'])
    members.push(await createMember(db, keys, { displayName: name, language: 'en' }));
  treasurer = members.shift()!;
  pot = (await db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow()).id;
  const fill = await openProposal(
    db,
    null,
    {
      kind: 'role',
      title: 'Treasurer',
      body: '',
      process: 'consent',
      options: [],
      closesInHours: 1,
      rules: decisionRules,
      anonymous: false,
      action: { type: 'fill_role', role: 'treasurer', member_id: treasurer, member_name: 'Treasurer', days: 366 * 400 },
    },
    now,
  );
  await decide(fill, true);
  const specs: [string, FundRules][] = [
    ['Emergency', { floor: 0, limit: 15000, days: 30, keep: 5000, second_above: 10000, revolving: false }],
    ['Rent', { floor: 20000, limit: 0, days: 30, keep: 0, second_above: 0, revolving: false }],
  ];
  for (const [name, rules] of specs) {
    const id = await openProposal(
      db,
      null,
      {
        kind: 'fund',
        title: name,
        body: '',
        process: 'consent',
        options: [],
        closesInHours: 1,
        rules: decisionRules,
        anonymous: false,
        action: { type: 'create_fund', name, currency: 'USD', rules },
      },
      now,
    );
    await decide(id, true);
    funds.push({
      id: (await db.selectFrom('fund_accounts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
      rules,
    });
  }
  funds.unshift({ id: pot, rules: { floor: 0, limit: 0, days: 30, keep: 0, second_above: 0, revolving: false } });
}, 60_000);

afterAll(() => close());

type CircleModel = {
  id: string;
  account: string;
  rounds: { id: string; recipient: string; payers: Set<string>; collected: number; paidOut: number }[];
};

type Model = {
  circle: CircleModel;
  balance: Map<string, number>;
  promised: Map<string, number>;
  used: Map<string, number>;
  requests: {
    id: string;
    member: string;
    fund: string;
    amount: number;
    status: 'proposed' | 'approved' | 'declined' | 'paid';
  }[];
  entries: { id: number; lines: [string, number][]; reversible: boolean }[];
  writes: { by: string; key: string; body: unknown; run: () => Promise<unknown> }[];
};

const bal = (m: Model, f: string) => m.balance.get(f) ?? 0;
const floorOf = (f: string) => funds.find((x) => x.id === f)!.rules.floor;
const newKey = () => crypto.randomBytes(9).toString('base64url');

async function lastEntryId(): Promise<number> {
  return Number(
    (await db.selectFrom('ledger_entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id,
  );
}

/** Runs a write the model expects to be refused for a floor; returns true if it was. */
async function refusedForFloor(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'KR016') return true;
    throw e;
  }
}

type Step =
  | { op: 'gift'; fund: number; amount: number }
  | { op: 'contribute'; member: number; fund: number; amount: number }
  | { op: 'ask'; member: number; fund: number; amount: number }
  | { op: 'decide'; pick: number; pass: boolean }
  | { op: 'pay'; pick: number }
  | { op: 'transfer'; from: number; to: number; amount: number }
  | { op: 'reverse'; pick: number }
  | { op: 'replay'; pick: number }
  | { op: 'circle_pay'; round: number; member: number }
  | { op: 'circle_receive'; round: number };

const amount = fc.integer({ min: 1, max: 40000 });
const fundIx = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(50);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('gift' as const), fund: fundIx, amount }),
  fc.record({ op: fc.constant('contribute' as const), member: fc.integer({ min: 0, max: 3 }), fund: fundIx, amount }),
  fc.record({
    op: fc.constant('ask' as const),
    member: fc.integer({ min: 0, max: 3 }),
    fund: fundIx,
    amount: fc.integer({ min: 1, max: 20000 }),
  }),
  fc.record({ op: fc.constant('decide' as const), pick, pass: fc.boolean() }),
  fc.record({ op: fc.constant('pay' as const), pick }),
  fc.record({ op: fc.constant('transfer' as const), from: fundIx, to: fundIx, amount }),
  fc.record({ op: fc.constant('reverse' as const), pick }),
  fc.record({ op: fc.constant('replay' as const), pick }),
  fc.record({
    op: fc.constant('circle_pay' as const),
    round: fc.integer({ min: 0, max: 2 }),
    member: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ op: fc.constant('circle_receive' as const), round: fc.integer({ min: 0, max: 2 }) }),
);

const CIRCLE_AMOUNT = 2500;

/** The circle sequences play with: the newest one, or a new one (lottery, three members) once it has run its course. */
async function currentCircle(): Promise<CircleModel> {
  const latest = await db.selectFrom('circles').select('id').orderBy('created_at', 'desc').executeTakeFirst();
  const load = async (id: string): Promise<CircleModel> => {
    const circle = (await circleById(db, id))!;
    const rounds = await roundsOf(db, id);
    return {
      id,
      account: circle.accountId,
      rounds: rounds.map((r) => ({
        id: r.id,
        recipient: r.recipientId!,
        payers: new Set(r.payers),
        collected: r.collected,
        paidOut: r.paidOut,
      })),
    };
  };
  if (latest) {
    const c = await load(latest.id);
    if (c.rounds.some((r) => r.payers.size < 3 || r.paidOut < r.collected)) return c;
  }
  const id = await createCircle(
    db,
    members[0]!,
    { name: 'Tanda', amount: CIRCLE_AMOUNT, periodDays: 7, orderRule: 'lottery' },
    'USD',
    now,
  );
  for (const m of members.slice(1, 3)) await joinCircle(db, m, (await circleById(db, id))!, now);
  await startCircle(db, members[0]!, id, null, now);
  return load(id);
}

async function apply(m: Model, s: Step) {
  const add = (f: string, d: number) => m.balance.set(f, bal(m, f) + d);
  switch (s.op) {
    case 'gift': {
      const fund = funds[s.fund]!.id;
      const key = newKey();
      const run = () =>
        record(db, { id: treasurer }, { kind: 'gift', fundId: fund, amount: s.amount, memo: null }, 'USD', key, now);
      await run();
      add(fund, s.amount);
      m.entries.push({ id: await lastEntryId(), lines: [[fund, s.amount]], reversible: true });
      m.writes.push({ by: treasurer, key, body: s, run });
      return;
    }
    case 'contribute': {
      const fund = funds[s.fund]!.id;
      const member = members[s.member]!;
      const r = await record(
        db,
        { id: member },
        { kind: 'contribution', fundId: fund, amount: s.amount, named: false },
        'USD',
        newKey(),
        now,
      );
      expect(r.entered).toBe(false);
      await confirmRecord(db, { id: treasurer }, r.result, newKey(), now);
      add(fund, s.amount);
      m.entries.push({ id: await lastEntryId(), lines: [[fund, s.amount]], reversible: true });
      return;
    }
    case 'ask': {
      const f = funds[s.fund]!;
      const member = members[s.member]!;
      const usedKey = `${member}|${f.id}`;
      const rules = f.rules;
      const fits =
        rules.limit > 0 &&
        (m.used.get(usedKey) ?? 0) + s.amount <= rules.limit &&
        bal(m, f.id) - (m.promised.get(f.id) ?? 0) - s.amount >= Math.max(rules.keep, rules.floor);
      const key = newKey();
      const run = () =>
        ask(
          db,
          keys,
          { id: member, name: 'x' },
          { fundId: f.id, amount: s.amount, note: null, named: false },
          'USD',
          key,
          now,
        );
      const done = await run();
      expect(done.status).toBe(fits ? 'approved' : 'proposed');
      m.requests.push({
        id: done.result,
        member,
        fund: f.id,
        amount: s.amount,
        status: fits ? 'approved' : 'proposed',
      });
      if (fits) {
        m.used.set(usedKey, (m.used.get(usedKey) ?? 0) + s.amount);
        m.promised.set(f.id, (m.promised.get(f.id) ?? 0) + s.amount);
      }
      m.writes.push({ by: member, key, body: s, run });
      return;
    }
    case 'decide': {
      const open = m.requests.filter((r) => r.status === 'proposed');
      if (!open.length) return;
      const r = open[s.pick % open.length]!;
      const { proposal_id } = await db
        .selectFrom('fund_requests')
        .select('proposal_id')
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      await decide(proposal_id!, s.pass);
      r.status = s.pass ? 'approved' : 'declined';
      if (s.pass) m.promised.set(r.fund, (m.promised.get(r.fund) ?? 0) + r.amount);
      return;
    }
    case 'pay': {
      const approved = m.requests.filter((r) => r.status === 'approved');
      if (!approved.length) return;
      const r = approved[s.pick % approved.length]!;
      const rules = funds.find((f) => f.id === r.fund)!.rules;
      const pay = () => record(db, { id: treasurer }, { kind: 'payout', requestId: r.id }, 'USD', newKey(), now);
      const goesBelow = bal(m, r.fund) - r.amount < floorOf(r.fund);
      if (r.amount <= rules.second_above) {
        // Entered at once, or refused at once: nothing waits.
        if (goesBelow) {
          expect(await refusedForFloor(pay)).toBe(true);
          return;
        }
        expect((await pay()).entered).toBe(true);
      } else {
        const recorded = await pay();
        expect(recorded.entered).toBe(false);
        const second = members.find((x) => x !== r.member)!;
        const refused = await refusedForFloor(() => confirmRecord(db, { id: second }, recorded.result, newKey(), now));
        expect(refused).toBe(goesBelow);
        if (refused) {
          await withdrawRecord(db, { id: treasurer }, recorded.result, now);
          return;
        }
      }
      add(r.fund, -r.amount);
      m.promised.set(r.fund, (m.promised.get(r.fund) ?? 0) - r.amount);
      r.status = 'paid';
      m.entries.push({ id: await lastEntryId(), lines: [[r.fund, -r.amount]], reversible: true });
      return;
    }
    case 'transfer': {
      if (s.from === s.to) return;
      const from = funds[s.from]!.id;
      const to = funds[s.to]!.id;
      const recorded = await record(
        db,
        { id: treasurer },
        { kind: 'transfer', fundId: from, toFundId: to, amount: s.amount, memo: null },
        'USD',
        newKey(),
        now,
      );
      const goesBelow = bal(m, from) - s.amount < floorOf(from);
      const refused = await refusedForFloor(() =>
        confirmRecord(db, { id: members[0]! }, recorded.result, newKey(), now),
      );
      expect(refused).toBe(goesBelow);
      if (refused) {
        await withdrawRecord(db, { id: treasurer }, recorded.result, now);
        return;
      }
      add(from, -s.amount);
      add(to, s.amount);
      m.entries.push({
        id: await lastEntryId(),
        lines: [
          [from, -s.amount],
          [to, s.amount],
        ],
        reversible: true,
      });
      return;
    }
    case 'reverse': {
      const candidates = m.entries.filter((e) => e.reversible);
      if (!candidates.length) return;
      const e = candidates[s.pick % candidates.length]!;
      const recorded = await record(
        db,
        { id: treasurer },
        { kind: 'reversal', entryId: e.id, memo: null },
        'USD',
        newKey(),
        now,
      );
      const goesBelow = e.lines.some(([f, d]) => d > 0 && bal(m, f) - d < floorOf(f));
      // The member a payout paid is no second member for undoing it.
      const paid = await db
        .selectFrom('ledger_entries as le')
        .innerJoin('fund_records as o', 'o.id', 'le.record_id')
        .leftJoin('fund_requests as q', 'q.id', 'o.request_id')
        .select(['o.member_id', 'q.member_id as payee'])
        .where('le.id', '=', e.id)
        .executeTakeFirst();
      const second = members.find((x) => x !== paid?.member_id && x !== paid?.payee)!;
      const refused = await refusedForFloor(() => confirmRecord(db, { id: second }, recorded.result, newKey(), now));
      expect(refused).toBe(goesBelow);
      if (refused) {
        await withdrawRecord(db, { id: treasurer }, recorded.result, now);
        return;
      }
      for (const [f, d] of e.lines) add(f, -d);
      e.reversible = false;
      // Undoing a payout puts its request back among the approved ones.
      const paidRequest = await db
        .selectFrom('ledger_entries as le')
        .innerJoin('fund_records as c', 'c.id', 'le.record_id')
        .select('c.request_id')
        .where('le.id', '=', e.id)
        .executeTakeFirst();
      const req = m.requests.find((r) => r.id === paidRequest?.request_id);
      if (req) {
        req.status = 'approved';
        m.promised.set(req.fund, (m.promised.get(req.fund) ?? 0) + req.amount);
      }
      return;
    }
    case 'circle_pay': {
      const r = m.circle.rounds[s.round]!;
      const member = members[s.member]!;
      if (r.payers.has(member)) {
        await expect(payRound(db, member, r.id, newKey(), now)).rejects.toMatchObject({ code: 'already_paid' });
        return;
      }
      const key = newKey();
      const run = () => payRound(db, member, r.id, key, now);
      await run();
      r.payers.add(member);
      r.collected += CIRCLE_AMOUNT;
      add(m.circle.account, CIRCLE_AMOUNT);
      m.writes.push({ by: member, key, body: s, run });
      return;
    }
    case 'circle_receive': {
      const r = m.circle.rounds[s.round]!;
      const due = r.collected - r.paidOut;
      if (due <= 0) {
        await expect(receiveRound(db, r.recipient, r.id, newKey(), now)).rejects.toMatchObject({
          code: 'nothing_to_receive',
        });
        return;
      }
      await receiveRound(db, r.recipient, r.id, newKey(), now);
      r.paidOut += due;
      add(m.circle.account, -due);
      return;
    }
    case 'replay': {
      if (!m.writes.length) return;
      const w = m.writes[s.pick % m.writes.length]!;
      const before = await entriesAndRequests();
      const again = (await w.run()) as { repeated: boolean };
      expect(again.repeated).toBe(true);
      expect(await entriesAndRequests()).toEqual(before);
      return;
    }
  }
}

async function entriesAndRequests() {
  const r = await sql<{
    e: number;
    q: number;
  }>`select (select count(*) from ledger_entries)::bigint as e, (select count(*) from fund_requests)::bigint as q`.execute(
    db,
  );
  return r.rows[0];
}

async function readModel(): Promise<Model> {
  const balances = await db
    .selectFrom('fund_balances')
    .select(['account_id', 'balance'])
    .where('currency', '=', 'USD')
    .execute();
  const promised = await db
    .selectFrom('fund_requests')
    .select(['fund_id', sql<number>`sum(amount)::bigint`.as('s')])
    .where('status', '=', 'approved')
    .groupBy('fund_id')
    .execute();
  return {
    circle: await currentCircle(),
    balance: new Map(balances.map((b) => [b.account_id, Number(b.balance)])),
    promised: new Map(promised.map((p) => [p.fund_id, Number(p.s)])),
    used: new Map(),
    requests: [],
    entries: [],
    writes: [],
  };
}

/** Cached equals summed equals the model; and a fund below its floor (a new fund, say) only ever grew. */
async function expectMatches(m: Model, before: Map<string, number>) {
  // The circle holds exactly what its rounds collected and have not paid out, never less than nothing.
  const held = m.circle.rounds.reduce((sum, r) => sum + r.collected - r.paidOut, 0);
  const circle = await db
    .selectFrom('fund_balances')
    .select('balance')
    .where('account_id', '=', m.circle.account)
    .executeTakeFirst();
  expect(Number(circle?.balance ?? 0)).toBe(held);
  expect(held).toBeGreaterThanOrEqual(0);
  for (const f of funds) {
    const row = await sql<{ cached: number | null; summed: number | null }>`select
      (select balance from fund_balances where account_id = ${f.id} and currency = 'USD')::bigint as cached,
      (select sum(amount) from ledger_lines where account_id = ${f.id} and currency = 'USD')::bigint as summed`.execute(
      db,
    );
    const { cached, summed } = row.rows[0]!;
    expect(Number(cached ?? 0)).toBe(Number(summed ?? 0));
    expect(Number(cached ?? 0)).toBe(bal(m, f.id));
    const now = Number(cached ?? 0);
    if (now < f.rules.floor) expect(now).toBeGreaterThanOrEqual(before.get(f.id) ?? 0);
  }
}

describe(`the fund against a model (${engine})`, () => {
  it(`keeps every invariant over ${RUNS} random sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        later(24 * 31); // a new standing-rules window for every sequence
        const model = await readModel();
        for (const s of steps) {
          const before = new Map(model.balance);
          await apply(model, s);
          await expectMatches(model, before);
        }
        const check = await checkLedger(db);
        expect(check).toMatchObject({ unbalanced: 0, mismatched: 0 });
        for (const total of (await totalsPerCurrency(db)).values()) expect(total).toBe(0);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);

  it('refuses a write whose key was used for another body', async () => {
    const key = newKey();
    await record(db, { id: treasurer }, { kind: 'gift', fundId: pot, amount: 100, memo: null }, 'USD', key, now);
    await expect(
      record(db, { id: treasurer }, { kind: 'gift', fundId: pot, amount: 101, memo: null }, 'USD', key, now),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.status === 409 && e.code === 'idempotency_key_reused');
  });
});
