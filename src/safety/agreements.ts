// Safety's agreements: how many flags send a post to review, how long a removal proposal runs, what asking again
// after a failed removal takes, and how many flags and pause asks one member makes in a day.
import { dailyLimit, defineAgreement, duration, whole } from '../web/agreement.ts';

declare module '../web/context.ts' {
  interface Network {
    flagThreshold: number;
    removalHours: number;
    /** Asking again for a removal within this many days of one that did not pass takes removalRepeatMembers members. */
    removalRepeatDays: number;
    removalRepeatMembers: number;
  }
}

export const safetyAgreements = [
  defineAgreement({
    key: 'flag_threshold',
    schema: whole(1, 50),
    start: 3,
    typed: 'number',
    network: (flagThreshold) => ({ flagThreshold }),
  }),
  defineAgreement({
    key: 'removal_hours',
    schema: whole(1, 336),
    start: 24,
    typed: 'number',
    show: (_t, lang, hours) => duration(lang, 'hour', hours),
    network: (removalHours) => ({ removalHours }),
  }),
  defineAgreement({
    key: 'removal_repeat_days',
    schema: whole(0, 365),
    start: 30,
    typed: 'number',
    show: (_t, lang, days) => duration(lang, 'day', days),
    network: (removalRepeatDays) => ({ removalRepeatDays }),
  }),
  defineAgreement({
    key: 'removal_repeat_members',
    schema: whole(2, 50),
    start: 3,
    typed: 'number',
    network: (removalRepeatMembers) => ({ removalRepeatMembers }),
  }),
  dailyLimit('daily_flags', 20),
];
