// Words that expired must leave the disk too, not only the queries: rewriting the tables that held them (each domain
// names its own) and the write-ahead log. Used by the jobs that expire or count things (exchange, fund, care).
import { sql } from 'kysely';
import type { Db } from './connect.ts';

let purgeWarned = false;

/**
 * Deleted and overwritten rows stay in a table's pages and in the write-ahead log until reused. This rewrites the
 * tables that held the details (VACUUM FULL writes new files and deletes the old), then starts a new log segment and
 * checkpoints, so the segments that held the old words are deleted (the embedded server runs with wal_recycle off,
 * so they are not kept for reuse). On a PostgreSQL server the last two steps need the pg_checkpoint role and EXECUTE on
 * pg_switch_wal; without them the old words stay in the log until PostgreSQL reuses it, and the log says so once.
 */
export async function purgeFreedSpace(
  db: Db,
  log: (line: string) => void,
  tables: readonly string[],
): Promise<boolean> {
  // Never keep members waiting long: if a table is busy for five seconds, give up and try at the next run.
  const done = await db.connection().execute(async (conn) => {
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
  });
  if (!done) return false;
  try {
    await sql`select pg_switch_wal()`.execute(db);
    await sql`checkpoint`.execute(db);
  } catch (e) {
    if (!purgeWarned)
      log(
        `expired details were removed, but old copies stay in PostgreSQL's write-ahead log until it is reused: ${(e as Error).message} (see docs/SECURITY.md)`,
      );
    purgeWarned = true;
  }
  return true;
}

/**
 * A purge of `tables` that is remembered as due until it has succeeded twice, a run apart: call it after every run of
 * the job that frees space in them, with whether this run freed any. Twice, because VACUUM FULL keeps the old version
 * of a row that a transaction still running may see (on a PostgreSQL server: autovacuum analysing another table, a
 * member's request); by the next run, a minute later, that transaction has ended and the second rewrite drops it.
 */
export function purgeWhenDue(tables: readonly string[]) {
  let due = 0;
  return async (db: Db, log: (line: string) => void, freedNow: boolean): Promise<void> => {
    if (freedNow) due = 2;
    if (due > 0 && (await purgeFreedSpace(db, log, tables))) due -= 1;
  };
}
