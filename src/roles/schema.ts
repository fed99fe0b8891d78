// What the role forms accept: proposing a holder, and proposing a role (or a change to one). Nothing asks why a
// member wants a role or steps down from one.
import { z } from 'zod';
import { uuid } from '../web/edges.ts';
import { decisionFields } from '../decisions/index.ts';
import { checkbox } from '../web/forms.ts';
import { TERM_DAYS } from './queries.ts';

const whole = (min: number, max: number, key: 'error.days' | 'error.seats' | 'error.termsInRow') =>
  z.coerce.number(key).int(key).min(min, key).max(max, key);

export const holderForm = (defaultDays: number) =>
  z.object({
    ...decisionFields,
    member: uuid.or(z.literal('')).refine((v) => v !== '', 'error.chooseMember'),
    days: z.preprocess((v) => v || String(defaultDays), whole(1, TERM_DAYS.max, 'error.days')),
    beyond_rotation: checkbox,
  });

export const definitionForm = z.object({
  ...decisionFields,
  title: z.string().trim().min(2, 'error.roleTitle').max(60, 'error.roleTitle'),
  duties: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'error.textTooLong')),
  term_days: whole(TERM_DAYS.min, TERM_DAYS.max, 'error.days'),
  seats: whole(1, 20, 'error.seats'),
  terms_in_row: whole(1, 20, 'error.termsInRow'),
  volunteering: checkbox,
  why: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(4000, 'error.textTooLong')),
});

export const handoverForm = z.object({
  note: z.string().trim().min(1, 'error.handoverEmpty').max(8000, 'error.textTooLong'),
});
