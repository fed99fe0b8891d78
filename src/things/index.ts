// Shared things (issue 20, the solidarity economy): a tool library of things the network owns or members lend — one
// loan at a time (the database's), a line where a thing that comes back is offered to the next for a claim window,
// renewals when nobody waits, due reminders, condition noted out and back, problems reported without blame, printable
// labels with QR codes. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import type { Translate } from '../web/i18n/index.ts';
import { defineAgreement, whole } from '../web/agreement.ts';
import { oneLine } from '../notifications/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { thingRoutes } from './routes.ts';
import { lapseThingOffers, remindDue } from './commands.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    thing_offered: true;
    thing_due: true;
    thing_overdue: true;
    thing_report: true;
  }
}

declare module '../web/context.ts' {
  interface Network {
    loansAtOnce: number;
  }
}

type About = { thingId: string; title: string };
const about = (table: 'thing_holds' | 'thing_loans') => ({
  tables: [table],
  load: async (db: Kysely<Database>, ids: string[]) =>
    new Map(
      (
        await db
          .selectFrom(table)
          .innerJoin('things', 'things.id', `${table}.thing_id`)
          .select([`${table}.id as id`, 'things.id as thingId', 'things.title'])
          .where(`${table}.id`, 'in', ids)
          .execute()
      ).map((r) => [r.id, { thingId: r.thingId, title: r.title }]),
    ),
});

export const things: Domain = {
  name: 'things',
  access,
  messages,
  tables: ['things', 'thing_loans', 'thing_holds', 'thing_reports', 'thing_photos'],
  routes: [thingRoutes],
  nav: [{ href: '/things', label: 'nav.things', place: 'more', order: 46 }],
  agreements: [
    defineAgreement({
      key: 'loans_at_once', // the most shared things one member has at once (the database holds it: KR035)
      schema: whole(1, 50),
      start: 3,
      typed: 'number',
      network: (loansAtOnce: number) => ({ loansAtOnce }),
    }),
  ],
  jobs: [
    { name: 'offer things that came back', run: (deps, now) => lapseThingOffers(deps.db, now) },
    { name: 'remind of things due', run: (deps, now) => remindDue(deps.db, now) },
  ],
  notifications: [
    ...(['thing_offered', 'thing_due', 'thing_overdue'] as const).map((kind) => ({
      kind,
      about: about(kind === 'thing_offered' ? 'thing_holds' : 'thing_loans'),
      text: (t: Translate, _at: unknown, n: Told<About>) =>
        t(
          kind === 'thing_offered'
            ? 'notification.thingOffered'
            : kind === 'thing_due'
              ? 'notification.thingDue'
              : 'notification.thingOverdue',
          { title: oneLine(n.about?.title ?? '') },
        ),
      link: (n: Told<About>) => (n.about ? `/things/${n.about.thingId}` : '/things'),
    })),
    {
      kind: 'thing_report',
      about: {
        tables: ['things'],
        load: async (db, ids) =>
          new Map(
            (await db.selectFrom('things').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.title,
            ]),
          ),
      },
      text: (t, _at, n: Told<string>) => t('notification.thingReport', { title: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/things/${n.subject}` : '/things'),
    },
  ],
};
