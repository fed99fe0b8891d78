// Details of finished needs and offers expire after the number of days the network agreed (met_details_days): the
// text and the private thread go, and so does the note on a settled fund request; what stays is only what aggregates
// need (kind, category, area, dates, status, amounts). Then the freed space is purged from the database's files, so
// the words are gone from the disk too, not only from queries (see purgeFreedSpace).
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { unwatched } from '../db/limits.ts';

export const EXPIRED_TEXT = '...';
/** Notifications (who was told what, when) are deleted after this many days, read or not. */
export const NOTIFICATION_DAYS = 90;

/** Set when details expired and the files still hold them; a purge that found the tables busy is tried again. */
let purgeDue = false;

/**
 * Expires what is due and, when anything was (or `purgeToo`: check-in answers were just counted), purges it from disk.
 * Returns how many posts' details went.
 */
export async function applyRetention(db: Db, days: number, now: Date, log: (line: string) => void, purgeToo = false): Promise<number> {
  const posts = await expireFinishedDetails(db, days, now);
  const notes = await forgetSettledFundNotes(db, days, now);
  await db.deleteFrom('notifications').where('created_at', '<', new Date(now.getTime() - NOTIFICATION_DAYS * 86_400_000)).execute();
  if (posts + notes > 0 || purgeToo) purgeDue = true;
  if (purgeDue && (await purgeFreedSpace(db, log))) purgeDue = false;
  return posts;
}

/** The note on a fund request (sealed, for the treasurer) goes once the request has been settled for the agreed days. */
export async function forgetSettledFundNotes(db: Db, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const r = await db.updateTable('fund_requests').set({ note_enc: null })
    .where('note_enc', 'is not', null)
    .where((eb) => eb.or([
      eb.and([eb('status', 'in', ['declined', 'withdrawn']), eb(sql`coalesce(decided_at, asked_at)`, '<=', cutoff)]),
      eb.and([eb('status', '=', 'paid'), eb(sql`coalesce(received_at, decided_at, asked_at)`, '<=', cutoff)]),
    ]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

let purgeWarned = false;

/**
 * Deleted and overwritten rows stay in a table's pages and in the write-ahead log until reused. This rewrites the
 * tables that held the details (VACUUM FULL writes new files and deletes the old), then starts a new log segment and
 * checkpoints, so the segments that held the old words are deleted (the embedded database runs with wal_recycle off,
 * so they are not kept for reuse). On a PostgreSQL server the last two steps need the pg_checkpoint role and EXECUTE on
 * pg_switch_wal; without them the old words stay in the log until PostgreSQL reuses it, and the log says so once.
 */
/** The tables a purge rewrites: those retention empties, and those check-in answers wait in before they are counted. */
export const PURGED_TABLES = ['posts', 'messages', 'fund_requests', 'checkin_pending', 'checkin_counts'] as const;

export async function purgeFreedSpace(db: Db, log: (line: string) => void, tables: readonly (typeof PURGED_TABLES)[number][] = PURGED_TABLES): Promise<boolean> {
  // Never keep members waiting long: if a table is busy for five seconds, give up and try at the next run.
  const done = await unwatched(() => db.connection().execute(async (conn) => {
    await sql`set lock_timeout = '5s'`.execute(conn);
    await sql`set statement_timeout = 0`.execute(conn);
    try {
      await sql.raw(`vacuum full ${tables.join(', ')}`).execute(conn);
      return true;
    } catch {
      return false;
    } finally {
      await sql`reset lock_timeout`.execute(conn);
      await sql`reset statement_timeout`.execute(conn);
    }
  }));
  if (!done) return false;
  try {
    await sql`select pg_switch_wal()`.execute(db);
    await sql`checkpoint`.execute(db);
  } catch (e) {
    if (!purgeWarned) log(`expired details were removed, but old copies stay in PostgreSQL's write-ahead log until it is reused: ${(e as Error).message} (see docs/SECURITY.md)`);
    purgeWarned = true;
  }
  return true;
}

export async function expireFinishedDetails(db: Db, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return db.transaction().execute(async (tx) => {
    const due = tx
      .selectFrom('posts')
      .select('id')
      .where('status', 'in', ['met', 'withdrawn', 'expired', 'closed'])
      .where('closed_at', '<=', cutoff)
      .where('details_expired_at', 'is', null);
    await tx
      .deleteFrom('messages')
      .where('match_id', 'in', (eb) =>
        eb.selectFrom('matches').select('matches.id').where(sql<boolean>`coalesce(matches.need_id, matches.offer_id) in (${due})`),
      )
      .execute();
    const r = await tx
      .updateTable('posts')
      .set({ what: EXPIRED_TEXT, capacity: null, details_expired_at: now })
      .where('id', 'in', due)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  });
}
