// Reading members: a member's own settings that are not part of their session, and who can be chosen for a role.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export async function breakSince(db: Kysely<Database>, memberId: string): Promise<Date | null> {
  const r = await db.selectFrom('members').select('on_break_since').where('id', '=', memberId).executeTakeFirst();
  return r?.on_break_since ?? null;
}

/** Members who are in the network (not removed), by name: whom a proposal can name for a role. */
export async function activeMembers(db: Kysely<Database>, limit = 2000): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'display_name'])
    .where('removed_at', 'is', null)
    .orderBy('display_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

export async function activeMember(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const r = await db
    .selectFrom('members')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return r && { id: r.id, name: r.display_name };
}

/**
 * Members the whole network is told things by (reminders, check-ins, warnings): in the network and not on a break;
 * `except` leaves out who asked and who it is about (null for nobody).
 */
export async function reachableMemberIds(
  db: Kysely<Database>,
  except: readonly (string | null)[] = [],
): Promise<string[]> {
  const left = except.filter((id): id is string => id !== null);
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('removed_at', 'is', null)
    .where('on_break_since', 'is', null)
    .$if(left.length > 0, (q) => q.where('id', 'not in', left))
    .execute();
  return rows.map((r) => r.id);
}

export async function languageOf(db: Kysely<Database>, memberId: string): Promise<string> {
  return (await db.selectFrom('members').select('language').where('id', '=', memberId).executeTakeFirstOrThrow())
    .language;
}

/** The member list, by name: those whose name holds the search (any case), and how many are in the network. */
export async function listMembers(db: Kysely<Database>, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const [members, total] = await Promise.all([
    db
      .selectFrom('members')
      .select(['id', 'display_name as displayName', 'joined_at as joinedAt'])
      // What they offer: the kinds of help of their open offers on the board (public there already), nothing more.
      .select(
        sql<string[]>`coalesce((select array_agg(distinct p.category order by p.category) from posts p
          where p.member_id = members.id and p.kind = 'offer' and p.status = 'open' and p.hidden_at is null), '{}')`.as(
          'offers',
        ),
      )
      .where('removed_at', 'is', null)
      .$if(q !== '', (qb) => qb.where('display_name', 'ilike', like))
      .orderBy('display_name')
      .orderBy('id')
      .limit(limit)
      .execute(),
    db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { members, total: Number(total.n) };
}
