// The fund's agreement: the currency its ledger counts in. Founders choose it; once money moved it stays.
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { defineAgreement } from '../web/agreement.ts';
import { isCurrency } from '../web/money.ts';
import { currencyIsFixed } from './queries.ts';

declare module '../web/context.ts' {
  interface Network {
    /** The fund's currency (ISO 4217). */
    currency: string;
  }
}

const START = 'USD';

export const fundAgreements = [
  defineAgreement({
    key: 'currency',
    schema: z.string().trim().toUpperCase().refine(isCurrency, 'error.currency'),
    start: START,
    founders: true,
    show: (_t, lang, code) => `${new Intl.DisplayNames(lang, { type: 'currency' }).of(code) ?? code} (${code})`,
    network: (currency) => ({ currency }),
    // Money moved: the currency stays as it is (amounts on the ledger are in it).
    fixed: { when: currencyIsFixed, why: 'error.currencyFixed' },
  }),
];

/** The fund's currency for this request: the network's agreement (loaded by the middleware), or the start. */
export const currencyOf = (c: Context<AppEnv>): string => c.get('network')?.currency ?? START;
