// A fund's standing rules — what is paid at once without a vote, the same for every member — and the pure checks
// that apply them. Changing them is a decision (see actions.ts); the database keeps every version.
import { z } from 'zod';
import { MAX_AMOUNT } from '../web/money.ts';

export type FundRules = {
  /** The fund never goes below this (enforced by the database). */
  floor: number;
  /** Paid at once, per member, within `days`; 0 means every request goes to a decision. */
  limit: number;
  days: number;
  /** Paid at once only while at least this much stays in the fund after the payout. */
  keep: number;
  /** A payout above this needs a second member to confirm it. */
  second_above: number;
  /** Payouts are expected back (bail, loans between members). */
  revolving: boolean;
};

export const DEFAULT_RULES: FundRules = { floor: 0, limit: 0, days: 30, keep: 0, second_above: 0, revolving: false };

const units = z.number().int().min(0).max(MAX_AMOUNT);
export const fundRulesSchema = z
  .object({
    floor: units,
    limit: units,
    days: z.number().int().min(1).max(366),
    keep: units,
    second_above: units,
    revolving: z.boolean(),
  })
  .strict();

/** Rules as stored (jsonb), with the defaults for anything missing. */
export function readRules(value: unknown): FundRules {
  const parsed = fundRulesSchema.partial().safeParse(value);
  return { ...DEFAULT_RULES, ...(parsed.success ? parsed.data : {}) };
}

export type StandingCheck = {
  amount: number;
  /** What this member was paid at once from this fund within the rules' window, including approved and unpaid. */
  usedInWindow: number;
  balance: number;
  /** Approved requests not yet paid out: already promised. */
  promised: number;
};

/** Why the standing agreement did not pay at once: it pays nothing at once, this is over it, or the fund is short. */
export const STANDING_WHY = ['no_standing_limit', 'over_limit', 'keeps_reserve'] as const;
export type StandingWhy = (typeof STANDING_WHY)[number];
export type StandingAnswer = { approve: true } | { approve: false; why: StandingWhy };

/** Does the standing agreement approve this request at once? Otherwise it goes to the members as a proposal. */
export function standingAnswer(rules: FundRules, c: StandingCheck): StandingAnswer {
  if (rules.limit === 0) return { approve: false, why: 'no_standing_limit' };
  if (c.usedInWindow + c.amount > rules.limit) return { approve: false, why: 'over_limit' };
  if (c.balance - c.promised - c.amount < Math.max(rules.keep, rules.floor))
    return { approve: false, why: 'keeps_reserve' };
  return { approve: true };
}

/** A payout above the agreed amount is entered only when a second member confirms it. */
export const needsSecond = (rules: FundRules, amount: number) => amount > rules.second_above;
