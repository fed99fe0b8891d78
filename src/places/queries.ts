// Reading the places members tend: each with its newest status (food, clean, working — each from the newest report
// that said it), when the last report came, its open restock ask; its counts by item; who tends it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { FoodLevel } from './commands.ts';

type Q = Kysely<Database>;

export type PlaceView = {
  id: string;
  name: string;
  kind: Database['places']['kind'];
  area: string;
  about: string;
  help: string;
  counted: boolean;
  addedBy: string;
  retiredAt: Date | null;
  food: FoodLevel | null;
  clean: boolean | null;
  working: boolean | null;
  lastReportAt: Date | null;
  /** The open restock ask, if any. */
  askId: string | null;
  askedAt: Date | null;
  askWhat: string | null;
  tenders: number;
};

const newest = (column: 'food' | 'clean' | 'working') =>
  sql`(select r.${sql.ref(column)} from place_reports r where r.place_id = places.id and r.${sql.ref(column)} is not null
    order by r.made_at desc, r.id limit 1)`;

const base = (db: Q) =>
  db
    .selectFrom('places')
    .leftJoin('place_asks', (j) => j.onRef('place_asks.place_id', '=', 'places.id').on('place_asks.met_at', 'is', null))
    .select((eb) => [
      'places.id',
      'places.name',
      'places.kind',
      'places.area',
      'places.about',
      'places.help',
      'places.counted',
      'places.added_by as addedBy',
      'places.retired_at as retiredAt',
      newest('food').$castTo<FoodLevel | null>().as('food'),
      newest('clean').$castTo<boolean | null>().as('clean'),
      newest('working').$castTo<boolean | null>().as('working'),
      eb
        .selectFrom('place_reports')
        .select((r) => r.fn.max('place_reports.made_at').as('m'))
        .whereRef('place_reports.place_id', '=', 'places.id')
        .as('lastReportAt'),
      'place_asks.id as askId',
      'place_asks.asked_at as askedAt',
      'place_asks.what as askWhat',
      eb
        .selectFrom('place_tenders')
        .select((r) => r.fn.countAll<string>().as('n'))
        .whereRef('place_tenders.place_id', '=', 'places.id')
        .as('tenders'),
    ]);

const asView = (r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): PlaceView => ({
  ...r,
  lastReportAt: r.lastReportAt ? new Date(r.lastReportAt) : null,
  tenders: Number(r.tenders ?? 0),
});

export async function places(db: Q): Promise<PlaceView[]> {
  const rows = await base(db)
    .where('places.retired_at', 'is', null)
    .orderBy('places.area')
    .orderBy('places.name')
    .limit(300)
    .execute();
  return rows.map(asView);
}

export async function place(db: Q, id: string): Promise<PlaceView | undefined> {
  const r = await base(db).where('places.id', '=', id).executeTakeFirst();
  return r && asView(r);
}

export const tends = async (db: Q, placeId: string, memberId: string) =>
  !!(await db
    .selectFrom('place_tenders')
    .select('member_id')
    .where('place_id', '=', placeId)
    .where('member_id', '=', memberId)
    .executeTakeFirst());

export type StockLine = { item: string; count: number };

/** What a counted place holds, by item (the spelling first written), largest first; items at zero last. */
export async function stockOf(db: Q, placeId: string): Promise<StockLine[]> {
  const rows = await db
    .selectFrom('place_stock')
    .select([sql<string>`(array_agg(item order by seq))[1]`.as('item'), sql<string>`sum(change)`.as('count')])
    .where('place_id', '=', placeId)
    .groupBy(sql`lower(item)`)
    .execute();
  return rows
    .map((r) => ({ item: r.item, count: Number(r.count) }))
    .sort((a, b) => (b.count > 0 ? 1 : 0) - (a.count > 0 ? 1 : 0) || a.item.localeCompare(b.item));
}

/** The newest lines of the ledger (what came in and went out, when; never who). */
export const ledgerOf = (db: Q, placeId: string, limit = 30) =>
  db
    .selectFrom('place_stock')
    .select(['item', 'change', 'at'])
    .where('place_id', '=', placeId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();

/** For How we share: how many places are tended, and how many reports came in the last 30 days (totals only). */
export async function placeTotals(db: Q, now: Date) {
  const r = await db
    .selectFrom('places')
    .select((eb) => [
      eb.fn.countAll<string>().as('places'),
      eb
        .selectFrom('place_reports')
        .select((x) => x.fn.countAll<string>().as('n'))
        .where('made_at', '>', new Date(now.getTime() - 30 * 86_400_000))
        .as('reports'),
    ])
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { places: Number(r.places), reports: Number(r.reports ?? 0) };
}
