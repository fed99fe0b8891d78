// Server-side sessions: the cookie holds a random token, the database only its hash.
import type { SessionMember } from '../web/context.ts';
import type { Kysely } from 'kysely';
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
  return token;
}

export type { SessionMember };

export async function memberForSession(db: Kysely<Database>, token: string | undefined, now: Date) {
  if (!looksLikeToken(token)) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select([
      'members.id',
      'members.display_name',
      'members.language',
      'members.email_hash',
      'members.email_decisions',
      'sessions.expires_at',
      'sessions.created_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .where('members.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Sliding expiry, written at most once a day.
  if (row.expires_at.getTime() - now.getTime() < (SESSION_DAYS - 1) * DAY) {
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(now.getTime() + SESSION_DAYS * DAY) })
      .where('token_hash', '=', hashToken(token))
      .execute();
  }
  const member: SessionMember = {
    id: row.id,
    displayName: row.display_name,
    language: row.language,
    hasEmail: row.email_hash !== null,
    emailDecisions: row.email_decisions,
    signedInAt: row.created_at,
  };
  return member;
}

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
