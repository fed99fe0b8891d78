// What the event form accepts: the time is the members' wall clock in the network's zone (web/zone.ts), the area one of
// the network's, the exact place optional (sealed; shown to those with a place); a repeat and how many times.
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { checkbox, dayField } from '../web/forms.ts';
import { dayIn, wallClock } from '../web/zone.ts';
import { MOST_TIMES, REPEATS, ruleFor } from './occurrences.ts';

export const EVENT_KINDS = ['teach_in', 'reading_group', 'assembly', 'skill_share', 'other'] as const;

const whole = (
  min: number,
  max: number,
  key: 'error.eventMinutes' | 'error.eventTimes' | 'error.eventCapacity' | 'error.claimHours',
) => z.coerce.number(key).int(key).min(min, key).max(max, key);
const blankIs = (value: string) => (v: unknown) => (v === undefined || v === '' ? value : v);
const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, 'error.textTooLong'));

export const eventForm = (n: Pick<Network, 'areas' | 'timeZone' | 'languages'>, now: Date) =>
  z
    .object({
      kind: z.enum(EVENT_KINDS, 'error.chooseOne'),
      title: z.string('error.eventTitle').trim().min(3, 'error.eventTitle').max(140, 'error.eventTitle'),
      about: trimmed(4000),
      language: z.string('error.chooseLanguage').refine((l) => n.languages.includes(l), 'error.chooseLanguage'),
      area: z.string('error.chooseArea').refine((v) => n.areas.includes(v), 'error.chooseArea'),
      place: trimmed(300),
      date: dayField(dayIn(n.timeZone, now)),
      start: z.string('error.time').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error.time'),
      minutes: z.preprocess(blankIs('120'), whole(15, 720, 'error.eventMinutes')),
      repeat: z.enum(REPEATS, 'error.chooseOne').default('none'),
      times: z.preprocess(blankIs('1'), whole(1, MOST_TIMES, 'error.eventTimes')),
      capacity: z.preprocess(blankIs('0'), whole(0, 1000, 'error.eventCapacity')),
      claim_hours: z.preprocess(blankIs('24'), whole(1, 168, 'error.claimHours')),
      open_to_all: checkbox,
      readings: z.preprocess(
        (v) => (typeof v === 'string' ? v.split('\n').filter(Boolean) : []),
        z.array(z.string().regex(/^[0-9a-f-]{36}$/i)).max(30),
      ),
    })
    .transform((f, ctx) => {
      const startsAt = wallClock(n.timeZone, f.date, f.start);
      if (startsAt <= now) {
        ctx.addIssue({ code: 'custom', path: ['start'], message: 'error.eventPast' });
        return z.NEVER;
      }
      return {
        kind: f.kind,
        title: f.title,
        about: f.about,
        language: f.language,
        area: f.area,
        place: f.place,
        startsAt,
        minutes: f.minutes,
        zone: n.timeZone,
        rrule: ruleFor(f.repeat, f.times),
        capacity: f.capacity || null,
        claimHours: f.claim_hours,
        openToAll: f.open_to_all,
        readings: f.readings,
      };
    });

export const rsvpForm = z.object({
  occurrence: z.string('error.chooseOccurrence').refine((s) => !Number.isNaN(Date.parse(s)), 'error.chooseOccurrence'),
  answer: z.enum(['yes', 'maybe', 'no'], 'error.chooseOne'),
});
