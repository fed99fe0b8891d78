// Writes for savings circles: form, join and leave while forming; start (fixing the order and the rounds); pay a
// round; receive a round's pot; ask the circle to defer a payment. A circle's decisions are its members' alone.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database, OrderRule } from '../db/types.ts';
import { errors } from '../web/errors.ts';
import { notify } from '../notifications/index.ts';
import { openOnce, openProposal } from '../decisions/index.ts';
import { openProposalWith } from '../decisions/index.ts';
import { standardRules, type Result } from '../decisions/index.ts';
import { type Once, once, openCircleAccount } from '../fund/index.ts';
import { writeRecord } from '../fund/index.ts';
import { circleById, circleMemberIds, roundsOf, type CircleView } from './queries.ts';
import { dueDates, lotteryOrder } from './rounds.ts';
import { z } from 'zod';
import { uuid } from '../web/edges.ts';

type Tx = Kysely<Database>;

export type CircleDefer = {
  type: 'circle_defer';
  circle_id: string;
  round_id: string;
  round_number: number;
  member_id: string;
  member_name: string;
};
export type CircleRecipient = {
  type: 'circle_recipient';
  circle_id: string;
  round_id: string;
  round_number: number;
  candidates: string[];
};
export type CircleAction = CircleDefer | CircleRecipient;

const round = { circle_id: uuid, round_id: uuid, round_number: z.number().int().positive() };
/** What a circle's action must carry to be applied (web/domain.ts, DecisionAction.payload). */
export const circleActionPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('circle_defer'), ...round, member_id: uuid, member_name: z.string() }),
  z.object({ type: z.literal('circle_recipient'), ...round, candidates: z.array(uuid).min(1) }),
]) as z.ZodType<CircleAction>;

/** A circle's own decisions: consent among its members, open for two days. */
export const CIRCLE_DECISION_HOURS = 48;

export type NewCircle = { name: string; amount: number; periodDays: number; orderRule: OrderRule };

export async function createCircle(
  db: Db,
  creator: string,
  c: NewCircle,
  currency: string,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const account = { id: await openCircleAccount(tx, now) };
    const { id } = await tx
      .insertInto('circles')
      .values({
        name: c.name,
        amount: c.amount,
        currency,
        period_days: c.periodDays,
        order_rule: c.orderRule,
        account_id: account.id,
        created_by: creator,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('circle_members').values({ circle_id: id, member_id: creator, joined_at: now }).execute();
    return id;
  });
}

export async function joinCircle(db: Db, memberId: string, circle: CircleView, now: Date) {
  if (circle.startedAt) throw errors.conflict('circle_started', 'error.circleStarted');
  await db
    .insertInto('circle_members')
    .values({ circle_id: circle.id, member_id: memberId, joined_at: now })
    .onConflict((oc) => oc.columns(['circle_id', 'member_id']).doNothing())
    .execute();
}

export async function leaveCircle(db: Db, memberId: string, circle: CircleView) {
  if (circle.startedAt) throw errors.conflict('circle_started', 'error.circleStarted');
  await db.deleteFrom('circle_members').where('circle_id', '=', circle.id).where('member_id', '=', memberId).execute();
}

/** Unique option labels for a ballot of members (two members may share a name). */
function optionLabels(members: { id: string; name: string }[]): string[] {
  const seen = new Map<string, number>();
  return members.map((m) => {
    const n = (seen.get(m.name) ?? 0) + 1;
    seen.set(m.name, n);
    return n === 1 ? m.name : `${m.name} (${n})`;
  });
}

/** Opens the circle's ranked-choice decision on who receives a round, among those who have not received yet. */
async function openRecipientDecision(tx: Tx, circle: CircleView, round: { id: string; number: number }, now: Date) {
  const rounds = await tx
    .selectFrom('circle_rounds')
    .select('recipient_id')
    .where('circle_id', '=', circle.id)
    .execute();
  const had = new Set(rounds.map((r) => r.recipient_id).filter(Boolean));
  const left = circle.members.filter((m) => !had.has(m.id));
  if (left.length === 1) {
    await tx.updateTable('circle_rounds').set({ recipient_id: left[0]!.id }).where('id', '=', round.id).execute();
    return;
  }
  const action: CircleRecipient = {
    type: 'circle_recipient',
    circle_id: circle.id,
    round_id: round.id,
    round_number: round.number,
    candidates: left.map((m) => m.id),
  };
  const proposalId = await openProposal(
    tx,
    null,
    {
      kind: 'circle',
      circleId: circle.id,
      title: `${circle.name}: round ${round.number}`,
      body: '',
      process: 'ranked',
      options: optionLabels(left),
      closesInHours: CIRCLE_DECISION_HOURS,
      rules: standardRules('ranked'),
      anonymous: false,
      action,
    },
    now,
  );
  await tx.updateTable('circle_rounds').set({ proposal_id: proposalId }).where('id', '=', round.id).execute();
}

