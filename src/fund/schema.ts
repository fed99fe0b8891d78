// What the fund's forms and JSON API accept. Amounts are typed the way people write them and read into minor
// units of the network's currency; nothing here asks why.
import { z } from 'zod';
import { uuid } from '../web/edges.ts';
import { ACTION_PROPOSAL_DEFAULTS, decisionFields } from '../decisions/index.ts';
import { checkbox } from '../web/forms.ts';
import { MAX_AMOUNT_TEXT, parseMoney } from '../web/money.ts';
import type { FundRules } from './rules.ts';

const optionalText = (max: number) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(max, 'error.textTooLong'))
    .transform((s) => s || null);

/** An amount typed as text ("150", "1.500,25") or sent as a whole number of minor units by the API. */
const amount = (currency: string, opts: { zeroOk?: boolean } = {}) =>
  z.union([z.string(), z.number()], 'error.amount').transform((v, ctx) => {
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && (v > 0 || (opts.zeroOk && v === 0))) return v;
    } else if (v.length > MAX_AMOUNT_TEXT) {
      // Longer than any amount: refused before any reading.
    } else if (opts.zeroOk && /^0*([.,]0*)?$/.test(v.trim())) {
      return 0;
    } else {
      const units = parseMoney(v, currency);
      if (units !== null) return units;
    }
    ctx.addIssue({ code: 'custom', message: 'error.amount' });
    return z.NEVER;
  });

// No fund chosen (the field left out, or empty) says so, rather than that the form "does not look right".
const fund = z.preprocess(
  (v) => v ?? '',
  uuid.or(z.literal('')).refine((v) => v !== '', 'error.chooseFund'),
);

export const askSchema = (currency: string) =>
  z.object({ fund, amount: amount(currency), note: optionalText(200), named: checkbox });

export const giveSchema = (currency: string) => z.object({ fund, amount: amount(currency), named: checkbox });

export const pledgeSchema = (currency: string) => z.object({ fund, amount: amount(currency) });

export const moveSchema = (currency: string) =>
  z
    .object({
      kind: z.enum(['gift', 'transfer'], 'error.chooseOne'),
      fund,
      to_fund: z.preprocess((v) => v || undefined, uuid.optional()),
      amount: amount(currency),
      memo: optionalText(120),
    })
    .refine((m) => m.kind !== 'transfer' || (m.to_fund && m.to_fund !== m.fund), {
      path: ['to_fund'],
      message: 'error.sameFund',
    });

export const memoSchema = z.object({ memo: optionalText(120) });

export const returnSchema = (currency: string) => z.object({ amount: amount(currency), memo: optionalText(120) });

/** The API's record body: one of the kinds a member or treasurer can record. */
export const apiRecordSchema = (currency: string) =>
  z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('contribution'),
        fund,
        amount: amount(currency),
        named: checkbox.optional().default(false),
      }),
      z.object({ kind: z.literal('gift'), fund, amount: amount(currency), memo: optionalText(120) }),
      z.object({ kind: z.literal('transfer'), fund, to_fund: uuid, amount: amount(currency), memo: optionalText(120) }),
      z.object({ kind: z.literal('payout'), request: uuid }),
      z.object({ kind: z.literal('reversal'), entry: z.coerce.number().int().positive(), memo: optionalText(120) }),
    ],
    'error.chooseOne',
  );

/** The rules part of a fund proposal (a new fund, or new rules for one). Empty amounts are zero. */
export const fundRulesForm = (currency: string) =>
  z.object({
    ...decisionFields,
    limit: z.preprocess((v) => v || '0', amount(currency, { zeroOk: true })),
    days: z.preprocess(
      (v) => v || '30',
      z.coerce.number('error.days').int('error.days').min(1, 'error.days').max(366, 'error.days'),
    ),
    keep: z.preprocess((v) => v || '0', amount(currency, { zeroOk: true })),
    second_above: z.preprocess((v) => v || '0', amount(currency, { zeroOk: true })),
    floor: z.preprocess((v) => v || '0', amount(currency, { zeroOk: true })),
    revolving: checkbox,
  });

export const newFundForm = (currency: string) =>
  fundRulesForm(currency).extend({
    name: z.string('error.required').trim().min(1, 'error.fundName').max(60, 'error.fundName'),
  });

export const rulesOf = (f: {
  limit: number;
  days: number;
  keep: number;
  second_above: number;
  floor: number;
  revolving: boolean;
}): FundRules => ({
  floor: f.floor,
  limit: f.limit,
  days: f.days,
  keep: f.keep,
  second_above: f.second_above,
  revolving: f.revolving,
});

export const FUND_PROPOSAL_DEFAULTS = { ...ACTION_PROPOSAL_DEFAULTS, days: '30' };
