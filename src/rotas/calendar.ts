// A member's commitments as an iCalendar feed (RFC 5545), written by ical-generator (ADR 009): their rota slots, the
// terms of the roles they hold, and the events they have a place at. Times are in UTC, so every calendar shows them right; nothing about anyone else.
import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { translator, type Translate } from '../web/i18n/index.ts';
import type { Registry } from '../web/domain.ts';
import { commitmentsOf, type Commitment } from './queries.ts';
import { roleDefs, rolesOf, type Holder } from '../roles/index.ts';
import { roleTitle } from '../roles/index.ts';
import { languageOf } from '../members/index.ts';
import { eventsInCalendar, type CalendarEvent } from '../events/index.ts';

export type FeedRole = Holder & { role: string; title: string };

export function calendarFeed(
  t: Translate,
  networkName: string,
  host: string,
  slots: Commitment[],
  roles: FeedRole[],
  now: Date,
  events: CalendarEvent[] = [],
): string {
  const cal = ical({
    name: t('rota.feedName', { network: networkName }),
    prodId: { company: 'Kropotkin', product: 'commitments', language: 'EN' },
  });
  for (const s of slots) {
    cal.createEvent({
      id: `slot-${s.slotId}@${host}`,
      stamp: now,
      start: s.startsAt,
      end: s.endsAt,
      summary: s.title,
      location: s.area,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  for (const r of roles) {
    cal.createEvent({
      id: `term-${r.termId}@${host}`,
      stamp: now,
      start: r.startsAt,
      end: r.endsAt,
      allDay: true,
      summary: t('rota.feedRole', { role: r.title }),
    });
  }
  for (const e of events) {
    cal.createEvent({
      id: `event-${e.rsvpId}@${host}`,
      stamp: now,
      start: e.start,
      end: e.end,
      summary: e.title,
      location: e.area,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** A member's feed in their language: their slots from 30 days ago on, and the terms of roles they hold or will hold. */
export async function memberFeed(
  db: Kysely<Database>,
  memberId: string,
  networkName: string,
  host: string,
  now: Date,
  catalogs: Registry['catalogs'],
): Promise<string> {
  const t = translator(await languageOf(db, memberId), catalogs);
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const [slots, terms, defs, events] = await Promise.all([
    commitmentsOf(db, memberId, from),
    rolesOf(db, memberId, now),
    roleDefs(db),
    eventsInCalendar(db, memberId, from),
  ]);
  const titles = new Map(defs.map((d) => [d.name, roleTitle(t, d)]));
  return calendarFeed(
    t,
    networkName,
    host,
    slots,
    terms.map((r) => ({ ...r, title: titles.get(r.role) ?? r.role })),
    now,
    events,
  );
}
