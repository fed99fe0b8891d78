// Changing the time bank: a member records hours with another (either side may, from a match thread prefilled); the
// other confirms or declines in one tap; the recorder may withdraw what waits; records confirm themselves after the
// agreed hours when the network agreed so. Confirming enters the hours on the fund's ledger in the same transaction
// (fund/hours.ts), where the agreed limits are held (KR038, KR039): a refusal leaves the record waiting.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { enterHours } from '../fund/index.ts';
import { errors, refusalOf } from '../web/errors.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;

export type NewHours = {
  other: string;
  /** Who gave the time: the member recording it, or the other. */
  gave: boolean;
  minutes: number;
  what: string;
  fromCommons: boolean;
  matchId: string | null;
};

export async function recordHours(db: Q, memberId: string, h: NewHours, now: Date): Promise<string> {
  if (h.other === memberId) throw errors.conflict('hours_with_self', 'error.hoursWithSelf');
  return db.transaction().execute(async (tx) => {
    const other = await tx
      .selectFrom('members')
      .select('id')
      .where('id', '=', h.other)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!other) throw errors.conflict('hours_member', 'error.hoursMember');
    const { id } = await tx
      .insertInto('time_records')
      .values({
        giver_id: h.gave ? memberId : h.other,
        receiver_id: h.gave ? h.other : memberId,
        from_commons: h.fromCommons,
        minutes: h.minutes,
        what: h.what,
        match_id: h.matchId,
        recorded_by: memberId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notify(tx, [{ member_id: h.other, kind: 'time_to_confirm', subject: id }]);
    return id;
  });
}

const waitingRecord = (tx: Q, id: string) =>
  tx.selectFrom('time_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Only the record's other member answers it (who recorded it waits for them). */
function answerer(rec: { recorded_by: string; giver_id: string; receiver_id: string }, memberId: string) {
  if (memberId !== rec.giver_id && memberId !== rec.receiver_id)
    throw errors.forbidden('hours_not_yours', 'error.hoursNotYours');
  if (memberId === rec.recorded_by) throw errors.conflict('hours_own', 'error.hoursOwn');
}

async function confirmIn(tx: Q, id: string, by: string | null, now: Date) {
  const rec = await waitingRecord(tx, id);
  if (!rec || rec.state !== 'waiting') throw errors.conflict('hours_answered', 'error.hoursAnswered');
  if (by !== null) answerer(rec, by);
  await tx
    .updateTable('time_records')
    .set({ state: 'confirmed', answered_at: now, confirmed_by: by })
    .where('id', '=', id)
    .execute();
  await enterHours(
    tx,
    {
      id,
      giverId: rec.giver_id,
      receiverId: rec.receiver_id,
      fromCommons: rec.from_commons,
      minutes: rec.minutes,
    },
    now,
  );
}

/** The other member says yes: the hours move now, within the agreed limits, or not at all. */
export const confirmHours = (db: Q, id: string, memberId: string, now: Date) =>
  db.transaction().execute((tx) => confirmIn(tx, id, memberId, now));

/** The other member says no: nothing moves; who recorded it is told. */
export async function declineHours(db: Q, id: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const rec = await waitingRecord(tx, id);
    if (!rec || rec.state !== 'waiting') throw errors.conflict('hours_answered', 'error.hoursAnswered');
    answerer(rec, memberId);
    await tx.updateTable('time_records').set({ state: 'declined', answered_at: now }).where('id', '=', id).execute();
    await notify(tx, [{ member_id: rec.recorded_by, kind: 'time_declined', subject: id }]);
  });
}

/** Who recorded it takes it back while it waits. */
export async function withdrawHours(db: Q, id: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const rec = await waitingRecord(tx, id);
    if (!rec || rec.state !== 'waiting') throw errors.conflict('hours_answered', 'error.hoursAnswered');
    if (memberId !== rec.recorded_by) throw errors.forbidden('hours_not_yours', 'error.hoursNotYours');
    await tx.updateTable('time_records').set({ state: 'withdrawn', answered_at: now }).where('id', '=', id).execute();
  });
}

/**
 * When the network agreed that records confirm themselves after some hours (time_confirm_hours above 0): each
 * record waiting that long is confirmed on its own, one transaction each; one the limits refuse keeps waiting.
 */
export async function confirmWaiting(db: Q, afterHours: number, now: Date): Promise<number> {
  if (afterHours <= 0) return 0;
  const due = await db
    .selectFrom('time_records')
    .select('id')
    .where('state', '=', 'waiting')
    .where('recorded_at', '<=', new Date(now.getTime() - afterHours * HOUR))
    .orderBy('recorded_at')
    .limit(500)
    .execute();
  let done = 0;
  for (const { id } of due) {
    try {
      await db.transaction().execute((tx) => confirmIn(tx, id, null, now));
      done++;
    } catch (e) {
      // Past a limit, or answered meanwhile: it waits for a person. Anything else is thrown.
      refusalOf(e, [403, 409]);
    }
  }
  return done;
}
