// Wellness calls (issue 21, reaching everyone): in a heat wave, a storm or a crisis, members call the members and
// neighbours who asked to be called — consent recorded, numbers sealed, one call per person a round and one caller per
// call (the database's), a script in each language, and what came of it: fine, no answer (again later), a need posted
// as the person's own, or a visit asked for; the caller is told when the need is met. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import { oneLine } from '../notifications/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { callRoutes } from './routes.ts';
import { closeRounds, tellMet } from './commands.ts';
import { roundsOfNeeds } from './queries.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    call_round: true;
    call_need_met: true;
  }
}

export const calls: Domain = {
  name: 'calls',
  access,
  messages,
  tables: ['call_people', 'call_rounds', 'calls'],
  routes: [callRoutes],
  nav: [{ href: '/calls', label: 'nav.calls', place: 'more', order: 15 }],
  jobs: [
    { name: 'close rounds of calls', run: (deps, now) => closeRounds(deps.db, now) },
    { name: 'tell callers of needs met', run: (deps) => tellMet(deps.db) },
  ],
  postNotes: async (db, postIds, t) =>
    new Map([...(await roundsOfNeeds(db, postIds))].map(([post, title]) => [post, t('call.fromCall', { title })])),
  notifications: [
    {
      kind: 'call_round',
      about: {
        tables: ['call_rounds'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (await db.selectFrom('call_rounds').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.title,
            ]),
          ),
      },
      text: (t, _at, n: Told<string>) => t('notification.callRound', { title: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/calls/rounds/${n.subject}` : '/calls'),
    },
    {
      kind: 'call_need_met',
      about: {
        tables: ['calls'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (await db.selectFrom('calls').select(['id', 'need_id']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.need_id,
            ]),
          ),
      },
      text: (t) => t('notification.callNeedMet'),
      link: (n: Told<string | null>) => (n.about ? `/posts/${n.about}` : '/calls'),
    },
  ],
};
