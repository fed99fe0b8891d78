// Reading a member's own settings that are not part of their session.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export async function breakSince(db: Kysely<Database>, memberId: string): Promise<Date | null> {
  const r = await db.selectFrom('members').select('on_break_since').where('id', '=', memberId).executeTakeFirst();
  return r?.on_break_since ?? null;
}
