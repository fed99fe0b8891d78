// A member's own recent load — matches they helped in, rota slots, proposals they opened, votes, roles they held — for
// their eyes only (My page). Nobody else sees anyone's load.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export const LOAD_DAYS = 30;

export type Load = { helped: number; asked: number; slots: number; proposals: number; votes: number; roles: number };

export async function loadOf(db: Kysely<Database>, memberId: string, now: Date, days = LOAD_DAYS): Promise<Load> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const r = await sql<Load>`select
    (select count(*) from matches where helper_id = ${memberId} and status <> 'released' and created_at >= ${since})::bigint as helped,
    (select count(*) from matches where asker_id = ${memberId} and status <> 'released' and created_at >= ${since})::bigint as asked,
    (select count(*) from rota_signups u join rota_slots s on s.id = u.slot_id where u.member_id = ${memberId}
      and u.dropped_at is null and s.starts_at >= ${since} and s.starts_at <= ${now})::bigint as slots,
    (select count(*) from proposals where opened_by = ${memberId} and opened_at >= ${since})::bigint as proposals,
    (select count(*) from ballots where member_id = ${memberId} and cast_at >= ${since})::bigint as votes,
    (select count(*) from role_terms where member_id = ${memberId} and starts_at <= ${now} and ends_at > ${since}
      and (ended_at is null or ended_at > ${since}))::bigint as roles`.execute(db);
  const row = r.rows[0]!;
  return {
    helped: Number(row.helped),
    asked: Number(row.asked),
    slots: Number(row.slots),
    proposals: Number(row.proposals),
    votes: Number(row.votes),
    roles: Number(row.roles),
  };
}
