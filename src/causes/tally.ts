// Counting root causes without keeping whose they were: a need's causes wait in this process's memory, by month, and
// are added to the monthly totals in one batch once an hour (the job), apart from any posting, in no order; nothing
// on disk ties a cause to a need, a member or a moment. Causes noted in the hour before a crash are lost: a count, not
// a record. One server process writes them (as it runs the jobs).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** How long causes wait in memory before they are added to the totals. */
export const TALLY_EVERY_MS = 60 * 60_000;

type Waiting = { since: number; counts: Map<string, number> };
const waiting = new WeakMap<object, Waiting>();
const monthOf = (now: Date) => `${now.toISOString().slice(0, 7)}-01`;
const SEP = '\u0000';

/** Notes the causes a member gave for a need just posted (only causes the network lists; each once). */
export function noteCauses(db: Kysely<Database>, causes: readonly string[], now: Date): void {
  for (const cause of new Set(causes)) wait(db, `${monthOf(now)}${SEP}${cause}`, 1, now.getTime());
}

function wait(db: Kysely<Database>, key: string, n: number, since: number) {
  let w = waiting.get(db);
  if (!w) waiting.set(db, (w = { since, counts: new Map() }));
  w.counts.set(key, (w.counts.get(key) ?? 0) + n);
}

/** Adds what waited an hour (or anything, with `all`) to the monthly totals, in one statement. Returns how many. */
export async function tallyCauses(db: Kysely<Database>, now: Date, all = false): Promise<number> {
  const w = waiting.get(db);
  if (!w || (!all && now.getTime() - w.since < TALLY_EVERY_MS)) return 0;
  waiting.delete(db);
  const rows = [...w.counts].map(([key, needs]) => {
    const [month, cause] = key.split(SEP) as [string, string];
    return { month, cause, needs };
  });
  try {
    await db
      .insertInto('cause_tallies')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['month', 'cause']).doUpdateSet({ needs: sql`cause_tallies.needs + excluded.needs` }),
      )
      .execute();
  } catch (e) {
    // Put them back for the next run (the database may be away for a moment).
    for (const [key, n] of w.counts) wait(db, key, n, w.since);
    throw e;
  }
  return rows.reduce((n, r) => n + r.needs, 0);
}

export type CauseCount = { month: string; cause: string; needs: number };

/** The monthly totals from `fromMonth` (YYYY-MM) on. */
export async function causeTallies(db: Kysely<Database>, fromMonth: string): Promise<CauseCount[]> {
  const rows = await db
    .selectFrom('cause_tallies')
    .select([sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'cause', 'needs'])
    .where('month', '>=', `${fromMonth}-01`)
    .orderBy('month')
    .orderBy('cause')
    .execute();
  return rows;
}
