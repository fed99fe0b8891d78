// Reading the fund: funds with their balances and rules, requests, records waiting for a second member, the
// ledger's entries as members see them (the person paid or giving is "a member" unless they chose to be named),
// monthly flows, and a live check that cached balances equal the entries.
import { sql, type Kysely } from 'kysely';
import type { ConfirmBy, Database, EntryKind, RecordKind, RequestStatus } from '../db/types.ts';
import { readRules, type FundRules } from './rules.ts';

type Q = Kysely<Database>;

export type FundView = {
  id: string;
  kind: 'pot' | 'fund';
  /** Null for the common pot (its name is translated). */
  name: string | null;
  currency: string;
  balance: number;
  /** Approved and not yet paid out. */
  promised: number;
  rules: FundRules;
  rulesDecisionId: string | null;
  /** Monthly pledges to this fund: their total and how many members. */
  pledged: number;
  pledgers: number;
};

export async function outsideAccount(db: Q): Promise<string> {
  return (await db.selectFrom('fund_accounts').select('id').where('kind', '=', 'outside').executeTakeFirstOrThrow()).id;
}

const fundsQuery = (db: Q, currency: string) =>
  db
    .selectFrom('fund_accounts as f')
    // The rules in force (the newest in this currency) and pledges, each read once per fund.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('fund_rules as x')
          .select(['x.rules', 'x.decision_id'])
          .whereRef('x.fund_id', '=', 'f.id')
          .where('x.currency', '=', currency)
          .orderBy('x.id', 'desc')
          .limit(1)
          .as('x'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('fund_pledges as p')
          .select([sql<number>`sum(p.amount)::bigint`.as('pledged'), sql<number>`count(*)::bigint`.as('pledgers')])
          .whereRef('p.fund_id', '=', 'f.id')
          .where('p.currency', '=', currency)
          .where('p.ended_at', 'is', null)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'f.id',
      'f.kind',
      'f.name',
      'x.rules',
      'x.decision_id as rules_decision',
      'p.pledged',
      'p.pledgers',
      eb
        .selectFrom('fund_balances as b')
        .select('b.balance')
        .whereRef('b.account_id', '=', 'f.id')
        .where('b.currency', '=', currency)
        .as('balance'),
      eb
        .selectFrom('fund_requests as r')
        .select(sql<number>`sum(r.amount)::bigint`.as('s'))
        .whereRef('r.fund_id', '=', 'f.id')
        .where('r.currency', '=', currency)
        .where('r.status', '=', 'approved')
        .as('promised'),
    ])
    .where('f.kind', 'in', ['pot', 'fund']);

type FundRow = Awaited<ReturnType<ReturnType<typeof fundsQuery>['execute']>>[number];
const toFund = (r: FundRow, currency: string): FundView => ({
  id: r.id,
  kind: r.kind as 'pot' | 'fund',
  name: r.name,
  currency,
  balance: Number(r.balance ?? 0),
  promised: Number(r.promised ?? 0),
  rules: readRules(r.rules),
  rulesDecisionId: r.rules_decision ?? null,
  pledged: Number(r.pledged ?? 0),
  pledgers: Number(r.pledgers ?? 0),
});

/** The common pot's account. */
export const potAccount = async (db: Q) =>
  (await db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow()).id;

/** The common pot first, then sub-funds by name. */
export async function fundsOverview(db: Q, currency: string): Promise<FundView[]> {
  const rows = await fundsQuery(db, currency)
    .orderBy(sql`f.kind = 'pot'`, 'desc')
    .orderBy('f.name')
    .execute();
  return rows.map((r) => toFund(r, currency));
}

export async function fundById(db: Q, id: string, currency: string): Promise<FundView | undefined> {
  const r = await fundsQuery(db, currency).where('f.id', '=', id).executeTakeFirst();
  return r && toFund(r, currency);
}

/** What the standing agreement already paid (or promised) this member from this fund since a moment. */
export async function standingUse(
  db: Q,
  memberId: string,
  fundId: string,
  currency: string,
  since: Date,
): Promise<number> {
  const r = await db
    .selectFrom('fund_requests')
    .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('s'))
    .where('member_id', '=', memberId)
    .where('fund_id', '=', fundId)
    .where('currency', '=', currency)
    .where('approved_how', '=', 'standing')
    .where('status', 'in', ['approved', 'paid'])
    .where('asked_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.s);
}

