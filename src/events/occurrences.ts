// When an event happens: its first start and, if it repeats, each occurrence by its rule (rrule), on the wall clock
// of the zone it was made in — a weekly 18:00 stays 18:00 across a change of the clocks. No database here.
import rrulePkg from 'rrule';
import { wallClock, wallOf } from '../web/zone.ts';

const { RRule } = rrulePkg;

export const REPEATS = ['none', 'weekly', 'fortnightly', 'monthly'] as const;
export type Repeat = (typeof REPEATS)[number];
/** The most occurrences a repeating event has (a year of weekly meetings). */
export const MOST_TIMES = 52;

/** The stored rule for a repeat and a number of times (null: it happens once). */
export function ruleFor(repeat: Repeat, times: number): string | null {
  if (repeat === 'none' || times <= 1) return null;
  const rule = new RRule({
    freq: repeat === 'monthly' ? RRule.MONTHLY : RRule.WEEKLY,
    interval: repeat === 'fortnightly' ? 2 : 1,
    count: Math.min(times, MOST_TIMES),
  });
  return rule.toString();
}

/** What a stored rule means, for the form and the page. */
export function repeatOf(rule: string | null): { repeat: Repeat; times: number } {
  if (!rule) return { repeat: 'none', times: 1 };
  const o = RRule.parseString(rule.replace(/^RRULE:/, ''));
  const repeat: Repeat = o.freq === RRule.MONTHLY ? 'monthly' : o.interval === 2 ? 'fortnightly' : 'weekly';
  return { repeat, times: o.count ?? 1 };
}

/** Every occurrence's start, in order. */
export function occurrences(e: { startsAt: Date; zone: string; rrule: string | null }): Date[] {
  if (!e.rrule) return [e.startsAt];
  const { day, hm } = wallOf(e.zone, e.startsAt);
  // rrule counts on a clock without zones: the wall clock, written as if it were UTC, then read back in the zone.
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = hm.split(':').map(Number) as [number, number];
  const rule = new RRule({
    ...RRule.parseString(e.rrule.replace(/^RRULE:/, '')),
    dtstart: new Date(Date.UTC(y, m - 1, d, h, min)),
  });
  return rule
    .all((_, i) => i < MOST_TIMES)
    .map((w) => {
      const iso = w.toISOString();
      return wallClock(e.zone, iso.slice(0, 10), iso.slice(11, 16));
    });
}

/** Whether the occurrence starting `at` has ended by `now`. */
export const isOver = (e: { minutes: number }, at: Date, now: Date) =>
  at.getTime() + e.minutes * 60_000 <= now.getTime();

/** The occurrences not yet over at `now`, at most `most`. */
export const comingOccurrences = (
  e: { startsAt: Date; zone: string; rrule: string | null; minutes: number },
  now: Date,
  most = 12,
) =>
  occurrences(e)
    .filter((o) => !isOver(e, o, now))
    .slice(0, most);

/** Whether `at` is one of the event's occurrences. */
export const isOccurrence = (e: { startsAt: Date; zone: string; rrule: string | null }, at: Date) =>
  occurrences(e).some((o) => o.getTime() === at.getTime());
