// Care and mutuality's agreements: the check-in's rhythm, and the lines past which the network is warned.
import { defineAgreement, percent, whole } from '../web/agreement.ts';

declare module '../web/context.ts' {
  interface Network {
    checkinWeeks: number;
    loadTopShare: number;
    reciprocityFloor: number;
    giniCeiling: number;
  }
}

export const mutualityAgreements = [
  defineAgreement({
    key: 'checkin_weeks', // every this many weeks members are asked how they are holding up; 0 means never
    schema: whole(0, 26),
    start: 4,
    typed: 'number',
    show: (t, lang, weeks) =>
      weeks === 0
        ? t('agreement.checkin_weeks.never')
        : new Intl.NumberFormat(lang, { style: 'unit', unit: 'week', unitDisplay: 'long' }).format(weeks),
    network: (checkinWeeks) => ({ checkinWeeks }),
  }),
  defineAgreement({
    key: 'load_top_share', // the network is told when the busiest tenth carry more than this percent of the work
    schema: whole(20, 100),
    start: 50,
    typed: 'number',
    show: (_t, lang, share) => percent(lang, share),
    network: (loadTopShare) => ({ loadTopShare }),
  }),
  defineAgreement({
    key: 'reciprocity_floor', // the dashboard warns when fewer than this percent both gave and received help…
    schema: whole(0, 100),
    start: 25,
    typed: 'number',
    show: (_t, lang, share) => percent(lang, share),
    network: (reciprocityFloor) => ({ reciprocityFloor }),
  }),
  defineAgreement({
    key: 'gini_ceiling', // …or when the Gini coefficient of helping, deciding or coordinating rises past this (hundredths)
    schema: whole(0, 100),
    start: 60,
    typed: 'number',
    show: (_t, lang, n) => new Intl.NumberFormat(lang, { minimumFractionDigits: 2 }).format(n / 100),
    network: (giniCeiling) => ({ giniCeiling }),
  }),
];
