// Writes for roles: a proposal to fill one, the passed decision filling it for a term, a holder stepping down early.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { openProposal } from '../decisions/commands.ts';
import { standardRules } from '../decisions/tally.ts';
import type { Role } from './queries.ts';

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

export type RoleProposal = {
  role: Role;
  member: { id: string; name: string };
  days: number;
  process: 'consent' | 'consensus' | 'majority';
  closesInHours: number;
};

/** Asks the members to give a member a role for a term; if it passes, the term starts by itself. */
export async function proposeRole(db: Q, openedBy: string, p: RoleProposal, now: Date): Promise<string> {
  return openProposal(db, openedBy, {
    kind: 'role', title: `${p.role}: ${p.member.name}`, body: '', process: p.process, options: [], closesInHours: p.closesInHours,
    rules: standardRules(p.process), anonymous: false,
    action: { type: 'fill_role', role: p.role, member_id: p.member.id, member_name: p.member.name, days: p.days },
  }, now);
}
