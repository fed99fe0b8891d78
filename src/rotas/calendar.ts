// A member's commitments as an iCalendar feed (RFC 5545), written by ical-generator (ADR 009): their rota slots and
// the terms of the roles they hold. Times are in UTC, so every calendar shows them right; nothing about anyone else.
import ical, { ICalEventStatus } from 'ical-generator';
import type { Translate } from '../web/i18n/index.ts';
import type { Commitment } from './queries.ts';
import type { Holder } from '../roles/queries.ts';

export type FeedRole = Holder & { role: string; title: string };

export function calendarFeed(t: Translate, networkName: string, host: string, slots: Commitment[], roles: FeedRole[], now: Date): string {
  const cal = ical({ name: t('rota.feedName', { network: networkName }), prodId: { company: 'Kropotkin', product: 'commitments', language: 'EN' } });
  for (const s of slots) {
    cal.createEvent({
      id: `slot-${s.slotId}@${host}`, stamp: now, start: s.startsAt, end: s.endsAt, summary: s.title, location: s.area,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  for (const r of roles) {
    cal.createEvent({
      id: `term-${r.termId}@${host}`, stamp: now, start: r.startsAt, end: r.endsAt, allDay: true,
      summary: t('rota.feedRole', { role: r.title }),
    });
  }
  return cal.toString();
}