export type RequestView = {
  id: string;
  memberId: string;
  memberName: string;
  named: boolean;
  fundId: string;
  fundName: string | null;
  amount: number;
  currency: string;
  noteEnc: Buffer | null;
  status: RequestStatus;
  approvedHow: 'standing' | 'decision' | null;
  proposalId: string | null;
  askedAt: Date;
  decidedAt: Date | null;
  receivedAt: Date | null;
  /** A payout recorded and waiting for a second member, if any. */
  waitingRecordId: string | null;
};

const requestsQuery = (db: Q) =>
  db
    .selectFrom('fund_requests as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('fund_accounts as f', 'f.id', 'r.fund_id')
    .select((eb) => [
      'r.id',
      'r.member_id',
      'm.display_name',
      'r.named',
      'r.fund_id',
      'f.name as fund_name',
      'r.amount',
      'r.currency',
      'r.note_enc',
      'r.status',
      'r.approved_how',
      'r.proposal_id',
      'r.asked_at',
      'r.decided_at',
      'r.received_at',
      eb
        .selectFrom('fund_records as w')
        .select('w.id')
        .whereRef('w.request_id', '=', 'r.id')
        .where('w.kind', '=', 'payout')
        .where('w.confirm_by', '<>', 'none')
        .where('w.confirmed_at', 'is', null)
        .where('w.withdrawn_at', 'is', null)
        .limit(1)
        .as('waiting'),
    ]);

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];
const toRequest = (r: RequestRow): RequestView => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.display_name,
  named: r.named,
  fundId: r.fund_id,
  fundName: r.fund_name,
  amount: Number(r.amount),
  currency: r.currency,
  noteEnc: r.note_enc,
  status: r.status,
  approvedHow: r.approved_how,
  proposalId: r.proposal_id,
  askedAt: r.asked_at,
  decidedAt: r.decided_at,
  receivedAt: r.received_at,
  waitingRecordId: r.waiting ?? null,
});

export async function requestById(db: Q, id: string): Promise<RequestView | undefined> {
  const r = await requestsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return r && toRequest(r);
}

/** Requests still moving: waiting for a decision, or approved and waiting for their payout (oldest first). */
export async function openRequests(db: Q): Promise<RequestView[]> {
  const rows = await requestsQuery(db)
    .where('r.status', 'in', ['proposed', 'approved'])
    .orderBy('r.asked_at')
    .limit(200)
    .execute();
  return rows.map(toRequest);
}

