// Server-side sessions: the cookie holds a random token, the database only its hash.
import type { SessionMember } from '../web/context.ts';
import { sql, type Kysely } from 'kysely';
import type { RequestRead } from '../web/domain.ts';
import type { Database } from '../db/types.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';

export const SESSION_DAYS = 90;
const DAY = 86_400_000;

export async function createSession(db: Kysely<Database>, memberId: string, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      member_id: memberId,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_DAYS * DAY),
    })
    .execute();
  await noteSeen(db, memberId, now);
  return token;
}

export type { SessionMember };

/** The day a member was last seen, no finer (migration 019): written with a sign-in, and at most once a day after. */
async function noteSeen(db: Kysely<Database>, memberId: string, now: Date) {
  const today = now.toISOString().slice(0, 10);
  await db
    .updateTable('members')
    .set({ seen_on: today })
    .where('id', '=', memberId)
    .where((eb) => eb.or([eb('seen_on', 'is', null), eb('seen_on', '<', today)]))
    .execute();
}

/**
 * Who the cookie's session belongs to (null for nobody), and what the domains read on every request with it
 * (web/domain.ts's RequestRead: the agreements' version, the unread count): one statement for all of it.
 */
export async function memberForSession(
  db: Kysely<Database>,
  token: string | undefined,
  now: Date,
  reads: readonly RequestRead[] = [],
): Promise<{ member: SessionMember | null; reads: Map<string, unknown> }> {
  const hash = looksLikeToken(token) ? hashToken(token) : null;
  const me = sql.ref<string | null>('me.id');
  const extra = reads.map((r, i) => sql`, ${r.select(me)} as ${sql.ref(`r${i}`)}`);
  const { rows } = await sql<SessionRow & Record<string, unknown>>`
    select me.*${sql.join(extra, sql``)} from (values (1)) as one left join (
      select m.id, m.display_name, m.language, m.email_hash, m.email_decisions, s.expires_at, s.created_at,
             s.acting_id, a.until as acting_until, by.display_name as acting_name
      from sessions s join members m on m.id = s.member_id
      left join acting_records a on a.id = s.acting_id
      left join members by on by.id = a.acting_by
      where s.token_hash = ${hash} and s.expires_at > ${now} and m.removed_at is null
        and (s.acting_id is null or (a.ended_at is null and a.until > ${now}))) as me on true`.execute(db);
  const row = rows[0]!;
  const values = new Map(reads.map((r, i) => [r.name, row[`r${i}`]]));
  if (row.id === null) return { member: null, reads: values };
  // Sliding expiry, written at most once a day; a session acting for someone ends when agreed, never later.
  if (!row.acting_id && row.expires_at.getTime() - now.getTime() < (SESSION_DAYS - 1) * DAY) {
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(now.getTime() + SESSION_DAYS * DAY) })
      .where('token_hash', '=', hash!)
      .execute();
    await noteSeen(db, row.id, now);
  }
  const member: SessionMember = {
    id: row.id,
    displayName: row.display_name,
    language: row.language,
    hasEmail: row.email_hash !== null,
    emailDecisions: row.email_decisions,
    // Acting for someone is never a fresh sign-in: what asks for one (the address, a recovery code) stays theirs.
    signedInAt: row.acting_id ? new Date(0) : row.created_at,
    acting: row.acting_id ? { byName: row.acting_name!, until: row.acting_until!, recordId: row.acting_id } : undefined,
  };
  return { member, reads: values };
}

type SessionRow = {
  id: string;
  display_name: string;
  language: string;
  email_hash: Buffer | null;
  email_decisions: boolean;
  expires_at: Date;
  created_at: Date;
  acting_id: string | null;
  acting_until: Date | null;
  acting_name: string | null;
};

/** Signs a member out everywhere: every session they have ends, this one too. */
export async function endAllSessions(db: Kysely<Database>, memberId: string) {
  await db.deleteFrom('sessions').where('member_id', '=', memberId).execute();
}

export async function endSession(db: Kysely<Database>, token: string | undefined) {
  if (!looksLikeToken(token)) return;
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Drops expired sessions, expired challenges and spent or expired sign-in links. */
export async function clearSpentCredentials(db: Kysely<Database>, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('auth_challenges').where('expires_at', '<=', now).execute();
  await db
    .deleteFrom('sign_in_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
    .execute();
}
