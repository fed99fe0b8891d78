// Personal access tokens (issue 22): a member's own key to the JSON API, named so they know which app holds it, able
// to read or also to write, shown once and kept only as a hash, revoked whenever they like. A token is its member:
// the API answers it only what that member may see and do, and a page never takes it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { SessionMember } from '../web/context.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';
import { errors } from '../web/errors.ts';

export type Scope = 'read' | 'write';
/** At most this many live tokens a member (and ten new ones a day, the database's daily_api_tokens). */
export const MOST_TOKENS = 10;
/** What a token looks like when sent: a prefix that says what it is (and lets a secret scanner find one), then 43
 * random base64url characters. */
export const TOKEN_PREFIX = 'krp_';

export async function makeToken(
  db: Kysely<Database>,
  a: { memberId: string; name: string; scope: Scope; now: Date },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    // One at a time per member, so two at once cannot both pass the count.
    await tx.selectFrom('members').select('id').where('id', '=', a.memberId).forUpdate().executeTakeFirstOrThrow();
    const live = await tx
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('member_id', '=', a.memberId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= MOST_TOKENS) throw errors.conflict('too_many_tokens', 'api.tooManyTokens');
    const token = newToken();
    await tx
      .insertInto('api_tokens')
      .values({ member_id: a.memberId, name: a.name, scope: a.scope, token_hash: hashToken(token), made_at: a.now })
      .execute();
    return `${TOKEN_PREFIX}${token}`;
  });
}

export async function tokensOf(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scope', 'made_at'])
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .orderBy('made_at', 'desc')
    .execute();
}

export async function tokenOwner(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('api_tokens')
      .select('member_id')
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
  )?.member_id;
}

export async function revokeToken(db: Kysely<Database>, id: string, memberId: string, now: Date) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The member a bearer token stands for, with what it may do, or null (unknown, revoked, or its member gone). */
export async function memberForToken(
  db: Kysely<Database>,
  sent: string,
): Promise<{ member: SessionMember; scope: Scope } | null> {
  const raw = sent.startsWith(TOKEN_PREFIX) ? sent.slice(TOKEN_PREFIX.length) : '';
  if (!looksLikeToken(raw)) return null;
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .select(['m.id', 'm.display_name', 'm.language', 'm.email_hash', 'm.email_decisions', 't.scope'])
    .where('t.token_hash', '=', hashToken(raw))
    .where('t.revoked_at', 'is', null)
    .where('m.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    member: {
      id: row.id,
      displayName: row.display_name,
      language: row.language,
      hasEmail: row.email_hash !== null,
      emailDecisions: row.email_decisions,
      // Never a fresh sign-in: nothing that asks for one (changing where sign-in links go) is in the API.
      signedInAt: new Date(0),
    },
    scope: row.scope,
  };
}

/** Revoked tokens are forgotten after a month. */
export async function forgetRevokedTokens(db: Kysely<Database>, now: Date) {
  await db
    .deleteFrom('api_tokens')
    .where('revoked_at', '<', new Date(now.getTime() - 30 * 86_400_000))
    .execute();
}
