// Reading events: the coming occurrences of all events, one event with its readings and who comes to each
// occurrence (counts; names only of those coming), a member's own answers, what goes in their calendar, and which
// events used a library item.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { isOver, occurrences } from './occurrences.ts';

type Q = Kysely<Database>;

export type EventView = {
  id: string;
  kind: Database['events']['kind'];
  title: string;
  about: string;
  language: string;
  area: string;
  placeEnc: Buffer | null;
  startsAt: Date;
  minutes: number;
  zone: string;
  rrule: string | null;
  capacity: number | null;
  claimHours: number;
  openToAll: boolean;
  createdBy: string;
  createdByName: string;
  cancelledAt: Date | null;
};

const columns = [
  'events.id',
  'events.kind',
  'events.title',
  'events.about',
  'events.language',
  'events.area',
  'events.place_enc as placeEnc',
  'events.starts_at as startsAt',
  'events.minutes',
  'events.zone',
  'events.rrule',
  'events.capacity',
  'events.claim_hours as claimHours',
  'events.open_to_all as openToAll',
  'events.created_by as createdBy',
  'members.display_name as createdByName',
  'events.cancelled_at as cancelledAt',
] as const;

const all = (db: Q) => db.selectFrom('events').innerJoin('members', 'members.id', 'events.created_by').select(columns);

export async function event(db: Q, id: string): Promise<EventView | undefined> {
  return all(db).where('events.id', '=', id).executeTakeFirst();
}

export type Coming = { event: EventView; at: Date };

/** The occurrences from `now` to `until` of events not called off, soonest first, at most `most`. */
export async function coming(db: Q, now: Date, until: Date, most = 60): Promise<Coming[]> {
  const rows = await all(db)
    .where('events.cancelled_at', 'is', null)
    .where('events.starts_at', '<', until)
    .orderBy('events.starts_at')
    .limit(500)
    .execute();
  return rows
    .flatMap((e) =>
      occurrences(e)
        .filter((at) => !isOver(e, at, now) && at < until)
        .map((at) => ({ event: e, at })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, most);
}

export type RsvpView = {
  id: string;
  occurrence: Date;
  memberId: string;
  name: string;
  answer: 'yes' | 'maybe' | 'no';
  place: Database['event_rsvps']['place'];
  offerEndsAt: Date | null;
  askedAt: Date;
};

/** Every answer to an event, with the member's name, in the line's order. */
export async function rsvpsOf(db: Q, eventId: string): Promise<RsvpView[]> {
  return db
    .selectFrom('event_rsvps')
    .innerJoin('members', 'members.id', 'event_rsvps.member_id')
    .select([
      'event_rsvps.id',
      'event_rsvps.occurrence',
      'event_rsvps.member_id as memberId',
      'members.display_name as name',
      'event_rsvps.answer',
      'event_rsvps.place',
      'event_rsvps.offer_ends_at as offerEndsAt',
      'event_rsvps.asked_at as askedAt',
    ])
    .where('event_rsvps.event_id', '=', eventId)
    .where('members.removed_at', 'is', null)
    .orderBy('event_rsvps.asked_at')
    .orderBy('event_rsvps.seq')
    .execute();
}

export async function readingsOf(db: Q, eventId: string): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom('event_readings')
    .innerJoin('library_items', 'library_items.id', 'event_readings.item_id')
    .select(['library_items.id', 'library_items.title'])
    .where('event_readings.event_id', '=', eventId)
    .where('library_items.taken_down_at', 'is', null)
    .orderBy('library_items.title')
    .execute();
}

/** The library's newest items, to choose readings from. */
export async function readingChoices(db: Q, most = 30): Promise<{ id: string; title: string; language: string }[]> {
  return db
    .selectFrom('library_items')
    .select(['id', 'title', 'language'])
    .where('taken_down_at', 'is', null)
    .orderBy('added_at', 'desc')
    .limit(most)
    .execute();
}

/** The events that used a library item (for its "used in"), newest first. */
export async function eventsUsing(
  db: Q,
  itemId: string,
): Promise<{ id: string; title: string; startsAt: Date; cancelled: boolean }[]> {
  return (
    await db
      .selectFrom('event_readings')
      .innerJoin('events', 'events.id', 'event_readings.event_id')
      .select(['events.id', 'events.title', 'events.starts_at as startsAt', 'events.cancelled_at'])
      .where('event_readings.item_id', '=', itemId)
      .orderBy('events.starts_at', 'desc')
      .limit(50)
      .execute()
  ).map(({ cancelled_at, ...e }) => ({ ...e, cancelled: cancelled_at !== null }));
}

export type CalendarEvent = { rsvpId: string; start: Date; end: Date; title: string; area: string };

/** The occurrences a member has a place at, from `from` on, for their private calendar feed. */
export async function eventsInCalendar(db: Q, memberId: string, from: Date): Promise<CalendarEvent[]> {
  const rows = await db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select(['event_rsvps.id', 'event_rsvps.occurrence', 'events.minutes', 'events.title', 'events.area'])
    .where('event_rsvps.member_id', '=', memberId)
    .where('event_rsvps.place', '=', 'going')
    .where('events.cancelled_at', 'is', null)
    .where('event_rsvps.occurrence', '>=', from)
    .execute();
  return rows.map((r) => ({
    rsvpId: r.id,
    start: r.occurrence,
    end: new Date(r.occurrence.getTime() + r.minutes * 60_000),
    title: r.title,
    area: r.area,
  }));
}
