// Events (issue 19, political education): teach-ins, reading groups, assemblies and skill shares — a time, a coarse
// area (the exact place for those with a place), yes, maybe or no to each occurrence of a repeating event, a capacity
// with a first-come line that offers a freed place for a claim window, reminders, the member's calendar feed, a
// printable flyer with a QR code, and the library's readings an event used. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import type { Locale } from '../web/zone.ts';
import { oneLine } from '../notifications/index.ts';
import { formatDateTime } from '../web/parts.tsx';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { eventRoutes } from './routes.ts';
import { lapseOffers, remindEvents } from './commands.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    event_place_offered: true;
    event_tomorrow: true;
    event_today: true;
    event_cancelled: true;
  }
}

type AboutRsvp = { eventId: string; title: string; occurrence: Date };
const aboutRsvp = {
  tables: ['event_rsvps'],
  load: async (db: Kysely<Database>, ids: string[]) =>
    new Map(
      (
        await db
          .selectFrom('event_rsvps')
          .innerJoin('events', 'events.id', 'event_rsvps.event_id')
          .select(['event_rsvps.id', 'events.id as eventId', 'events.title', 'event_rsvps.occurrence'])
          .where('event_rsvps.id', 'in', ids)
          .execute()
      ).map((r) => [r.id, r as AboutRsvp]),
    ),
};
const rsvpKind = (kind: 'event_place_offered' | 'event_tomorrow' | 'event_today', key: MessageKey) => ({
  kind,
  about: aboutRsvp,
  text: (t: Translate, at: Locale, n: Told<AboutRsvp>) =>
    t(key, { title: oneLine(n.about?.title ?? ''), when: n.about ? formatDateTime(at, n.about.occurrence) : '' }),
  link: (n: Told<AboutRsvp>) => (n.about ? `/events/${n.about.eventId}#o-${n.about.occurrence.getTime()}` : '/events'),
});

export const events: Domain = {
  name: 'events',
  access,
  messages,
  tables: ['events', 'event_readings', 'event_rsvps'],
  routes: [eventRoutes],
  nav: [{ href: '/events', label: 'nav.events', place: 'more', order: 43 }],
  jobs: [
    { name: 'offer freed places at events', run: (deps, now) => lapseOffers(deps.db, now) },
    { name: 'remind of events', run: (deps, now) => remindEvents(deps.db, now) },
  ],
  notifications: [
    rsvpKind('event_place_offered', 'notification.eventPlaceOffered'),
    rsvpKind('event_tomorrow', 'notification.eventTomorrow'),
    rsvpKind('event_today', 'notification.eventToday'),
    {
      kind: 'event_cancelled',
      about: {
        tables: ['events'],
        load: async (db, ids) =>
          new Map(
            (await db.selectFrom('events').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.title,
            ]),
          ),
      },
      text: (t, _at, n: Told<string>) => t('notification.eventCancelled', { title: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/events/${n.subject}` : '/events'),
    },
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { eventsInCalendar, eventsUsing, type CalendarEvent } from './queries.ts';
