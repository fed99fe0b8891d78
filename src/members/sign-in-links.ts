// Email sign-in links for enrolment and recovery: 256-bit token, stored hashed, single use, 10 minutes.
import type { Db } from '../db/connect.ts';
import { decrypt, lookupHash, normaliseEmail, type Keys } from '../security/crypto.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';
import { errors } from '../web/errors.ts';
import { createSession } from './sessions.ts';
import { EMAIL_PURPOSE } from './commands.ts';

export const LINK_MINUTES = 10;

/**
 * Makes a link for the member with this address, if there is one and `mayMail` allows one more mail. Runs after the
 * answer, which is the same either way (web/later.ts).
 */
export async function createSignInLink(
  db: Db,
  keys: Keys,
  email: string,
  now: Date,
  mayMail: () => boolean = () => true,
) {
  const member = await db
    .selectFrom('members')
    .select(['id', 'email_enc', 'language'])
    .where('email_hash', '=', lookupHash(keys, EMAIL_PURPOSE, normaliseEmail(email)))
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!member?.email_enc || !mayMail()) return null;
  const token = newToken();
  await db
    .insertInto('sign_in_tokens')
    .values({
      token_hash: hashToken(token),
      member_id: member.id,
      expires_at: new Date(now.getTime() + LINK_MINUTES * 60_000),
    })
    .execute();
  return { token, to: decrypt(keys, EMAIL_PURPOSE, member.email_enc), language: member.language };
}

/** Spends a link: exactly once, before it expires. Returns the new session token. */
export async function useSignInLink(db: Db, token: string, now: Date) {
  if (!looksLikeToken(token)) throw errors.gone('link_not_valid', 'error.linkNotValid');
  return db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('sign_in_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('member_id')
      .executeTakeFirst();
    if (!spent) throw errors.gone('link_not_valid', 'error.linkNotValid');
    return { memberId: spent.member_id, session: await createSession(tx, spent.member_id, now) };
  });
}
