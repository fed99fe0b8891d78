// Writes about members: joining with an invite, changing one's own name, language and email.
import type { Kysely, Transaction } from 'kysely';
import type { Registry } from '../web/domain.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import { encrypt, lookupHash, normaliseEmail, type Keys } from '../security/crypto.ts';
import { guardLiveInvites, useInvite } from './invites.ts';
import type { JoinMode } from './invites.ts';
import { createSession } from './sessions.ts';
import { stillWaiting } from './ways-back.ts';

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

/** Joins with an invite link, using it once; the link must admit someone now. Returns the new member and their session. */
export async function joinWithInvite(db: Db, keys: Keys, token: string, m: NewMember, joinMode: JoinMode, now: Date) {
  return db.transaction().execute(async (tx) => {
    await useInvite(tx, token, joinMode, now);
    const memberId = await createMember(tx, keys, m);
    const session = await createSession(tx, memberId, now);
    return { memberId, session };
  });
}

/** A member's own settings. A new address is not set here: it waits for its owner's confirmation (email.ts). */
export async function updateMemberSettings(
  db: Db,
  keys: Keys,
  memberId: string,
  m: NewMember & { removeEmail?: boolean; emailDecisions?: boolean },
) {
  const emailColumns = m.removeEmail ? sealEmail(keys, undefined) : {};
  await db
    .updateTable('members')
    .set({
      display_name: m.displayName,
      language: m.language,
      ...emailColumns,
      email_decisions: m.emailDecisions ?? true,
    })
    .where('id', '=', memberId)
    .execute();
}

/** A removed member is signed out everywhere, their open posts withdrawn, their matches released, their invites ended. */
/**
 * A member leaves by their own choice (a duplicate account, or a network they are done with): signed out everywhere,
 * every way back in ended, their links and codes ended, and what they had open elsewhere ended by its domain — but
 * their address is not marked as removed, so an invite can bring them back. Members see "left", not "removed".
 */
export async function leaveNetwork(tx: Transaction<Database>, registry: Registry, memberId: string, now: Date) {
  const done = await tx
    .updateTable('members')
    .set({ removed_at: now, left_by_choice: true, email_enc: null, email_hash: null })
    .where('id', '=', memberId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return;
  await endAccess(tx, memberId, now);
  await registry.memberLeft(tx, memberId, now);
}

/** Everything that lets a member in or lets them vouch for others ends (removal and leaving alike). */
async function endAccess(tx: Kysely<Database>, memberId: string, now: Date) {
  await tx.deleteFrom('sessions').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('passkeys').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('sign_in_tokens').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('recovery_codes').where('member_id', '=', memberId).execute();
  // Codes made for them end; codes they made for others, waiting, end too (a member who is gone vouches for nobody).
  await tx
    .updateTable('sign_in_codes')
    .set({ ended_at: now })
    .where((eb) => eb.or([eb('member_id', '=', memberId), eb('made_by', '=', memberId)]))
    .where((eb) => stillWaiting(eb))
    .execute();
  await tx
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('created_by', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function removeMember(tx: Kysely<Database>, memberId: string, now: Date) {
  const { email_hash: mark } = await tx
    .selectFrom('members')
    .select('email_hash')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  if (mark)
    await tx
      .insertInto('removed_marks')
      .values({ mark, marked_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  await tx
    .updateTable('members')
    .set({ removed_at: now, email_enc: null, email_hash: null })
    .where('id', '=', memberId)
    .where('removed_at', 'is', null)
    .execute();
  await endAccess(tx, memberId, now);
  // They may hold any link that was live: each waits for a fresh second. Their address stays out, as its keyed hash.
  await guardLiveInvites(tx, now);
}

/** Taking a break (or coming back): no reason asked, none recorded. */
export async function setBreak(db: Kysely<Database>, memberId: string, onBreak: boolean, now: Date): Promise<void> {
  await db
    .updateTable('members')
    .set({ on_break_since: onBreak ? now : null })
    .where('id', '=', memberId)
    .execute();
}

/** The hourly digest went to the member: the next waits an hour. */
export async function noteDigestSent(tx: Kysely<Database>, memberId: string, now: Date) {
  await tx.updateTable('members').set({ last_digest_at: now }).where('id', '=', memberId).execute();
}

/** Which of these emails are members' (not removed), each with the member's name. */
export async function membersByEmail(db: Kysely<Database>, keys: Keys, emails: string[]): Promise<Map<string, string>> {
  const hashes = new Map(emails.map((e) => [lookupHash(keys, EMAIL_PURPOSE, normaliseEmail(e)).toString('hex'), e]));
  if (hashes.size === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['email_hash', 'display_name'])
    .where(
      'email_hash',
      'in',
      [...hashes.keys()].map((h) => Buffer.from(h, 'hex')),
    )
    .where('removed_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [hashes.get(r.email_hash!.toString('hex'))!, r.display_name]));
}