/**
 * Starts a forming circle: fixes the payout order (a lottery now, the order the members agreed, or a decision each
 * round) and makes one round per member, one period apart.
 */
export async function startCircle(db: Db, memberId: string, circleId: string, agreedOrder: string[] | null, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx.selectFrom('circles').select('id').where('id', '=', circleId).forUpdate().executeTakeFirst();
    const circle = (await circleById(tx, circleId))!;
    if (circle.startedAt) throw errors.conflict('circle_started', 'error.circleStarted');
    if (circle.createdBy !== memberId) throw errors.forbidden();
    if (circle.members.length < 2) throw errors.conflict('circle_too_small', 'error.circleTooSmall');
    const ids = circle.members.map((m) => m.id);
    let order: (string | null)[];
    if (circle.orderRule === 'lottery') order = lotteryOrder(ids);
    else if (circle.orderRule === 'agreed') {
      if (
        !agreedOrder ||
        agreedOrder.length !== ids.length ||
        new Set(agreedOrder).size !== ids.length ||
        !agreedOrder.every((m) => ids.includes(m))
      ) {
        throw errors.badRequest('order_each_once', 'error.orderEachOnce');
      }
      order = agreedOrder;
    } else order = ids.map(() => null);
    if (circle.orderRule !== 'each_round') {
      for (const [i, m] of order.entries()) {
        await tx
          .updateTable('circle_members')
          .set({ position: i + 1 })
          .where('circle_id', '=', circleId)
          .where('member_id', '=', m!)
          .execute();
      }
    }
    await tx.updateTable('circles').set({ started_at: now }).where('id', '=', circleId).execute();
    const dates = dueDates(now, circle.periodDays, ids.length);
    const rounds = await tx
      .insertInto('circle_rounds')
      .values(
        dates.map((due_at, i) => ({ circle_id: circleId, number: i + 1, due_at, recipient_id: order[i] ?? null })),
      )
      .returning(['id', 'number'])
      .execute();
    if (circle.orderRule === 'each_round')
      await openRecipientDecision(tx, { ...circle, startedAt: now }, rounds[0]!, now);
    await notify(
      tx,
      ids
        .filter((m) => m !== memberId)
        .map((m) => ({ member_id: m, kind: 'circle_round' as const, subject: circleId })),
    );
  });
}

