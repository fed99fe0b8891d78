// Changing the shared things: adding one to lend, borrowing it (or taking the place in line it was offered for),
// giving it back (the next in line is offered it for the claim window, then the next), renewing when nobody waits,
// reporting a problem without blame, reminding of due dates, and retiring a thing. The database holds one active
// loan per thing, the agreed number at once, and the line (migration 026).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import crypto from 'node:crypto';
import { notify } from '../notifications/index.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { lineOf, type ThingView } from './queries.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export type Condition = Database['things']['condition'];
export const CONDITIONS: readonly Condition[] = ['good', 'worn', 'needs_repair'];
export const REPORT_KINDS = ['damaged', 'lost', 'missing_part', 'other'] as const;
/** A loan may be renewed this many times, when nobody waits. */
export const MOST_RENEWALS = 3;

export type NewThing = {
  title: string;
  about: string;
  mine: boolean;
  area: string;
  /** The exact place to pick it up (sealed), or empty. */
  pickup: string;
  condition: Condition;
  loanDays: number;
  claimHours: number;
};

/** The key purpose a thing's exact pickup place is sealed under (one per thing). */
export const pickupPurpose = (thingId: string) => `thing-pickup:${thingId}`;

export async function addThing(db: Q, keys: Keys, memberId: string, t: NewThing, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('things')
    .values({
      id,
      pickup_enc: t.pickup ? encrypt(keys, pickupPurpose(id), t.pickup) : null,
      title: t.title,
      about: t.about,
      lent_by: t.mine ? memberId : null,
      added_by: memberId,
      added_at: now,
      area: t.area,
      condition: t.condition,
      loan_days: t.loanDays,
      claim_hours: t.claimHours,
    })
    .execute();
  return id;
}

const lock = (tx: Q, thingId: string) => sql`select 1 from things where id = ${thingId} for update`.execute(tx);

/** The thing's loan still out, if any. */
const activeLoan = (tx: Q, thingId: string) =>
  tx
    .selectFrom('thing_loans')
    .select(['id', 'member_id', 'due_at', 'renewals'])
    .where('thing_id', '=', thingId)
    .where('returned_at', 'is', null)
    .executeTakeFirst();

/**
 * Borrows the thing: when it is in, and the member is the one it is offered to, or first in line, or nobody waits.
 * Returns the loan's due date.
 */
export async function borrow(db: Q, thing: ThingView, memberId: string, condition: Condition, now: Date) {
  if (thing.retiredAt) throw errors.conflict('thing_retired', 'error.thingRetired');
  return db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    if (await activeLoan(tx, thing.id)) throw errors.conflict('thing_out', 'error.thingOut');
    const line = await lineOf(tx, thing.id);
    const offered = line.find((h) => h.offeredUntil && h.offeredUntil > now);
    const mine = line.find((h) => h.memberId === memberId);
    if (offered && offered.memberId !== memberId) throw errors.conflict('offered_to_next', 'error.offeredToNext');
    if (!offered && line.length && line[0]!.memberId !== memberId)
      throw errors.conflict('line_ahead', 'error.lineAhead');
    if (mine) await tx.updateTable('thing_holds').set({ ended_at: now }).where('id', '=', mine.id).execute();
    const due = new Date(now.getTime() + thing.loanDays * DAY);
    await tx
      .insertInto('thing_loans')
      .values({ thing_id: thing.id, member_id: memberId, out_at: now, due_at: due, condition_out: condition })
      .execute();
    return due;
  });
}

/** Offers the thing to the first in line, if it is in and not offered to anyone: theirs to take for the claim window. */
async function offerNext(tx: Q, thingId: string, claimHours: number, now: Date) {
  if (await activeLoan(tx, thingId)) return;
  const line = await lineOf(tx, thingId);
  if (line.length === 0 || line.some((h) => h.offeredUntil && h.offeredUntil > now)) return;
  const next = line[0]!;
  await tx
    .updateTable('thing_holds')
    .set({ offered_until: new Date(now.getTime() + claimHours * HOUR) })
    .where('id', '=', next.id)
    .execute();
  await notify(tx, [{ member_id: next.memberId, kind: 'thing_offered', subject: next.id }]);
}

/**
 * Gives the thing back, noting its condition (a problem is reported apart, without blame). The one who has it, the
 * member who lends it, or — for the network's own things — any member at the shelf may check it in.
 */
export async function giveBack(db: Q, thing: ThingView, memberId: string, condition: Condition, now: Date) {
  await db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    const loan = await activeLoan(tx, thing.id);
    if (!loan) throw errors.conflict('thing_not_out', 'error.thingNotOut');
    const may = loan.member_id === memberId || thing.lentBy === memberId || thing.lentBy === null;
    if (!may) throw errors.conflict('not_yours_to_return', 'error.notYoursToReturn');
    await tx
      .updateTable('thing_loans')
      .set({ returned_at: now, condition_back: condition })
      .where('id', '=', loan.id)
      .execute();
    await tx.updateTable('things').set({ condition }).where('id', '=', thing.id).execute();
    await offerNext(tx, thing.id, thing.claimHours, now);
  });
}

