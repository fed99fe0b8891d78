// The check-in: every few weeks (by agreement) members are asked one question — how are you holding up? — and the
// answers exist only as counts. Who answered is kept apart from what, so nobody can be found by their answer.
import { sql, type Kysely } from 'kysely';
import type { CheckinAnswer, Database } from '../db/types.ts';
import { notify } from '../notifications/queries.ts';
import { reachableMemberIds } from '../members/queries.ts';
import { errors } from '../web/errors.ts';
import { guard, type Suppressed } from '../mutuality/metrics.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;
export const CHECKIN_ANSWERS: readonly CheckinAnswer[] = ['well', 'okay', 'stretched', 'struggling'];
/** A round stays open this long. */
export const CHECKIN_OPEN_DAYS = 7;

export type Round = { id: string; openedAt: Date; closesAt: Date };

export async function openRound(db: Q, now: Date): Promise<Round | undefined> {
  const r = await db.selectFrom('checkin_rounds').select(['id', 'opened_at', 'closes_at'])
    .where('opened_at', '<=', now).where('closes_at', '>', now).orderBy('opened_at', 'desc').executeTakeFirst();
  return r && { id: r.id, openedAt: r.opened_at, closesAt: r.closes_at };
}

export async function hasAnswered(db: Q, roundId: string, memberId: string): Promise<boolean> {
  return !!(await db.selectFrom('checkin_answered').select('round_id').where('round_id', '=', roundId).where('member_id', '=', memberId).executeTakeFirst());
}

/** Counts one answer. Refused if the round has closed or the member already answered it. */
export async function answer(db: Q, memberId: string, a: CheckinAnswer, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const round = await openRound(tx, now);
    if (!round) throw errors.conflict('checkin_closed', 'error.checkinClosed');
    const first = await tx.insertInto('checkin_answered').values({ round_id: round.id, member_id: memberId })
      .onConflict((oc) => oc.doNothing()).returning('round_id').executeTakeFirst();
    if (!first) throw errors.conflict('already_answered', 'error.alreadyAnswered');
    await tx.updateTable('checkin_counts').set((eb) => ({ n: eb('n', '+', 1) }))
      .where('round_id', '=', round.id).where('answer', '=', a).execute();
  });
}

export type RoundCounts = { openedAt: Date; counts: Suppressed<Record<CheckinAnswer, number>>; answered: number };

/** The counts of recent rounds, newest first; a round with fewer than five answers shows none of them. */
export async function roundCounts(db: Q, limit = 6): Promise<RoundCounts[]> {
  const rounds = await db.selectFrom('checkin_rounds').select(['id', 'opened_at']).orderBy('opened_at', 'desc').limit(limit).execute();
  if (rounds.length === 0) return [];
  const counts = await db.selectFrom('checkin_counts').select(['round_id', 'answer', 'n']).where('round_id', 'in', rounds.map((r) => r.id)).execute();
  return rounds.map((r) => {
    const mine = counts.filter((c) => c.round_id === r.id);
    const byAnswer = Object.fromEntries(CHECKIN_ANSWERS.map((a) => [a, Number(mine.find((c) => c.answer === a)?.n ?? 0)])) as Record<CheckinAnswer, number>;
    const answered = Object.values(byAnswer).reduce((s, n) => s + n, 0);
    return { openedAt: r.opened_at, counts: guard(byAnswer, answered), answered };
  });
}

/**
 * Opens a round when the agreed number of weeks has passed since the last one (or since founding), and asks every
 * member who is not on a break. Nothing happens when the agreement is 0 (never).
 */
export async function openCheckinIfDue(db: Q, weeks: number, now: Date): Promise<boolean> {
  if (weeks <= 0) return false;
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('kropotkin_checkin'))`.execute(tx);
    const last = await tx.selectFrom('checkin_rounds').select('opened_at').orderBy('opened_at', 'desc').executeTakeFirst();
    const since = last?.opened_at ?? (await tx.selectFrom('network_founding').select('founded_at').executeTakeFirst())?.founded_at;
    if (!since || now.getTime() - since.getTime() < weeks * 7 * DAY) return false;
    const round = await tx.insertInto('checkin_rounds').values({ opened_at: now, closes_at: new Date(now.getTime() + CHECKIN_OPEN_DAYS * DAY) })
      .returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('checkin_counts').values(CHECKIN_ANSWERS.map((a) => ({ round_id: round.id, answer: a }))).execute();
    await notify(tx, (await reachableMemberIds(tx)).map((id) => ({ member_id: id, kind: 'checkin' as const })));
    return true;
  });
}
