// Writes about members: joining with an invite, changing one's own name, language and email.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import { encrypt, lookupHash, normaliseEmail, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { hashToken } from '../security/tokens.ts';
import { createSession } from './sessions.ts';

export type NewMember = { displayName: string; language: string; email?: string | undefined };

export const EMAIL_PURPOSE = 'member.email';

export function sealEmail(keys: Keys, email: string | undefined) {
  if (!email) return { email_enc: null, email_hash: null };
  const normal = normaliseEmail(email);
  return { email_enc: encrypt(keys, EMAIL_PURPOSE, normal), email_hash: lookupHash(keys, EMAIL_PURPOSE, normal) };
}

export async function emailInUse(db: Kysely<Database>, keys: Keys, email: string, exceptMember?: string) {
  let q = db
    .selectFrom('members')
    .select('id')
    .where('email_hash', '=', lookupHash(keys, EMAIL_PURPOSE, normaliseEmail(email)));
  if (exceptMember) q = q.where('id', '<>', exceptMember);
  return !!(await q.executeTakeFirst());
}

export async function createMember(db: Kysely<Database>, keys: Keys, m: NewMember): Promise<string> {
  const row = await db
    .insertInto('members')
    .values({ display_name: m.displayName, language: m.language, ...sealEmail(keys, m.email) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Joins with an invite link; the invite must be live. Returns the new member and their session. */
export async function joinWithInvite(db: Db, keys: Keys, token: string, m: NewMember, now: Date) {
  return db.transaction().execute(async (tx) => {
    const invite = await tx
      .selectFrom('invites')
      .select(['id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst();
    if (!invite || invite.revoked_at || invite.expires_at <= now) {
      throw errors.gone('invite_not_valid', 'error.inviteNotValid');
    }
    const memberId = await createMember(tx, keys, m);
    await tx
      .updateTable('invites')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', invite.id)
      .execute();
    const session = await createSession(tx, memberId, now);
    return { memberId, session };
  });
}

export async function updateMemberSettings(db: Db, keys: Keys, memberId: string, m: NewMember & { removeEmail?: boolean; emailDecisions?: boolean }) {
  const emailColumns = m.email ? sealEmail(keys, m.email) : m.removeEmail ? sealEmail(keys, undefined) : {};
  await db
    .updateTable('members')
    .set({ display_name: m.displayName, language: m.language, ...emailColumns, email_decisions: m.emailDecisions ?? true })
    .where('id', '=', memberId)
    .execute();
}

/** A removed member is signed out everywhere, their open posts withdrawn, their matches released, their invites ended. */
export async function removeMember(tx: Kysely<Database>, memberId: string, now: Date) {
  await tx.updateTable('members').set({ removed_at: now, email_enc: null, email_hash: null }).where('id', '=', memberId).where('removed_at', 'is', null).execute();
  await tx.deleteFrom('sessions').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('passkeys').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('sign_in_tokens').where('member_id', '=', memberId).execute();
  await tx
    .updateTable('matches')
    .set({ status: 'released', ended_at: now })
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('helper_id', '=', memberId), eb('asker_id', '=', memberId)]))
    .execute();
  await tx.updateTable('posts').set({ status: 'withdrawn', updated_at: now, closed_at: now }).where('member_id', '=', memberId).where('status', '=', 'open').execute();
  await tx.updateTable('invites').set({ revoked_at: now }).where('created_by', '=', memberId).where('revoked_at', 'is', null).execute();
}

/** Taking a break (or coming back): no reason asked, none recorded. */
export async function setBreak(db: Kysely<Database>, memberId: string, onBreak: boolean, now: Date): Promise<void> {
  await db.updateTable('members').set({ on_break_since: onBreak ? now : null }).where('id', '=', memberId).execute();
}

