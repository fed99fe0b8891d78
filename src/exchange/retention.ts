// Details of finished needs and offers expire after the number of days the network agreed (met_details_days): the
// text and the private thread go, what stays is only what aggregates
// need (kind, category, area, dates, status, amounts). Then the freed space is purged from the database's files, so
// the words are gone from the disk too, not only from queries (see db/purge.ts).
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { purgeWhenDue } from '../db/purge.ts';

export const EXPIRED_TEXT = '...';

/** Set when details expired and the files still hold them; a purge that found the tables busy is tried again. */
const purge = purgeWhenDue(['posts', 'messages']);

/** Expires what is due and purges it from disk. Returns how many posts' details went. */
export async function applyRetention(db: Db, days: number, now: Date, log: (line: string) => void): Promise<number> {
  const posts = await expireFinishedDetails(db, days, now);
  await purge(db, log, posts > 0);
  return posts;
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
        eb
          .selectFrom('matches')
          .select('matches.id')
          .where(sql<boolean>`coalesce(matches.need_id, matches.offer_id) in (${due})`),
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
