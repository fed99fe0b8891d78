// What the time bank's form accepts: hours as "1.5", "1,5", "1:30" or "90 min"; quarter hours at least, a day at most.
import { z } from 'zod';
import { checkbox } from '../web/forms.ts';

/** Minutes from what a member typed, or null when it is not a duration. */
export function minutesOf(typed: string): number | null {
  const s = typed.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2}):([0-5]\d)$/.exec(s))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = /^(\d{1,4})\s*(min|mins|minutes|minutos|m)$/.exec(s))) return Number(m[1]);
  if ((m = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*(h|hours|hour|horas|hora)?$/.exec(s)))
    return Math.round((Number(m[1]) + (m[2] ? Number(`0.${m[2]}`) : 0)) * 60);
  return null;
}

export const hoursForm = z.object({
  other: z.string('error.hoursMember').uuid('error.hoursMember'),
  way: z.enum(['gave', 'received'], 'error.chooseOne'),
  hours: z.string('error.hoursAmount').transform((v, ctx) => {
    const m = minutesOf(v);
    if (m === null || m < 15 || m > 1440) {
      ctx.addIssue({ code: 'custom', message: 'error.hoursAmount' });
      return z.NEVER;
    }
    return m;
  }),
  what: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(300, 'error.textTooLong')),
  commons: checkbox,
  match: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().uuid().nullable().catch(null)),
});
