// The time bank (issue 20, the solidarity economy): an hour is an hour, whoever gives it. A member records hours with
// another; the other confirms or declines in one tap (or the record confirms itself after the agreed hours); the
// hours move on the fund's ledger (fund/hours.ts), where the agreed limits hold inside the write; a commons account
// gives hours to someone who cannot give back. No leaderboards, no one's balance shown to others: totals only.
// ADR 034. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import { defineAgreement, whole } from '../web/agreement.ts';
import { oneLine } from '../notifications/index.ts';
import { networkAgreements } from '../agreements/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { timeRoutes } from './routes.ts';
import { confirmWaiting } from './commands.ts';
import { waitingFor } from './queries.ts';
import { hoursTotals } from '../fund/index.ts';
import { hoursText, MatchPart } from './views.tsx';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    time_to_confirm: true;
    time_declined: true;
  }
}

declare module '../web/context.ts' {
  interface Network {
    timeLowest: number;
    timeHighest: number;
    timeCommonsLowest: number;
    timeCommonsMonth: number;
    timeConfirmHours: number;
  }
}

type About = { name: string; minutes: number };
/** For the member told: the other member's name (the one who recorded it, or who declined it). */
const about = (who: 'recorded_by' | 'other') => ({
  tables: ['time_records'],
  load: async (db: Kysely<Database>, ids: string[]) =>
    new Map(
      (
        await db
          .selectFrom('time_records as r')
          .innerJoin('members as m', (j) =>
            who === 'recorded_by'
              ? j.onRef('m.id', '=', 'r.recorded_by')
              : j.on((eb) =>
                  eb(
                    'm.id',
                    '=',
                    eb
                      .case()
                      .when('r.recorded_by', '=', eb.ref('r.giver_id'))
                      .then(eb.ref('r.receiver_id'))
                      .else(eb.ref('r.giver_id'))
                      .end(),
                  ),
                ),
          )
          .select(['r.id', 'm.display_name as name', 'r.minutes'])
          .where('r.id', 'in', ids)
          .execute()
      ).map((r) => [r.id, { name: r.name, minutes: r.minutes }]),
    ),
});

type Field = 'timeLowest' | 'timeHighest' | 'timeCommonsLowest' | 'timeCommonsMonth' | 'timeConfirmHours';
const number = (key: string, min: number, max: number, start: number, field: Field) =>
  defineAgreement({
    key,
    schema: whole(min, max),
    start,
    typed: 'number',
    network: (n: number) => ({ [field]: n }),
  });

export const timebank: Domain = {
  name: 'timebank',
  access,
  messages,
  tables: ['time_records'],
  routes: [timeRoutes],
  nav: [{ href: '/time', label: 'nav.time', place: 'more', order: 48 }],
  agreements: [
    number('time_lowest', 0, 500, 20, 'timeLowest'),
    number('time_highest', 0, 500, 40, 'timeHighest'),
    number('time_commons_lowest', 0, 10000, 200, 'timeCommonsLowest'),
    number('time_commons_month', 0, 500, 10, 'timeCommonsMonth'),
    number('time_confirm_hours', 0, 720, 0, 'timeConfirmHours'),
  ],
  jobs: [
    {
      name: 'confirm hours as agreed',
      run: async (deps, now) =>
        confirmWaiting(deps.db, (await networkAgreements(deps.db, deps.registry)).timeConfirmHours, now),
    },
  ],
  waitsForYou: async (db, who) =>
    (await waitingFor(db, who.memberId)).map((r) => ({
      href: '/time',
      what: who.t('waiting.timeConfirm', { name: r.otherName, hours: hoursText(who.t, r.minutes) }),
      ifNobody: who.t('waiting.timeIfNobody'),
      since: r.recordedAt,
    })),
  parts: { match: MatchPart },
  shared: async (db, { t }) => {
    const totals = await hoursTotals(db);
    return {
      title: t('time.title'),
      lines: [
        t('time.moved', { hours: hoursText(t, totals.moved), n: totals.entries }),
        t('time.commonsGave', { hours: hoursText(t, Math.max(0, -totals.commons)) }),
      ],
    };
  },
  notifications: [
    {
      kind: 'time_to_confirm',
      about: about('recorded_by'),
      text: (t, _at, n: Told<About>) =>
        t('notification.timeToConfirm', {
          name: oneLine(n.about?.name ?? ''),
          hours: hoursText(t, n.about?.minutes ?? 0),
        }),
      link: () => '/time',
    },
    {
      kind: 'time_declined',
      about: about('other'),
      text: (t, _at, n: Told<About>) => t('notification.timeDeclined', { name: oneLine(n.about?.name ?? '') }),
      link: () => '/time',
    },
  ],
};
