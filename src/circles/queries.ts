// Reading circles: the circle, its members in payout order, its rounds with who paid and what each collected and
// paid out, and each member's payments and payouts. Circle facts are for its members only (the routes check).
import { sql, type Kysely } from 'kysely';
import type { Database, OrderRule } from '../db/types.ts';
import type { RoundFacts } from './rounds.ts';

type Q = Kysely<Database>;

export type CircleView = {
  id: string;
  name: string;
  amount: number;
  currency: string;
  periodDays: number;
  orderRule: OrderRule;
  accountId: string;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  members: { id: string; name: string; position: number | null }[];
};

export async function circleById(db: Q, id: string): Promise<CircleView | undefined> {
  const c = await db.selectFrom('circles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  const members = await db
    .selectFrom('circle_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .select(['cm.member_id', 'm.display_name', 'cm.position'])
    .where('cm.circle_id', '=', id)
    .orderBy(sql`cm.position nulls last`)
    .orderBy('cm.joined_at')
    .execute();
  return {
    id: c.id,
    name: c.name,
    amount: Number(c.amount),
    currency: c.currency,
    periodDays: c.period_days,
    orderRule: c.order_rule,
    accountId: c.account_id,
    createdBy: c.created_by,
    createdAt: c.created_at,
    startedAt: c.started_at,
    members: members.map((m) => ({ id: m.member_id, name: m.display_name, position: m.position })),
  };
}

export type CircleListItem = {
  id: string;
  name: string;
  amount: number;
  currency: string;
  periodDays: number;
  started: boolean;
  members: number;
  mine: boolean;
};

/** The member's own circles, and circles still forming that anyone may join. */
export async function circleList(db: Q, memberId: string): Promise<CircleListItem[]> {
  const rows = await db
    .selectFrom('circles as c')
    .select((eb) => [
      'c.id',
      'c.name',
      'c.amount',
      'c.currency',
      'c.period_days',
      'c.started_at',
      eb
        .selectFrom('circle_members as x')
        .select(sql<number>`count(*)::bigint`.as('n'))
        .whereRef('x.circle_id', '=', 'c.id')
        .as('members'),
      eb
        .exists(
          eb
            .selectFrom('circle_members as y')
            .select('y.member_id')
            .whereRef('y.circle_id', '=', 'c.id')
            .where('y.member_id', '=', memberId),
        )
        .as('mine'),
    ])
    .where((eb) =>
      eb.or([
        eb('c.started_at', 'is', null),
        eb.exists(
          eb
            .selectFrom('circle_members as z')
            .select('z.member_id')
            .whereRef('z.circle_id', '=', 'c.id')
            .where('z.member_id', '=', memberId),
        ),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    amount: Number(r.amount),
    currency: r.currency,
    periodDays: r.period_days,
    started: r.started_at !== null,
    members: Number(r.members ?? 0),
    mine: !!r.mine,
  }));
}

export type RoundView = RoundFacts & { id: string; recipientName: string | null; proposalId: string | null };

/** Every round with who paid into it (entered payments), who may pay later by decision, and what went out. */
export async function roundsOf(db: Q, circleId: string): Promise<RoundView[]> {
  const rounds = await db
    .selectFrom('circle_rounds as r')
    .leftJoin('members as m', 'm.id', 'r.recipient_id')
    .select(['r.id', 'r.number', 'r.due_at', 'r.recipient_id', 'm.display_name', 'r.proposal_id'])
    .where('r.circle_id', '=', circleId)
    .orderBy('r.number')
    .execute();
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const moves = await db
    .selectFrom('fund_records as c')
    .innerJoin('ledger_entries as e', 'e.record_id', 'c.id')
    .select(['c.round_id', 'c.kind', 'c.member_id', 'c.amount'])
    .where('c.round_id', 'in', ids)
    .execute();
  const deferrals = await db
    .selectFrom('circle_deferrals')
    .select(['round_id', 'member_id'])
    .where('round_id', 'in', ids)
    .execute();
  return rounds.map((r) => {
    const mine = moves.filter((x) => x.round_id === r.id);
    return {
      id: r.id,
      number: r.number,
      dueAt: r.due_at,
      recipientId: r.recipient_id,
      recipientName: r.display_name,
      proposalId: r.proposal_id,
      payers: mine.filter((x) => x.kind === 'circle_payment').map((x) => x.member_id!),
      deferred: deferrals.filter((d) => d.round_id === r.id).map((d) => d.member_id),
      collected: mine.filter((x) => x.kind === 'circle_payment').reduce((s, x) => s + Number(x.amount), 0),
      paidOut: mine.filter((x) => x.kind === 'circle_payout').reduce((s, x) => s + Number(x.amount), 0),
    };
  });
}

/** What each member put into and took out of this circle, from the ledger. */
export async function circleTotals(
  db: Q,
  circleId: string,
): Promise<{ payments: Map<string, number>; payouts: Map<string, number> }> {
  const rows = await db
    .selectFrom('fund_records as c')
    .innerJoin('ledger_entries as e', 'e.record_id', 'c.id')
    .innerJoin('circle_rounds as r', 'r.id', 'c.round_id')
    .select(['c.kind', 'c.member_id', sql<number>`sum(c.amount)::bigint`.as('s')])
    .where('r.circle_id', '=', circleId)
    .groupBy(['c.kind', 'c.member_id'])
    .execute();
  const pick = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.member_id!, Number(r.s)]));
  return { payments: pick('circle_payment'), payouts: pick('circle_payout') };
}

export async function roundById(db: Q, id: string) {
  return db.selectFrom('circle_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function circleMemberIds(db: Q, circleId: string): Promise<string[]> {
  return (await db.selectFrom('circle_members').select('member_id').where('circle_id', '=', circleId).execute()).map(
    (r) => r.member_id,
  );
}
