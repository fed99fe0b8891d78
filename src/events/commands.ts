// Changing events: making one (the exact place sealed), answering an occurrence (yes, maybe, no — a yes beyond the
// capacity waits in line), offering a freed place to the first in line with a claim window and then to the next,
// reminding those coming the day before and on the day, and calling one off. The capacity is the database's (KR034).
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { notify } from '../notifications/index.ts';
import { errors } from '../web/errors.ts';
import { dayIn } from '../web/zone.ts';
import { isOccurrence, isOver } from './occurrences.ts';
import type { EventView } from './queries.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;

export type NewEvent = {
  kind: Database['events']['kind'];
  title: string;
  about: string;
  language: string;
  area: string;
  place: string;
  startsAt: Date;
  minutes: number;
  zone: string;
  rrule: string | null;
  capacity: number | null;
  claimHours: number;
  openToAll: boolean;
  readings: string[];
};

export const placePurpose = (eventId: string) => `event-place:${eventId}`;

export async function createEvent(db: Q, keys: Keys, memberId: string, e: NewEvent, now: Date): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const id = crypto.randomUUID();
    await tx
      .insertInto('events')
      .values({
        id,
        kind: e.kind,
        title: e.title,
        about: e.about,
        language: e.language,
        area: e.area,
        place_enc: e.place ? encrypt(keys, placePurpose(id), e.place) : null,
        starts_at: e.startsAt,
        minutes: e.minutes,
        zone: e.zone,
        rrule: e.rrule,
        capacity: e.capacity,
        claim_hours: e.claimHours,
        open_to_all: e.openToAll,
        created_by: memberId,
        created_at: now,
      })
      .execute();
    const readings = e.readings.length
      ? await tx
          .selectFrom('library_items')
          .select('id')
          .where('id', 'in', e.readings)
          .where('taken_down_at', 'is', null)
          .execute()
      : [];
    if (readings.length)
      await tx
        .insertInto('event_readings')
        .values(readings.map((r) => ({ event_id: id, item_id: r.id })))
        .execute();
    return id;
  });
}

export type Answer = 'yes' | 'maybe' | 'no';
export type Place = Database['event_rsvps']['place'];

/** What happened to a member's answer: a place, a place in line, or none. */
export async function answer(
  db: Q,
  event: EventView,
  occurrence: Date,
  memberId: string,
  a: Answer,
  now: Date,
): Promise<Place> {
  if (event.cancelledAt) throw errors.conflict('event_cancelled', 'error.eventCancelled');
  if (!isOccurrence(event, occurrence)) throw errors.badRequest('no_occurrence', 'error.chooseOccurrence');
  if (isOver(event, occurrence, now)) throw errors.conflict('event_past', 'error.eventPast');
  return db.transaction().execute(async (tx) => {
    // One answer at a time for an event: the line's order and the places are counted under this lock.
    await sql`select 1 from events where id = ${event.id} for update`.execute(tx);
    const had = await tx
      .selectFrom('event_rsvps')
      .select(['id', 'place', 'asked_at'])
      .where('event_id', '=', event.id)
      .where('occurrence', '=', occurrence)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    let place: Place = 'none';
    let askedAt = had?.asked_at ?? now;
    if (a === 'yes') {
      if (had?.place === 'going' || had?.place === 'offered') place = 'going';
      else if (had?.place === 'waiting') place = 'waiting';
      else {
        askedAt = now;
        const { taken, waiting } = await line(tx, event.id, occurrence);
        place = event.capacity === null || (taken < event.capacity && waiting === 0) ? 'going' : 'waiting';
      }
    }
    const values = { answer: a, place, asked_at: askedAt, offer_ends_at: null };
    if (had) await tx.updateTable('event_rsvps').set(values).where('id', '=', had.id).execute();
    else
      await tx
        .insertInto('event_rsvps')
        .values({ event_id: event.id, occurrence, member_id: memberId, ...values })
        .execute();
    if ((had?.place === 'going' || had?.place === 'offered') && place === 'none')
      await offerFreed(tx, event, occurrence, now);
    return place;
  });
}

async function line(tx: Q, eventId: string, occurrence: Date) {
  const r = await tx
    .selectFrom('event_rsvps')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('place', 'in', ['going', 'offered']).as('taken'),
      eb.fn.count<string>('id').filterWhere('place', '=', 'waiting').as('waiting'),
    ])
    .where('event_id', '=', eventId)
    .where('occurrence', '=', occurrence)
    .executeTakeFirstOrThrow();
  return { taken: Number(r.taken), waiting: Number(r.waiting) };
}

