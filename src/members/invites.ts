// Invite links: any member (or the host, from the CLI) can make one. Multi-use until it expires or is revoked.
import type { Db } from '../db/connect.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';

export const INVITE_DAYS = 30;

export async function createInvite(db: Db, createdBy: string | null, now: Date) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  await db.insertInto('invites').values({ token_hash: hashToken(token), created_by: createdBy, expires_at: expiresAt }).execute();
  return { token, expiresAt };
}

export async function inviteIsLive(db: Db, token: string, now: Date): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const row = await db
    .selectFrom('invites')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return !!row;
}

export function inviteUrl(publicUrl: string, token: string) {
  return `${publicUrl}/join/${token}`;
}
