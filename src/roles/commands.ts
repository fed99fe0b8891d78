// Writes for roles: a passed decision fills a role for a term; a holder may step down early.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type FillRole = { type: 'fill_role'; role: string; member_id: string; member_name: string; days: number };

/** Applies a passed fill_role decision: the term starts when the decision closes. */
export async function fillRole(tx: Q, decisionId: string, a: FillRole, now: Date): Promise<void> {
  const member = await tx.selectFrom('members').select('removed_at').where('id', '=', a.member_id).executeTakeFirst();
  if (!member || member.removed_at) return;
  await tx
    .insertInto('role_terms')
    .values({ role: a.role, member_id: a.member_id, starts_at: now, ends_at: new Date(now.getTime() + a.days * 86_400_000), decision_id: decisionId })
    .execute();
}

/** A holder steps down before the term ends; no reason asked. */
export async function stepDown(db: Q, termId: string, memberId: string, now: Date): Promise<boolean> {
  const r = await sql`update role_terms set ended_at = ${now}
    where id = ${termId} and member_id = ${memberId} and ended_at is null and ends_at > ${now}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
