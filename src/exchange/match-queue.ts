// Telling helpers about a new need happens just after it is posted, not while the member waits: posting writes the
// need and a row in match_queue in one transaction (so a crash loses nothing), and a worker in the same process then
// finds the offers that fit and queues their notifications. The scheduled jobs drain whatever a restart left behind.
// Matching's own commits do not wait for the disk: what one writes is derived, and redone if a crash loses it.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { notify } from '../notifications/index.ts';
import { candidatesFor } from './queries.ts';

/** Matches one queued need, if any is waiting; true when it did. Each runs in its own transaction. */
async function matchOne(db: Db): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // What this writes can be worked out again: were a crash to lose it, its queue row would come back with it and be
    // matched again. So it does not wait for the disk (the posting did, the member's need is safe).
    await sql`set local synchronous_commit = off`.execute(tx);
    const queued = await tx
      .selectFrom('match_queue')
      .select('post_id')
      .orderBy('queued_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!queued) return false;
    const need = await tx
      .selectFrom('posts')
      .select(['id', 'member_id', 'what', 'category', 'status'])
      .where('id', '=', queued.post_id)
      .executeTakeFirst();
    if (need?.status === 'open') {
      const offers = await candidatesFor(tx, {
        kind: 'need',
        what: need.what,
        category: need.category,
        excludeMember: need.member_id,
      });
      const helpers = [...new Set(offers.map((o) => o.memberId))];
      await notify(
        tx,
        helpers.map((m) => ({ member_id: m, kind: 'matching_need' as const, subject: need.id })),
      );
    }
    await tx.deleteFrom('match_queue').where('post_id', '=', queued.post_id).execute();
    return true;
  });
}

/** Matches every queued need; returns how many. */
export async function drainMatchQueue(db: Db): Promise<number> {
  let n = 0;
  while (await matchOne(db)) n++;
  return n;
}

// One drain at a time per database handle; a post while it runs makes it go round once more.
const workers = new WeakMap<Db, { running: Promise<void> | null; again: boolean }>();

/** Starts matching what was just queued, after the current request; errors go to the log, the jobs retry. */
export function kickMatching(db: Db, log: (line: string) => void): void {
  let w = workers.get(db);
  if (!w) workers.set(db, (w = { running: null, again: false }));
  if (w.running) {
    w.again = true;
    return;
  }
  const state = w;
  state.running = (async () => {
    do {
      state.again = false;
      await new Promise((r) => setImmediate(r));
      try {
        await drainMatchQueue(db);
      } catch (e) {
        log(`matching a new need failed (it is retried by the scheduled jobs): ${(e as Error).message}`);
      }
    } while (state.again);
    state.running = null;
  })();
}

/** Waits until the worker has nothing left running (tests use it before checking notifications). */
export async function matchingSettled(db: Db): Promise<void> {
  while (workers.get(db)?.running) await workers.get(db)!.running;
}
