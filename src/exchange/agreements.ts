// The exchange's agreements: how long the details of a finished need or offer are kept, and how many needs and offers
// one member posts, and claims, in a day.
import { dailyLimit, defineAgreement, duration, whole } from '../web/agreement.ts';

declare module '../web/context.ts' {
  interface Network {
    metDetailsDays: number;
  }
}

export const exchangeAgreements = [
  defineAgreement({
    key: 'met_details_days',
    schema: whole(1, 3650),
    start: 90,
    typed: 'number',
    show: (_t, lang, days) => duration(lang, 'day', days),
    network: (metDetailsDays) => ({ metDetailsDays }),
  }),
  dailyLimit('daily_posts', 20),
  dailyLimit('daily_claims', 15),
];
