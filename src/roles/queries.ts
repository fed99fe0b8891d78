// Who holds a role now. Roles are filled by decision (fill_role); a term ends on its date or when the holder steps down.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export const ROLES = ['treasurer'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** How long a term lasts when a proposal does not say otherwise, and the longest a proposal may set. */
export const TERM_DAYS = { default: 90, max: 366 } as const;

export type Holder = { termId: string; memberId: string; name: string; startsAt: Date; endsAt: Date };

const current = (db: Q, role: Role, now: Date) =>
  db
    .selectFrom('role_terms')
    .innerJoin('members', 'members.id', 'role_terms.member_id')
    .select(['role_terms.id', 'role_terms.member_id', 'members.display_name', 'role_terms.starts_at', 'role_terms.ends_at'])
    .where('role_terms.role', '=', role)
    .where('role_terms.starts_at', '<=', now)
    .where('role_terms.ends_at', '>', now)
    .where((eb) => eb.or([eb('role_terms.ended_at', 'is', null), eb('role_terms.ended_at', '>', now)]))
    .where('members.removed_at', 'is', null);

export async function holders(db: Q, role: Role, now: Date): Promise<Holder[]> {
  const rows = await current(db, role, now).orderBy('role_terms.starts_at').execute();
  return rows.map((r) => ({ termId: r.id, memberId: r.member_id, name: r.display_name, startsAt: r.starts_at, endsAt: r.ends_at }));
}

export async function holdsRole(db: Q, memberId: string, role: Role, now: Date): Promise<boolean> {
  return !!(await current(db, role, now).where('role_terms.member_id', '=', memberId).executeTakeFirst());
}
