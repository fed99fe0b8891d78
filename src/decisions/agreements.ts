// Decisions' agreements: how many proposals and comments one member makes in a day, and how long a member not seen
// still counts among those who could vote (active_days: members who never came back do not hold a quorum out of reach).
import { dailyLimit, defineAgreement, duration, whole } from '../web/agreement.ts';
import { ACTIVE_DAYS_START } from './queries.ts';

declare module '../web/context.ts' {
  interface Network {
    /** Members not seen for this many days do not count among those who could vote (until they return or vote). */
    activeDays: number;
  }
}

export const decisionAgreements = [
  dailyLimit('daily_proposals', 5),
  dailyLimit('daily_comments', 50),
  defineAgreement({
    key: 'active_days',
    schema: whole(14, 730),
    start: ACTIVE_DAYS_START,
    typed: 'number',
    show: (_t, lang, days) => duration(lang, 'day', days),
    network: (activeDays) => ({ activeDays }),
  }),
];