export async function requestsOf(db: Q, memberId: string, limit = 20): Promise<RequestView[]> {
  const rows = await requestsQuery(db)
    .where('r.member_id', '=', memberId)
    .orderBy('r.asked_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRequest);
}

export type RecordView = {
  id: string;
  kind: RecordKind;
  fundId: string;
  fundName: string | null;
  toFundId: string | null;
  toFundName: string | null;
  amount: number;
  currency: string;
  memberId: string | null;
  named: boolean;
  requestId: string | null;
  /** Who the payout is for (never the second member). */
  payeeId: string | null;
  /** For a reversal: who the movement it undoes paid or named (never the second member either). */
  reversedPayeeIds: string[];
  reverses: number | null;
  memo: string | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Date;
  confirmBy: ConfirmBy;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
  roundId: string | null;
  expectedId: string | null;
};

const recordsQuery = (db: Q) =>
  db
    .selectFrom('fund_records as c')
    .innerJoin('fund_accounts as f', 'f.id', 'c.fund_id')
    .leftJoin('fund_accounts as t', 't.id', 'c.to_fund_id')
    .innerJoin('members as by', 'by.id', 'c.recorded_by')
    .leftJoin('fund_requests as q', 'q.id', 'c.request_id')
    .select([
      'c.id',
      'c.kind',
      'c.fund_id',
      'f.name as fund_name',
      'c.to_fund_id',
      't.name as to_fund_name',
      'c.amount',
      'c.currency',
      'c.member_id',
      'c.named',
      'c.request_id',
      'q.member_id as payee_id',
      'c.reverses',
      'c.memo',
      'c.recorded_by',
      'by.display_name as recorded_by_name',
      'c.recorded_at',
      'c.confirm_by',
      'c.confirmed_by',
      'c.confirmed_at',
      'c.withdrawn_at',
      'c.round_id',
      'c.expected_id',
      sql<string[] | null>`(select array_remove(array[o.member_id, oq.member_id], null) from ledger_entries e
        join fund_records o on o.id = e.record_id left join fund_requests oq on oq.id = o.request_id where e.id = c.reverses)`.as(
        'reversed_payees',
      ),
    ]);

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordsQuery>['execute']>>[number];
const toRecord = (r: RecordRow): RecordView => ({
  id: r.id,
  kind: r.kind,
  fundId: r.fund_id,
  fundName: r.fund_name,
  toFundId: r.to_fund_id,
  toFundName: r.to_fund_name,
  amount: Number(r.amount),
  currency: r.currency,
  memberId: r.member_id,
  named: r.named,
  requestId: r.request_id,
  payeeId: r.payee_id,
  reversedPayeeIds: r.reversed_payees ?? [],
  reverses: r.reverses === null ? null : Number(r.reverses),
  memo: r.memo,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
  confirmBy: r.confirm_by,
  confirmedBy: r.confirmed_by,
  confirmedAt: r.confirmed_at,
  withdrawnAt: r.withdrawn_at,
  roundId: r.round_id,
  expectedId: r.expected_id,
});

export async function recordById(db: Q, id: string): Promise<RecordView | undefined> {
  const r = await recordsQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

export async function waitingRecords(db: Q): Promise<RecordView[]> {
  const rows = await recordsQuery(db)
    .where('c.confirm_by', '<>', 'none')
    .where('c.confirmed_at', 'is', null)
    .where('c.withdrawn_at', 'is', null)
    .orderBy('c.recorded_at')
    .limit(200)
    .execute();
  return rows.map(toRecord);
}

export type EntryView = {
  id: number;
  at: Date;
  kind: EntryKind;
  currency: string;
  /** Lines on the pot and sub-funds: what each fund gained (+) or gave (−). */
  funds: { id: string; name: string | null; amount: number }[];
  /** The member paid or giving, only when they chose to be named. */
  namedMember: string | null;
  memo: string | null;
  recordedBy: string | null;
  confirmedBy: string | null;
  reverses: number | null;
  reversedBy: number | null;
};

export type EntryFilter = { from?: Date; to?: Date; beforeId?: number; limit?: number };

/** Ledger entries newest first, as every member may see them. */
export async function ledgerEntries(db: Q, f: EntryFilter = {}): Promise<EntryView[]> {
  let q = db
    .selectFrom('ledger_entries as e')
    .leftJoin('fund_records as c', 'c.id', 'e.record_id')
    .leftJoin('fund_requests as q', 'q.id', 'c.request_id')
    .leftJoin('members as giver', 'giver.id', 'c.member_id')
    .leftJoin('members as payee', 'payee.id', 'q.member_id')
    .leftJoin('members as by', 'by.id', 'c.recorded_by')
    .leftJoin('members as second', 'second.id', 'c.confirmed_by')
    .select((eb) => [
      'e.id',
      'e.at',
      'e.kind',
      'e.reverses',
      'c.memo',
      sql<string | null>`case when c.kind = 'contribution' and c.named then giver.display_name
        when c.kind = 'payout' and q.named then payee.display_name end`.as('named_member'),
      // A member's own contribution is recorded by them: naming the recorder would name the giver.
      sql<string | null>`case when c.kind = 'contribution' then null else by.display_name end`.as('recorded_by'),
      'second.display_name as confirmed_by',
      eb.selectFrom('ledger_entries as r').select('r.id').whereRef('r.reverses', '=', 'e.id').as('reversed_by'),
    ])
    // Circle money is shown to the circle's members on the circle's page, not in the network's ledger.
    // So are the time bank's hours, on the time bank's page.
    .where('e.kind', 'not in', ['circle_payment', 'circle_payout', 'hours'])
    .orderBy('e.id', 'desc')
    .limit(f.limit ?? 100);
  if (f.from) q = q.where('e.at', '>=', f.from);
  if (f.to) q = q.where('e.at', '<', f.to);
  if (f.beforeId) q = q.where('e.id', '<', f.beforeId);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('fund_accounts as a', 'a.id', 'l.account_id')
    .select(['l.entry_id', 'l.account_id', 'a.kind', 'a.name', 'l.currency', 'l.amount'])
    .where(
      'l.entry_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => {
    const mine = lines.filter((l) => Number(l.entry_id) === Number(r.id));
    return {
      id: Number(r.id),
      at: r.at,
      kind: r.kind,
      currency: mine[0]?.currency ?? '',
      funds: mine
        .filter((l) => l.kind === 'pot' || l.kind === 'fund')
        .map((l) => ({ id: l.account_id, name: l.name, amount: Number(l.amount) })),
      namedMember: r.named_member,
      memo: r.memo,
      recordedBy: r.recorded_by,
      confirmedBy: r.confirmed_by,
      reverses: r.reverses === null ? null : Number(r.reverses),
      reversedBy: r.reversed_by === null ? null : Number(r.reversed_by),
    };
  });
}

/** Every entry, newest first, read a thousand at a time (for the export). */
export async function allLedgerEntries(db: Q): Promise<EntryView[]> {
  const all: EntryView[] = [];
  for (let before: number | undefined; ;) {
    const batch = await ledgerEntries(db, { limit: 1000, beforeId: before });
    all.push(...batch);
    if (batch.length < 1000) return all;
    before = batch[batch.length - 1]!.id;
  }
}

export async function entryLines(db: Q, entryId: number) {
  const rows = await db
    .selectFrom('ledger_lines')
    .select(['account_id', 'currency', 'amount'])
    .where('entry_id', '=', entryId)
    .execute();
  return rows.map((l) => ({ account: l.account_id, currency: l.currency, amount: Number(l.amount) }));
}

export async function entryById(db: Q, id: number) {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'kind', 'record_id', 'reverses'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type MonthFlow = { month: string; fundId: string; in: number; out: number };

/** Money into and out of each fund per month (UTC), for the months since `since`. */
export async function monthlyFlows(db: Q, currency: string, since: Date): Promise<MonthFlow[]> {
  const rows = await sql<{ month: string; fund_id: string; in_sum: number; out_sum: number }>`
    select to_char(date_trunc('month', e.at at time zone 'UTC'), 'YYYY-MM') as month, l.account_id as fund_id,
      coalesce(sum(l.amount) filter (where l.amount > 0), 0)::bigint as in_sum,
      coalesce(-sum(l.amount) filter (where l.amount < 0), 0)::bigint as out_sum
    from ledger_lines l join ledger_entries e on e.id = l.entry_id join fund_accounts a on a.id = l.account_id
    where a.kind in ('pot', 'fund') and l.currency = ${currency} and e.at >= ${since}
    group by 1, 2 order by 1`.execute(db);
  return rows.rows.map((r) => ({ month: r.month, fundId: r.fund_id, in: Number(r.in_sum), out: Number(r.out_sum) }));
}

/** `circleEntries`: how many of the entries are savings circles' (the fund's pages do not list them). */
export type LedgerCheck = {
  entries: number;
  circleEntries: number;
  hoursEntries: number;
  unbalanced: number;
  mismatched: number;
};

/** Recomputes every balance from the entries and compares it with the cached one; counts entries that do not balance. */
/**
 * The currency is fixed once money has moved: the ledger's amounts are in it, and a new currency would show every
 * fund as empty with its limits gone.
 */
export async function currencyIsFixed(db: Kysely<Database>): Promise<boolean> {
  return !!(await db
    .selectFrom('ledger_entries')
    .select('id')
    .where('kind', '<>', 'hours')
    .limit(1)
    .executeTakeFirst());
}

export async function checkLedger(db: Q): Promise<LedgerCheck> {
  const r = await sql<{
    entries: number;
    circle_entries: number;
    hours_entries: number;
    unbalanced: number;
    mismatched: number;
  }>`
    select (select count(*) from ledger_entries)::bigint as entries,
      (select count(*) from ledger_entries where kind in ('circle_payment', 'circle_payout'))::bigint as circle_entries,
      (select count(*) from ledger_entries where kind = 'hours')::bigint as hours_entries,
      (select count(*) from (select e.id from ledger_entries e left join ledger_lines l on l.entry_id = e.id
        group by e.id, l.currency having count(l.*) < 1 or coalesce(sum(l.amount), 0) <> 0) x)::bigint
        + (select count(*) from ledger_entries e where (select count(*) from ledger_lines l where l.entry_id = e.id) < 2)::bigint as unbalanced,
      (select count(*) from (
        select coalesce(b.account_id, s.account_id) from fund_balances b
        full join (select account_id, currency, sum(amount)::bigint as total from ledger_lines group by 1, 2) s
          on s.account_id = b.account_id and s.currency = b.currency
        where b.balance is distinct from s.total) y)::bigint as mismatched`.execute(db);
  const row = r.rows[0]!;
  return {
    entries: Number(row.entries),
    circleEntries: Number(row.circle_entries),
    hoursEntries: Number(row.hours_entries),
    unbalanced: Number(row.unbalanced),
    mismatched: Number(row.mismatched),
  };
}

/** Totals per currency over every account: always zero in a double-entry ledger. */
export async function totalsPerCurrency(db: Q): Promise<Map<string, number>> {
  const r = await db
    .selectFrom('ledger_lines')
    .select(['currency', sql<number>`sum(amount)::bigint`.as('s')])
    .groupBy('currency')
    .execute();
  return new Map(r.map((x) => [x.currency, Number(x.s)]));
}

export type StatementLine = {
  fundId: string;
  name: string | null;
  opening: number;
  in: number;
  out: number;
  closing: number;
};

/** For a statement: each fund's balance at the start of the period, money in and out during it, and at its end. */
export async function statementFigures(db: Q, currency: string, from: Date, to: Date): Promise<StatementLine[]> {
  const rows = await sql<{ id: string; name: string | null; opening: number; in_sum: number; out_sum: number }>`
    select a.id, a.name,
      coalesce(sum(l.amount) filter (where e.at < ${from}), 0)::bigint as opening,
      coalesce(sum(l.amount) filter (where e.at >= ${from} and e.at < ${to} and l.amount > 0), 0)::bigint as in_sum,
      coalesce(-sum(l.amount) filter (where e.at >= ${from} and e.at < ${to} and l.amount < 0), 0)::bigint as out_sum
    from fund_accounts a
    left join ledger_lines l on l.account_id = a.id and l.currency = ${currency}
    left join ledger_entries e on e.id = l.entry_id
    where a.kind in ('pot', 'fund')
    group by a.id, a.name, a.kind
    order by a.kind = 'pot' desc, a.name`.execute(db);
  return rows.rows.map((r) => {
    const opening = Number(r.opening);
    return {
      fundId: r.id,
      name: r.name,
      opening,
      in: Number(r.in_sum),
      out: Number(r.out_sum),
      closing: opening + Number(r.in_sum) - Number(r.out_sum),
    };
  });
}

export type ExpectedView = {
  id: string;
  fundId: string;
  fundName: string | null;
  requestId: string;
  amount: number;
  currency: string;
  /** What has come back so far, and what is still out. */
  returned: number;
  outstanding: number;
  status: 'expected' | 'returned' | 'partly' | 'written_off';
  createdAt: Date;
  closedAt: Date | null;
  decisionId: string | null;
};

const expectedQuery = (db: Q) =>
  db
    .selectFrom('fund_expected as x')
    .innerJoin('fund_accounts as f', 'f.id', 'x.fund_id')
    .select((eb) => [
      'x.id',
      'x.fund_id',
      'f.name',
      'x.request_id',
      'x.amount',
      'x.currency',
      'x.status',
      'x.created_at',
      'x.closed_at',
      'x.decision_id',
      eb
        .selectFrom('fund_records as c')
        .innerJoin('ledger_entries as e', 'e.record_id', 'c.id')
        .select(sql<number>`coalesce(sum(c.amount), 0)::bigint`.as('s'))
        .whereRef('c.expected_id', '=', 'x.id')
        .where((w) =>
          w.not(w.exists(w.selectFrom('ledger_entries as r').select('r.id').whereRef('r.reverses', '=', 'e.id'))),
        )
        .as('returned'),
    ]);

type ExpectedRow = Awaited<ReturnType<ReturnType<typeof expectedQuery>['execute']>>[number];
const toExpected = (r: ExpectedRow): ExpectedView => {
  const returned = Number(r.returned ?? 0);
  return {
    id: r.id,
    fundId: r.fund_id,
    fundName: r.name,
    requestId: r.request_id,
    amount: Number(r.amount),
    currency: r.currency,
    returned,
    outstanding: Number(r.amount) - returned,
    status: r.status,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    decisionId: r.decision_id,
  };
};

export async function expectedById(db: Q, id: string, lock = false): Promise<ExpectedView | undefined> {
  if (lock) await db.selectFrom('fund_expected').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const r = await expectedQuery(db).where('x.id', '=', id).executeTakeFirst();
  return r && toExpected(r);
}

/** What revolving funds are owed: still out first, then the most recently settled. */
export async function expectedReturns(db: Q, limit = 50): Promise<ExpectedView[]> {
  const rows = await expectedQuery(db)
    .orderBy(sql`x.status = 'expected'`, 'desc')
    .orderBy('x.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toExpected);
}