/** Keeps the thing another loan period, when nobody waits for it (at most three times). */
export async function renew(db: Q, thing: ThingView, memberId: string, now: Date): Promise<Date> {
  return db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    const loan = await activeLoan(tx, thing.id);
    if (!loan || loan.member_id !== memberId) throw errors.conflict('thing_not_yours', 'error.thingNotYours');
    if ((await lineOf(tx, thing.id)).length) throw errors.conflict('someone_waits', 'error.someoneWaits');
    if (loan.renewals >= MOST_RENEWALS) throw errors.conflict('renewed_enough', 'error.renewedEnough');
    const due = new Date(Math.max(loan.due_at.getTime(), now.getTime()) + thing.loanDays * DAY);
    await tx
      .updateTable('thing_loans')
      .set({ due_at: due, renewals: loan.renewals + 1 })
      .where('id', '=', loan.id)
      .execute();
    return due;
  });
}

/** Takes a place at the end of the thing's line (once); if it is in and nobody waits, it is offered at once. */
export async function joinLine(db: Q, thing: ThingView, memberId: string, now: Date): Promise<void> {
  if (thing.retiredAt) throw errors.conflict('thing_retired', 'error.thingRetired');
  await db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    if ((await activeLoan(tx, thing.id))?.member_id === memberId)
      throw errors.conflict('thing_yours', 'error.thingYours');
    await tx
      .insertInto('thing_holds')
      .values({ thing_id: thing.id, member_id: memberId, asked_at: now })
      .onConflict((oc) => oc.columns(['thing_id', 'member_id']).where('ended_at', 'is', null).doNothing())
      .execute();
    await offerNext(tx, thing.id, thing.claimHours, now);
  });
}

/** Leaves the line; an offer the member held goes to the next. */
export async function leaveLine(db: Q, thing: ThingView, memberId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    await tx
      .updateTable('thing_holds')
      .set({ ended_at: now })
      .where('thing_id', '=', thing.id)
      .where('member_id', '=', memberId)
      .where('ended_at', 'is', null)
      .execute();
    await offerNext(tx, thing.id, thing.claimHours, now);
  });
}

/** Offers not taken in time end, and the thing is offered to the next in line. Returns how many lapsed. */
export async function lapseThingOffers(db: Q, now: Date): Promise<number> {
  const lapsed = await db
    .selectFrom('thing_holds')
    .innerJoin('things', 'things.id', 'thing_holds.thing_id')
    .select(['thing_holds.id', 'thing_holds.thing_id', 'things.claim_hours'])
    .where('thing_holds.ended_at', 'is', null)
    .where('thing_holds.offered_until', '<=', now)
    .execute();
  for (const l of lapsed)
    await db.transaction().execute(async (tx) => {
      await lock(tx, l.thing_id);
      await tx.updateTable('thing_holds').set({ ended_at: now }).where('id', '=', l.id).execute();
      await offerNext(tx, l.thing_id, l.claim_hours, now);
    });
  return lapsed.length;
}

/** Reminds whoever has a thing the day before it is due, and once when it is overdue (no fines, ever). */
export async function remindDue(db: Q, now: Date): Promise<void> {
  const out = await db
    .selectFrom('thing_loans')
    .select(['id', 'member_id', 'due_at'])
    .where('returned_at', 'is', null)
    .where('due_at', '<', new Date(now.getTime() + DAY))
    .execute();
  await notify(
    db,
    out
      .filter((l) => l.due_at > now)
      .map((l) => ({ member_id: l.member_id, kind: 'thing_due' as const, subject: l.id })),
    { once: true },
  );
  await notify(
    db,
    out
      .filter((l) => l.due_at <= now)
      .map((l) => ({ member_id: l.member_id, kind: 'thing_overdue' as const, subject: l.id })),
    { once: true },
  );
}

export type Report = { kind: (typeof REPORT_KINDS)[number]; note: string };

/** Anyone reports a problem with a thing: no blame and no fine; a damaged thing is marked as needing repair, and
 * whoever lends or added it is told. */
export async function reportProblem(db: Q, thing: ThingView, memberId: string, r: Report, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('thing_reports')
      .values({ thing_id: thing.id, member_id: memberId, kind: r.kind, note: r.note, made_at: now })
      .execute();
    if (r.kind === 'damaged' || r.kind === 'missing_part')
      await tx.updateTable('things').set({ condition: 'needs_repair' }).where('id', '=', thing.id).execute();
    const told = thing.lentBy ?? thing.addedBy;
    if (told !== memberId) await notify(tx, [{ member_id: told, kind: 'thing_report', subject: thing.id }]);
  });
}

/** Whoever added it stops lending it (when it is in); the line is told nothing more is coming. */
export async function retire(db: Q, thing: ThingView, memberId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lock(tx, thing.id);
    if (await activeLoan(tx, thing.id)) throw errors.conflict('thing_out', 'error.thingOut');
    await tx
      .updateTable('things')
      .set({ retired_at: now })
      .where('id', '=', thing.id)
      .where('added_by', '=', memberId)
      .execute();
    await tx
      .updateTable('thing_holds')
      .set({ ended_at: now })
      .where('thing_id', '=', thing.id)
      .where('ended_at', 'is', null)
      .execute();
  });
}
