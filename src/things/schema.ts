// What the shared things' forms accept.
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { checkbox } from '../web/forms.ts';
import { CONDITIONS, REPORT_KINDS, type Condition } from './commands.ts';

const whole = (min: number, max: number, key: 'error.loanDays' | 'error.claimHours') =>
  z.coerce.number(key).int(key).min(min, key).max(max, key);
const blankIs = (value: string) => (v: unknown) => (v === undefined || v === '' ? value : v);
const condition = z.enum(CONDITIONS as [Condition, ...Condition[]], 'error.chooseOne');

export const thingForm = (n: Pick<Network, 'areas'>) =>
  z.object({
    title: z.string('error.thingTitle').trim().min(2, 'error.thingTitle').max(120, 'error.thingTitle'),
    about: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'error.textTooLong')),
    mine: checkbox,
    area: z.string('error.chooseArea').refine((v) => n.areas.includes(v), 'error.chooseArea'),
    pickup: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(300, 'error.textTooLong')),
    condition,
    loan_days: z.preprocess(blankIs('7'), whole(1, 90, 'error.loanDays')),
    claim_hours: z.preprocess(blankIs('48'), whole(1, 168, 'error.claimHours')),
  });

export const conditionForm = z.object({ condition });

export const reportForm = z.object({
  kind: z.enum(REPORT_KINDS, 'error.chooseOne'),
  note: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(1000, 'error.textTooLong')),
});
