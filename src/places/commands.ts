// Changing the places members tend: adding a fridge, pantry or free store; a status report (food, clean, working) in
// one form; a restock ask — one open at a time, told to the members who restock the place and to those offering
// that kind of help; marking it restocked; tending a place; counts in and out where a place keeps them (the
// database refuses a count below zero, KR037); and forgetting who reported after a day.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { errors } from '../web/errors.ts';
import type { PlaceView } from './queries.ts';

type Q = Kysely<Database>;
const DAY = 24 * 3_600_000;
export type PlaceKind = Database['places']['kind'];
export const PLACE_KINDS: readonly PlaceKind[] = ['fridge', 'pantry', 'free_store'];
export const FOOD_LEVELS = ['full', 'some', 'empty'] as const;
export type FoodLevel = (typeof FOOD_LEVELS)[number];
/** The most members one restock ask is told to (those who tend the place first). */
export const MOST_TOLD = 40;
/** Reports are kept this long (the status is what the newest say); who made one, only a day. */
export const REPORTS_KEPT_DAYS = 90;

export type NewPlace = { name: string; kind: PlaceKind; area: string; about: string; help: string; counted: boolean };

export async function addPlace(db: Q, memberId: string, p: NewPlace, now: Date): Promise<string> {
  const { id } = await db
    .insertInto('places')
    .values({ ...p, added_by: memberId, added_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('place_tenders').values({ place_id: id, member_id: memberId, since: now }).execute();
  return id;
}

export type Report = { food: FoodLevel | null; clean: boolean | null; working: boolean | null };
export type Ask = { restock: boolean; what: string };

/**
 * A member's report: what they saw, and a restock ask when they ask for one or the food is gone. Full food meets
 * the open ask. Returns whether a new ask was opened (an ask already open is not opened twice, nor told again).
 */
export async function report(db: Q, place: PlaceView, memberId: string | null, r: Report, ask: Ask, now: Date) {
  if (place.retiredAt) throw errors.conflict('place_retired', 'error.placeRetired');
  return db.transaction().execute(async (tx) => {
    if (r.food !== null || r.clean !== null || r.working !== null)
      await tx
        .insertInto('place_reports')
        .values({ place_id: place.id, member_id: memberId, by_passerby: memberId === null, made_at: now, ...r })
        .execute();
    if (r.food === 'full') await meet(tx, place.id, memberId, now);
    if (ask.restock || r.food === 'empty') return openAsk(tx, place, memberId, ask.what, now);
    return false;
  });
}

async function openAsk(tx: Q, place: PlaceView, memberId: string | null, what: string, now: Date): Promise<boolean> {
  const made = await tx
    .insertInto('place_asks')
    .values({ place_id: place.id, asked_by: memberId, asked_at: now, what })
    .onConflict((oc) => oc.column('place_id').where('met_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!made) {
    // One is open already: what is needed is added to it, nobody is told twice.
    if (what)
      await tx
        .updateTable('place_asks')
        .set({ what: sql<string>`left(case when what = '' then ${what} else what || '; ' || ${what} end, 300)` })
        .where('place_id', '=', place.id)
        .where('met_at', 'is', null)
        .execute();
    return false;
  }
  const to = await whoRestocks(tx, place, memberId);
  await notify(
    tx,
    to.map((member_id) => ({ member_id, kind: 'place_restock' as const, subject: made.id })),
  );
  return true;
}

/** Who hears a restock ask: the members who tend the place, then those with an open offer of that kind of help. */
export async function whoRestocks(
  db: Q,
  place: Pick<PlaceView, 'id' | 'help'>,
  except: string | null,
): Promise<string[]> {
  const tenders = await db
    .selectFrom('place_tenders')
    .innerJoin('members', 'members.id', 'place_tenders.member_id')
    .select('place_tenders.member_id')
    .where('place_tenders.place_id', '=', place.id)
    .where('members.removed_at', 'is', null)
    .where('members.on_break_since', 'is', null)
    .orderBy('place_tenders.since')
    .execute();
  const offering = await db
    .selectFrom('posts')
    .innerJoin('members', 'members.id', 'posts.member_id')
    .select('posts.member_id')
    .distinct()
    .where('posts.kind', '=', 'offer')
    .where('posts.status', '=', 'open')
    .where('posts.category', '=', place.help)
    .where('members.removed_at', 'is', null)
    .where('members.on_break_since', 'is', null)
    .execute();
  const all = [...new Set([...tenders, ...offering].map((r) => r.member_id))].filter((m) => m !== except);
  return all.slice(0, MOST_TOLD);
}

async function meet(tx: Q, placeId: string, memberId: string | null, now: Date) {
  return tx
    .updateTable('place_asks')
    .set({ met_at: now, met_by: memberId })
    .where('place_id', '=', placeId)
    .where('met_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** "I restocked it": the open ask is met (and the food reported as some, at least). */
export async function restocked(db: Q, place: PlaceView, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const met = await meet(tx, place.id, memberId, now);
    if (!met) throw errors.conflict('no_ask', 'error.noRestockAsk');
    await tx
      .insertInto('place_reports')
      .values({ place_id: place.id, member_id: memberId, made_at: now, food: 'some' })
      .execute();
  });
}

export async function tend(db: Q, placeId: string, memberId: string, on: boolean, now: Date) {
  if (on)
    await db
      .insertInto('place_tenders')
      .values({ place_id: placeId, member_id: memberId, since: now })
      .onConflict((oc) => oc.columns(['place_id', 'member_id']).doNothing())
      .execute();
  else await db.deleteFrom('place_tenders').where('place_id', '=', placeId).where('member_id', '=', memberId).execute();
}

/** Counts in (+) or out (−) of one item; the database keeps every count at zero or more. */
export async function count(db: Q, place: PlaceView, memberId: string, item: string, change: number, now: Date) {
  if (!place.counted) throw errors.conflict('not_counted', 'error.stockBelowZero');
  // The item as first written keeps its spelling ("Rice" and "rice" are one item).
  const known = await db
    .selectFrom('place_stock')
    .select('item')
    .where('place_id', '=', place.id)
    .where(sql`lower(item)`, '=', item.toLowerCase())
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  await db
    .insertInto('place_stock')
    .values({ place_id: place.id, item: known?.item ?? item, change, member_id: memberId, at: now })
    .execute();
}

export async function retirePlace(db: Q, place: PlaceView, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('places').set({ retired_at: now }).where('id', '=', place.id).execute();
    await tx
      .updateTable('place_asks')
      .set({ met_at: now })
      .where('place_id', '=', place.id)
      .where('met_at', 'is', null)
      .execute();
  });
}

/** Collect the least: who reported is forgotten after a day (the daily limit needs no more), old reports and met
 * asks after their time. */
export async function forgetReports(db: Q, now: Date) {
  await db
    .updateTable('place_reports')
    .set({ member_id: null })
    .where('member_id', 'is not', null)
    .where('made_at', '<', new Date(now.getTime() - DAY))
    .execute();
  await db
    .updateTable('place_stock')
    .set({ member_id: null })
    .where('member_id', 'is not', null)
    .where('at', '<', new Date(now.getTime() - DAY))
    .execute();
  await db
    .deleteFrom('place_reports')
    .where('made_at', '<', new Date(now.getTime() - REPORTS_KEPT_DAYS * DAY))
    .execute();
  await db
    .deleteFrom('place_asks')
    .where('met_at', '<', new Date(now.getTime() - 30 * DAY))
    .execute();
}
