// When load concentrates — the busiest tenth of active members carrying more than the agreed share of the work in
// the last 30 days — the whole network is told, once a fortnight at most, with the figure and never a name.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { reachableMemberIds } from '../members/index.ts';
import { activeIn, activity, loadIn, LOAD_DAYS } from './queries.ts';
import { MIN_MEMBERS, topShare } from './metrics.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;
/** At most one load warning in this many days. */
export const WARN_EVERY_DAYS = 14;

export type LoadWarning = { at: Date; share: number; active: number; threshold: number };

export async function warnIfLoadConcentrated(
  db: Q,
  thresholdPercent: number,
  now: Date,
): Promise<LoadWarning | undefined> {
  const recent = await latestWarning(db);
  if (recent && now.getTime() - recent.at.getTime() < WARN_EVERY_DAYS * DAY) return undefined; // cheap check first
  const window = { from: now.getTime() - LOAD_DAYS * DAY, to: now.getTime() + 1 };
  const a = await activity(db, new Date(window.from), new Date(window.to));
  const active = activeIn(a, window);
  if (active.size < MIN_MEMBERS) return undefined;
  const share = topShare(loadIn(a, window, active), 0.1);
  if (share * 100 <= thresholdPercent) return undefined;
  return db.transaction().execute(async (tx) => {
    const last = await latestWarning(tx);
    if (last && now.getTime() - last.at.getTime() < WARN_EVERY_DAYS * DAY) return undefined;
    const warning = { share, active: active.size, threshold: thresholdPercent };
    await tx
      .insertInto('network_warnings')
      .values({ kind: 'load', at: now, figures: JSON.stringify(warning) })
      .execute();
    await notify(
      tx,
      (await reachableMemberIds(tx)).map((id) => ({ member_id: id, kind: 'load_warning' as const })),
    );
    return { at: now, ...warning };
  });
}

export async function latestWarning(db: Q): Promise<LoadWarning | undefined> {
  const r = await db
    .selectFrom('network_warnings')
    .select(['at', 'figures'])
    .where('kind', '=', 'load')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  if (!r) return undefined;
  const f = r.figures as { share: number; active: number; threshold: number };
  return { at: r.at, share: f.share, active: f.active, threshold: f.threshold };
}
