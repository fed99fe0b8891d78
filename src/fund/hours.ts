// Hours on the ledger (the time bank's, ADR 034): the same entries, lines and balances as money, in the unit HRS
// counted in minutes, between members' pseudonymous accounts and the one commons account. The limits are the
// ledger's trigger's (migration 028, KR038); this file only writes the entry for a confirmed record and reads
// balances and totals.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { memberAccount } from './entries.ts';

type Tx = Kysely<Database>;
/** The time bank's unit on the ledger; amounts are minutes. */
export const HOURS = 'HRS';

export async function commonsAccount(tx: Tx): Promise<string> {
  return (await tx.selectFrom('fund_accounts').select('id').where('kind', '=', 'commons').executeTakeFirstOrThrow()).id;
}

export type ConfirmedHours = {
  id: string;
  giverId: string;
  receiverId: string;
  fromCommons: boolean;
  minutes: number;
};

/** Enters a confirmed record: the giver's account up, the receiver's (or the commons') down, in one entry. */
export async function enterHours(tx: Tx, rec: ConfirmedHours, now: Date): Promise<void> {
  const payer = rec.fromCommons ? await commonsAccount(tx) : await memberAccount(tx, rec.receiverId);
  const giver = await memberAccount(tx, rec.giverId);
  const { id } = await tx
    .insertInto('ledger_entries')
    .values({ at: now, kind: 'hours', time_record_id: rec.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  // In the order of the accounts' ids: each line locks its account's balance row, so two entries between the same two
  // members in opposite directions lock them in the same order and never wait on each other (no deadlock).
  const lines = [
    { entry_id: id, account_id: payer, currency: HOURS, amount: -rec.minutes },
    { entry_id: id, account_id: giver, currency: HOURS, amount: rec.minutes },
  ].sort((a, b) => (a.account_id < b.account_id ? -1 : 1));
  await tx.insertInto('ledger_lines').values(lines).execute();
}

/** A member's balance in minutes (0 before any hours moved). */
export async function hoursBalance(db: Tx, memberId: string): Promise<number> {
  const r = await db
    .selectFrom('fund_balances as b')
    .innerJoin('fund_accounts as a', 'a.id', 'b.account_id')
    .select('b.balance')
    .where('a.kind', '=', 'member')
    .where('a.member_id', '=', memberId)
    .where('b.currency', '=', HOURS)
    .executeTakeFirst();
  return Number(r?.balance ?? 0);
}

export type HoursTotals = {
  /** Minutes given and received since the start, over everyone. */
  moved: number;
  entries: number;
  /** The commons' balance in minutes (below zero: what it has given). */
  commons: number;
  /** Every balance in hours added together: zero, always. */
  sum: number;
};

/** Totals only: no member's balance or count is ever read here. */
export async function hoursTotals(db: Tx): Promise<HoursTotals> {
  const r = await sql<{ moved: string; entries: string; commons: string; total: string }>`
    select
      coalesce((select sum(l.amount) from ledger_lines l join ledger_entries e on e.id = l.entry_id
        where e.kind = 'hours' and l.amount > 0), 0)::bigint as moved,
      (select count(*) from ledger_entries where kind = 'hours')::bigint as entries,
      coalesce((select b.balance from fund_balances b join fund_accounts a on a.id = b.account_id
        where a.kind = 'commons' and b.currency = ${HOURS}), 0)::bigint as commons,
      coalesce((select sum(balance) from fund_balances where currency = ${HOURS}), 0)::bigint as total`.execute(db);
  const row = r.rows[0]!;
  return {
    moved: Number(row.moved),
    entries: Number(row.entries),
    commons: Number(row.commons),
    sum: Number(row.total),
  };
}
