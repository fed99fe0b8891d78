// Monthly pledges: a member says what they mean to give each month. Others see only totals. A gentle reminder comes
// once a month, from the day of the month the pledge began, until that month's contribution is recorded.
import { notify } from '../notifications/index.ts';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { errors } from '../web/errors.ts';

export type PledgeView = {
  id: string;
  fundId: string;
  fundName: string | null;
  amount: number;
  currency: string;
  startedAt: Date;
};

export async function pledgesOf(db: Db, memberId: string): Promise<PledgeView[]> {
  const rows = await db
    .selectFrom('fund_pledges as p')
    .innerJoin('fund_accounts as f', 'f.id', 'p.fund_id')
    .select(['p.id', 'p.fund_id', 'f.name', 'p.amount', 'p.currency', 'p.started_at'])
    .where('p.member_id', '=', memberId)
    .where('p.ended_at', 'is', null)
    .orderBy('p.started_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fund_id,
    fundName: r.name,
    amount: Number(r.amount),
    currency: r.currency,
    startedAt: r.started_at,
  }));
}

/** Starts a pledge to a fund, replacing the member's earlier pledge to the same fund. */
export async function setPledge(
  db: Db,
  memberId: string,
  fundId: string,
  amount: number,
  currency: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const fund = await tx
      .selectFrom('fund_accounts')
      .select('id')
      .where('id', '=', fundId)
      .where('kind', 'in', ['pot', 'fund'])
      .executeTakeFirst();
    if (!fund) throw errors.notFound('no_such_fund');
    await tx
      .updateTable('fund_pledges')
      .set({ ended_at: now })
      .where('member_id', '=', memberId)
      .where('fund_id', '=', fundId)
      .where('ended_at', 'is', null)
      .execute();
    await tx
      .insertInto('fund_pledges')
      .values({ member_id: memberId, fund_id: fundId, amount, currency, started_at: now })
      .execute();
  });
}

/** Ends one of the member's own pledges (again is fine); another member's or an unknown one is not found. */
export async function endPledge(db: Db, memberId: string, pledgeId: string, now: Date): Promise<void> {
  const mine = await db
    .selectFrom('fund_pledges')
    .select('id')
    .where('id', '=', pledgeId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (!mine) throw errors.notFound();
  await db
    .updateTable('fund_pledges')
    .set({ ended_at: now })
    .where('id', '=', pledgeId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Once a month per pledge: the month is written on the pledge in the transaction that queues the reminder. */
export async function remindPledges(db: Db, now: Date): Promise<void> {
  const month = now.toISOString().slice(0, 7);
  const monthStart = new Date(`${month}-01T00:00:00Z`);
  await db.transaction().execute(async (tx) => {
    const due = await sql<{ member_id: string }>`
      update fund_pledges p set reminded_month = ${month}
      where p.ended_at is null and p.reminded_month is distinct from ${month} and p.started_at < ${monthStart}
        and ${now.getUTCDate()} >= least(extract(day from p.started_at at time zone 'UTC'), 28)
        and not exists (select 1 from fund_records c where c.kind = 'contribution' and c.member_id = p.member_id
          and c.fund_id = p.fund_id and c.withdrawn_at is null and c.recorded_at >= ${monthStart})
        and exists (select 1 from members m where m.id = p.member_id and m.removed_at is null)
      returning p.member_id`.execute(tx);
    await notify(
      tx,
      due.rows.map((r) => ({ member_id: r.member_id, kind: 'pledge_reminder' as const })),
    );
  });
}
