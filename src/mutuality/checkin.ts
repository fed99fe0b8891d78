// The check-in: every few weeks (by agreement) members are asked one question — how are you holding up? — and the
// answers exist only as counts. Who answered is kept apart from what: an answer waits, with no member and no time, and
// is counted only in a batch of at least five (or when its round closes), so nobody can be found by their answer —
// not in a row, and not by the transaction that wrote it (the batch's tables are then purged from the files).
import { sql, type Kysely } from 'kysely';
import type { CheckinAnswer, Database } from '../db/types.ts';
import type { Db } from '../db/connect.ts';
import { purgeWhenDue } from '../db/purge.ts';
import { notify } from '../notifications/index.ts';
import { reachableMemberIds } from '../members/index.ts';
import { errors } from '../web/errors.ts';
import { guard, type Suppressed } from './metrics.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;
export const CHECKIN_ANSWERS: readonly CheckinAnswer[] = ['well', 'okay', 'stretched', 'struggling'];
/** A round stays open this long. */
export const CHECKIN_OPEN_DAYS = 7;

export type Round = { id: string; openedAt: Date; closesAt: Date };

export async function openRound(db: Q, now: Date): Promise<Round | undefined> {
  const r = await db
    .selectFrom('checkin_rounds')
    .select(['id', 'opened_at', 'closes_at'])
    .where('opened_at', '<=', now)
    .where('closes_at', '>', now)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  return r && { id: r.id, openedAt: r.opened_at, closesAt: r.closes_at };
}

export async function hasAnswered(db: Q, roundId: string, memberId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('checkin_answered')
    .select('round_id')
    .where('round_id', '=', roundId)
    .where('member_id', '=', memberId)
    .executeTakeFirst());
}

/** Answers are counted this many at a time at least (the same five below which the dashboard shows nothing). */
export const CHECKIN_BATCH = 5;

/**
 * Records that the member answered (refused if the round has closed or they already did), then, in a transaction of
 * its own, leaves the answer waiting to be counted with others (foldCheckinAnswers).
 */
export async function answer(db: Q, memberId: string, a: CheckinAnswer, now: Date): Promise<void> {
  const roundId = await db.transaction().execute(async (tx) => {
    const round = await openRound(tx, now);
    if (!round) throw errors.conflict('checkin_closed', 'error.checkinClosed');
    const first = await tx
      .insertInto('checkin_answered')
      .values({ round_id: round.id, member_id: memberId })
      .onConflict((oc) => oc.doNothing())
      .returning('round_id')
      .executeTakeFirst();
    if (!first) throw errors.conflict('already_answered', 'error.alreadyAnswered');
    return round.id;
  });
  await db.insertInto('checkin_pending').values({ round_id: roundId, answer: a }).execute();
}

const purge = purgeWhenDue(['checkin_pending', 'checkin_counts']);

/**
 * Counts the waiting answers of every round where at least five wait, or that has closed, all of a round's in one
 * transaction, then purges the tables that held them (a counted answer leaves no trace beside its transaction).
 * Returns how many were counted.
 */
export async function foldCheckinAnswers(db: Db, now: Date, log: (line: string) => void): Promise<number> {
  const counted = await foldWaiting(db, now);
  await purge(db, log, counted > 0);
  return counted;
}

async function foldWaiting(db: Q, now: Date): Promise<number> {
  const waiting = await db
    .selectFrom('checkin_pending')
    .innerJoin('checkin_rounds', 'checkin_rounds.id', 'checkin_pending.round_id')
    .select(['checkin_pending.round_id', 'checkin_rounds.closes_at', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['checkin_pending.round_id', 'checkin_rounds.closes_at'])
    .execute();
  let counted = 0;
  for (const w of waiting) {
    if (Number(w.n) < CHECKIN_BATCH && w.closes_at > now) continue;
    counted += await db.transaction().execute(async (tx) => {
      const rows = await tx
        .deleteFrom('checkin_pending')
        .where('round_id', '=', w.round_id)
        .returning('answer')
        .execute();
      for (const a of CHECKIN_ANSWERS) {
        const k = rows.filter((r) => r.answer === a).length;
        if (k)
          await tx
            .updateTable('checkin_counts')
            .set((eb) => ({ n: eb('n', '+', k) }))
            .where('round_id', '=', w.round_id)
            .where('answer', '=', a)
            .execute();
      }
      return rows.length;
    });
  }
  return counted;
}

export type RoundCounts = { openedAt: Date; counts: Suppressed<Record<CheckinAnswer, number>>; answered: number };

/** The counts of recent rounds, newest first; a round with fewer than five answers shows none of them. */
export async function roundCounts(db: Q, limit = 6): Promise<RoundCounts[]> {
  const rounds = await db
    .selectFrom('checkin_rounds')
    .select(['id', 'opened_at'])
    .orderBy('opened_at', 'desc')
    .limit(limit)
    .execute();
  if (rounds.length === 0) return [];
  const counts = await db
    .selectFrom('checkin_counts')
    .select(['round_id', 'answer', 'n'])
    .where(
      'round_id',
      'in',
      rounds.map((r) => r.id),
    )
    .execute();
  return rounds.map((r) => {
    const mine = counts.filter((c) => c.round_id === r.id);
    const byAnswer = Object.fromEntries(
      CHECKIN_ANSWERS.map((a) => [a, Number(mine.find((c) => c.answer === a)?.n ?? 0)]),
    ) as Record<CheckinAnswer, number>;
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
    const last = await tx
      .selectFrom('checkin_rounds')
      .select('opened_at')
      .orderBy('opened_at', 'desc')
      .executeTakeFirst();
    const since =
      last?.opened_at ?? (await tx.selectFrom('network_founding').select('founded_at').executeTakeFirst())?.founded_at;
    if (!since || now.getTime() - since.getTime() < weeks * 7 * DAY) return false;
    const round = await tx
      .insertInto('checkin_rounds')
      .values({ opened_at: now, closes_at: new Date(now.getTime() + CHECKIN_OPEN_DAYS * DAY) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('checkin_counts')
      .values(CHECKIN_ANSWERS.map((a) => ({ round_id: round.id, answer: a })))
      .execute();
    await notify(
      tx,
      (await reachableMemberIds(tx)).map((id) => ({ member_id: id, kind: 'checkin' as const })),
    );
    return true;
  });
}