/** Offers freed places to the first in line (who asked earliest), one each, for the claim window. */
async function offerFreed(
  tx: Q,
  event: Pick<EventView, 'id' | 'capacity' | 'claimHours'>,
  occurrence: Date,
  now: Date,
) {
  if (event.capacity === null) return;
  const { taken } = await line(tx, event.id, occurrence);
  const room = event.capacity - taken;
  if (room <= 0) return;
  const next = await tx
    .selectFrom('event_rsvps')
    .select(['id', 'member_id'])
    .where('event_id', '=', event.id)
    .where('occurrence', '=', occurrence)
    .where('place', '=', 'waiting')
    .orderBy('asked_at')
    .orderBy('seq')
    .limit(room)
    .execute();
  if (next.length === 0) return;
  await tx
    .updateTable('event_rsvps')
    .set({ place: 'offered', offer_ends_at: new Date(now.getTime() + event.claimHours * HOUR) })
    .where(
      'id',
      'in',
      next.map((n) => n.id),
    )
    .execute();
  await notify(
    tx,
    next.map((n) => ({ member_id: n.member_id, kind: 'event_place_offered' as const, subject: n.id })),
  );
}

/**
 * Offers that were not claimed in time lapse (the member keeps no place and may say yes again, at the end of the
 * line), and the place goes to the next in line. Returns how many lapsed.
 */
export async function lapseOffers(db: Q, now: Date): Promise<number> {
  const lapsed = await db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select([
      'event_rsvps.id',
      'events.id as eventId',
      'event_rsvps.occurrence',
      'events.capacity',
      'events.claim_hours',
    ])
    .where('event_rsvps.place', '=', 'offered')
    .where('event_rsvps.offer_ends_at', '<=', now)
    .execute();
  for (const l of lapsed)
    await db.transaction().execute(async (tx) => {
      await sql`select 1 from events where id = ${l.eventId} for update`.execute(tx);
      const r = await tx
        .updateTable('event_rsvps')
        .set({ place: 'none', offer_ends_at: null })
        .where('id', '=', l.id)
        .where('place', '=', 'offered')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1)
        await offerFreed(tx, { id: l.eventId, capacity: l.capacity, claimHours: l.claim_hours }, l.occurrence, now);
    });
  return lapsed.length;
}

/** Reminds those coming (or maybe coming) the day before an occurrence and on its day, in the event's zone. */
export async function remindEvents(db: Q, now: Date): Promise<void> {
  const soon = await db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select(['event_rsvps.id', 'event_rsvps.member_id', 'event_rsvps.occurrence', 'events.zone'])
    .where('events.cancelled_at', 'is', null)
    .where((eb) => eb.or([eb('event_rsvps.place', '=', 'going'), eb('event_rsvps.answer', '=', 'maybe')]))
    .where('event_rsvps.occurrence', '>', now)
    .where('event_rsvps.occurrence', '<', new Date(now.getTime() + 48 * HOUR))
    .execute();
  const tomorrow: typeof soon = [];
  const today: typeof soon = [];
  for (const r of soon) {
    const day = dayIn(r.zone, r.occurrence);
    const nowDay = dayIn(r.zone, now);
    if (day === nowDay) today.push(r);
    else if (day === nextDay(nowDay)) tomorrow.push(r);
  }
  await notify(
    db,
    tomorrow.map((r) => ({ member_id: r.member_id, kind: 'event_tomorrow' as const, subject: r.id })),
    { once: true },
  );
  await notify(
    db,
    today.map((r) => ({ member_id: r.member_id, kind: 'event_today' as const, subject: r.id })),
    { once: true },
  );
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

/** The member who made it calls it off: everyone who answered yes or maybe to a coming occurrence is told. */
export async function cancelEvent(db: Q, event: EventView, memberId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('events')
      .set({ cancelled_at: now })
      .where('id', '=', event.id)
      .where('created_by', '=', memberId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return;
    const told = await tx
      .selectFrom('event_rsvps')
      .select('member_id')
      .distinct()
      .where('event_id', '=', event.id)
      .where('occurrence', '>', now)
      .where('answer', 'in', ['yes', 'maybe'])
      .execute();
    await notify(
      tx,
      told.map((m) => ({ member_id: m.member_id, kind: 'event_cancelled' as const, subject: event.id })),
    );
  });
}
