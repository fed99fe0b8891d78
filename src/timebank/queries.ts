// Reading the time bank: a member's own records (with whom, which way, how long, answered or not), what waits for
// their answer, a match's two members (to prefill a record), and the members one may record hours with. Nothing here
// reads another member's balance or counts anyone's hours: the network sees totals only (fund/hours.ts hoursTotals).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type HoursRecord = {
  id: string;
  giverId: string;
  receiverId: string;
  otherName: string;
  minutes: number;
  what: string;
  fromCommons: boolean;
  state: 'waiting' | 'confirmed' | 'declined' | 'withdrawn';
  recordedBy: string;
  recordedAt: Date;
};

const base = (db: Q, memberId: string) =>
  db
    .selectFrom('time_records as r')
    .innerJoin('members as o', (j) =>
      j.on(sql<boolean>`o.id = case when r.giver_id = ${memberId} then r.receiver_id else r.giver_id end`),
    )
    .select([
      'r.id',
      'r.giver_id as giverId',
      'r.receiver_id as receiverId',
      'o.display_name as otherName',
      'r.minutes',
      'r.what',
      'r.from_commons as fromCommons',
      'r.state',
      'r.recorded_by as recordedBy',
      'r.recorded_at as recordedAt',
    ])
    .where((eb) => eb.or([eb('r.giver_id', '=', memberId), eb('r.receiver_id', '=', memberId)]));

/** The member's own records, newest first. */
export const recordsOf = (db: Q, memberId: string, limit = 30): Promise<HoursRecord[]> =>
  base(db, memberId).orderBy('r.recorded_at', 'desc').limit(limit).execute();

/** Records waiting for this member's yes or no (another recorded them). */
export const waitingFor = (db: Q, memberId: string): Promise<HoursRecord[]> =>
  base(db, memberId)
    .where('r.state', '=', 'waiting')
    .where('r.recorded_by', '<>', memberId)
    .orderBy('r.recorded_at')
    .limit(100)
    .execute();

export const recordById = (db: Q, id: string) =>
  db.selectFrom('time_records').selectAll().where('id', '=', id).executeTakeFirst();

/** A match's two members and what it was about, for a record prefilled from its thread. */
export const matchParties = (db: Q, matchId: string) =>
  db
    .selectFrom('matches')
    .innerJoin('posts', (j) => j.on(sql<boolean>`posts.id = coalesce(matches.need_id, matches.offer_id)`))
    .select(['matches.helper_id as helperId', 'matches.asker_id as askerId', 'posts.what'])
    .where('matches.id', '=', matchId)
    .executeTakeFirst();

/** The members one may record hours with: everyone else still in the network, by name. */
export const membersToPick = (db: Q, except: string) =>
  db
    .selectFrom('members')
    .select(['id', 'display_name as name'])
    .where('removed_at', 'is', null)
    .where('id', '<>', except)
    .orderBy('display_name')
    .limit(2000)
    .execute();
