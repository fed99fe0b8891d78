// What the rota forms accept. Times are typed as the members' wall clock (the network's time zone, as every time the
// app shows: web/zone.ts); a slot ending at or before its start ends the next day (a night shift).
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { dayField } from '../web/forms.ts';
import { dayIn, wallClock } from '../web/zone.ts';

const whole = (min: number, max: number, key: 'error.noticeHours' | 'error.needed' | 'error.repeatWeeks') =>
  z.coerce.number(key).int(key).min(min, key).max(max, key);
const time = z.string('error.time').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error.time');

export const rotaForm = (a: Pick<Network, 'categories'>) =>
  z.object({
    title: z.string().trim().min(2, 'error.rotaTitle').max(120, 'error.rotaTitle'),
    category: z.string('error.chooseCategory').refine((v) => a.categories.includes(v), 'error.chooseCategory'),
    about: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'error.textTooLong')),
    notice_hours: z.preprocess((v) => v || '48', whole(1, 336, 'error.noticeHours')),
  });

export const slotForm = (a: Pick<Network, 'areas' | 'timeZone'>, now: Date) =>
  z
    .object({
      date: dayField(dayIn(a.timeZone, now)),
      start: time,
      end: time,
      area: z.string('error.chooseArea').refine((v) => a.areas.includes(v), 'error.chooseArea'),
      needed: z.preprocess((v) => v || '1', whole(1, 50, 'error.needed')),
      repeat_weeks: z.preprocess((v) => v || '0', whole(0, 26, 'error.repeatWeeks')),
    })
    .transform((f, ctx) => {
      const at = (hm: string, plusDays = 0) => wallClock(a.timeZone, f.date, hm, plusDays);
      const startsAt = at(f.start);
      const endsAt = f.end > f.start ? at(f.end) : at(f.end, 1);
      if (startsAt <= now) {
        ctx.addIssue({ code: 'custom', path: ['start'], message: 'error.slotPast' });
        return z.NEVER;
      }
      return { startsAt, endsAt, area: f.area, needed: f.needed, repeatWeeks: f.repeat_weeks };
    });
