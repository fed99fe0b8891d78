// The safety log: every flag, hidden post, pause and removal, for every member to read. Append-only in the database.
// Flags name no flagger (so flagging a harasser is safe); pauses and removals name who acted (power is accountable).
import type { Kysely } from 'kysely';
import type { Database, SafetyAct, SafetyReason } from '../db/types.ts';

export type SafetyEntry = {
  act: SafetyAct;
  at: Date;
  actor_ids?: string[];
  member_id?: string | null;
  post_id?: string | null;
  proposal_id?: string | null;
  reason?: SafetyReason | null;
};

export async function logSafety(db: Kysely<Database>, e: SafetyEntry) {
  await db.insertInto('safety_log').values(e).execute();
}