async function loadRound(tx: Tx, roundId: string, memberId: string) {
  const round = await tx.selectFrom('circle_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) throw errors.notFound();
  const circle = (await circleById(tx, round.circle_id))!;
  if (!circle.members.some((m) => m.id === memberId)) throw errors.notFound();
  return { round, circle };
}

/** A member records that they paid their share of a round (to its recipient, or as the circle agreed). */
export async function payRound(db: Db, memberId: string, roundId: string, key: string, now: Date): Promise<Once> {
  return db.transaction().execute((tx) =>
    once(
      tx,
      memberId,
      key,
      { op: 'circle_payment', roundId },
      async () => {
        const { round, circle } = await loadRound(tx, roundId, memberId);
        const paid = await tx
          .selectFrom('fund_records')
          .select('id')
          .where('round_id', '=', roundId)
          .where('kind', '=', 'circle_payment')
          .where('member_id', '=', memberId)
          .executeTakeFirst();
        if (paid) throw errors.conflict('already_paid', 'error.alreadyPaid');
        return writeRecord(
          tx,
          {
            kind: 'circle_payment',
            fund_id: circle.accountId,
            amount: circle.amount,
            currency: circle.currency,
            member_id: memberId,
            round_id: round.id,
            recorded_by: memberId,
            recorded_at: now,
            confirm_by: 'none',
          },
          now,
        );
      },
      now,
    ),
  );
}

/** The round's recipient records that they received what was paid into the round (and later, any deferred share). */
export async function receiveRound(db: Db, memberId: string, roundId: string, key: string, now: Date): Promise<Once> {
  return db.transaction().execute((tx) =>
    once(
      tx,
      memberId,
      key,
      { op: 'circle_payout', roundId },
      async () => {
        await tx.selectFrom('circle_rounds').select('id').where('id', '=', roundId).forUpdate().executeTakeFirst();
        const { round, circle } = await loadRound(tx, roundId, memberId);
        if (round.recipient_id !== memberId) throw errors.forbidden('not_recipient', 'error.notRecipient');
        const facts = (await roundsOf(tx, circle.id)).find((r) => r.id === roundId)!;
        const amount = facts.collected - facts.paidOut;
        if (amount <= 0) throw errors.conflict('nothing_to_receive', 'error.nothingToReceive');
        const id = await writeRecord(
          tx,
          {
            kind: 'circle_payout',
            fund_id: circle.accountId,
            amount,
            currency: circle.currency,
            member_id: memberId,
            round_id: round.id,
            recorded_by: memberId,
            recorded_at: now,
            confirm_by: 'none',
          },
          now,
        );
        // With a decision each round, the next round's decision opens once this one has paid out.
        if (circle.orderRule === 'each_round' && facts.paidOut === 0) {
          const next = await tx
            .selectFrom('circle_rounds')
            .select(['id', 'number', 'recipient_id', 'proposal_id'])
            .where('circle_id', '=', circle.id)
            .where('number', '=', round.number + 1)
            .executeTakeFirst();
          if (next && !next.recipient_id && !next.proposal_id) await openRecipientDecision(tx, circle, next, now);
        }
        return id;
      },
      now,
    ),
  );
}

/** A member in hardship asks the circle to put off their payment for a round; nothing is forfeited, it stays owed. */
export async function askDeferral(
  db: Db,
  member: { id: string; name: string },
  roundId: string,
  now: Date,
): Promise<string> {
  return openOnce(db, { type: 'circle_defer', round_id: roundId, member_id: member.id }, () =>
    db.transaction().execute(async (tx) => {
      const { round, circle } = await loadRound(tx, roundId, member.id);
      const paid = await tx
        .selectFrom('fund_records')
        .select('id')
        .where('round_id', '=', roundId)
        .where('kind', '=', 'circle_payment')
        .where('member_id', '=', member.id)
        .executeTakeFirst();
      if (paid) throw errors.conflict('already_paid', 'error.alreadyPaid');
      const open = await openProposalWith(tx, { type: 'circle_defer', round_id: roundId, member_id: member.id });
      if (open) return open;
      const action: CircleDefer = {
        type: 'circle_defer',
        circle_id: circle.id,
        round_id: roundId,
        round_number: round.number,
        member_id: member.id,
        member_name: member.name,
      };
      return openProposal(
        tx,
        member.id,
        {
          kind: 'circle',
          circleId: circle.id,
          title: `${circle.name}: defer`,
          body: '',
          process: 'consent',
          options: [],
          closesInHours: CIRCLE_DECISION_HOURS,
          rules: standardRules('consent'),
          anonymous: false,
          action,
        },
        now,
      );
    }),
  );
}

/** What a closed circle decision does: record a deferral, or name a round's recipient (a tie is settled by lot). */
export async function applyCircleOutcome(
  tx: Tx,
  decisionId: string,
  a: CircleAction,
  outcome: Result['outcome'],
  result: Result | null,
  options: string[],
) {
  if (a.type === 'circle_defer') {
    if (outcome !== 'passed') return;
    const paid = await tx
      .selectFrom('fund_records')
      .select('id')
      .where('round_id', '=', a.round_id)
      .where('kind', '=', 'circle_payment')
      .where('member_id', '=', a.member_id)
      .executeTakeFirst();
    if (!paid) {
      await tx
        .insertInto('circle_deferrals')
        .values({ round_id: a.round_id, member_id: a.member_id, proposal_id: decisionId })
        .onConflict((oc) => oc.columns(['round_id', 'member_id']).doNothing())
        .execute();
    }
    return;
  }
  const winners = (result?.winners ?? []).map((w) => options.indexOf(w)).filter((i) => i >= 0);
  const pool = winners.length ? winners : a.candidates.map((_, i) => i);
  const chosen = a.candidates[lotteryOrder(pool)[0]!]!;
  await tx
    .updateTable('circle_rounds')
    .set({ recipient_id: chosen })
    .where('id', '=', a.round_id)
    .where('recipient_id', 'is', null)
    .execute();
  await notify(
    tx,
    (await circleMemberIds(tx, a.circle_id)).map((m) => ({
      member_id: m,
      kind: 'circle_round' as const,
      subject: a.circle_id,
    })),
  );
}
