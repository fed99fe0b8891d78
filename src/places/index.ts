// Places members tend (issue 20, the solidarity economy): community fridges, pantries and free stores. Anyone says
// what they see in one form (three taps from the list, no script); an empty place asks for a restock once, told to
// those who restock it and those offering that help; a pantry may keep counts that never go below zero (the
// database's, KR037). Who reported is forgotten after a day. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import { oneLine } from '../notifications/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { placeRoutes } from './routes.ts';
import { forgetReports } from './commands.ts';
import { placeTotals } from './queries.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    place_restock: true;
  }
}

type About = { placeId: string; name: string };

export const places: Domain = {
  name: 'places',
  access,
  messages,
  tables: ['places', 'place_reports', 'place_tenders', 'place_asks', 'place_stock'],
  routes: [placeRoutes],
  nav: [{ href: '/places', label: 'nav.places', place: 'more', order: 47 }],
  shared: async (db, { t, now }) => {
    const r = await placeTotals(db, now);
    return r.places
      ? { title: t('place.title'), lines: [t('place.sharedLine', { n: r.places, reports: r.reports })] }
      : null;
  },
  jobs: [{ name: 'forget who reported on places', run: (deps, now) => forgetReports(deps.db, now) }],
  notifications: [
    {
      kind: 'place_restock',
      about: {
        tables: ['place_asks'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (
              await db
                .selectFrom('place_asks')
                .innerJoin('places', 'places.id', 'place_asks.place_id')
                .select(['place_asks.id', 'places.id as placeId', 'places.name'])
                .where('place_asks.id', 'in', ids)
                .execute()
            ).map((r) => [r.id, { placeId: r.placeId, name: r.name }]),
          ),
      },
      text: (t, _at, n: Told<About>) => t('notification.placeRestock', { name: oneLine(n.about?.name ?? '') }),
      link: (n: Told<About>) => (n.about ? `/places/${n.about.placeId}` : '/places'),
    },
  ],
};
