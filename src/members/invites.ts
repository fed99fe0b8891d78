// Invite links: any member (or the host, from the CLI) can make one. Multi-use until it expires or is revoked.
// When the network's join agreement says "seconded", a link works only once another member has seconded it.
import type { Db } from '../db/connect.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';

export const INVITE_DAYS = 30;

export async function createInvite(db: Db, createdBy: string | null, now: Date, needsSecond = false) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  await db
    .insertInto('invites')
    .values({ token_hash: hashToken(token), created_by: createdBy, expires_at: expiresAt, needs_second: needsSecond })
    .execute();
  return { token, expiresAt, needsSecond };
}

export type InviteState = 'live' | 'waiting' | 'dead';

export async function inviteState(db: Db, token: string, now: Date): Promise<InviteState> {
  if (!looksLikeToken(token)) return 'dead';
  const row = await db
    .selectFrom('invites')
    .select(['needs_second', 'seconded_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return 'dead';
  return row.needs_second && !row.seconded_at ? 'waiting' : 'live';
}

export async function inviteIsLive(db: Db, token: string, now: Date): Promise<boolean> {
  return (await inviteState(db, token, now)) === 'live';
}

/** Invites made by other members that wait for a second. */
export async function invitesAwaitingSecond(db: Db, memberId: string, now: Date) {
  const rows = await db
    .selectFrom('invites')
    .leftJoin('members', 'members.id', 'invites.created_by')
    .select(['invites.id', 'invites.created_at', 'members.display_name'])
    .where('invites.needs_second', '=', true)
    .where('invites.seconded_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .where((eb) => eb.or([eb('invites.created_by', 'is', null), eb('invites.created_by', '<>', memberId)]))
    .orderBy('invites.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, byName: r.display_name }));
}

export async function secondInvite(db: Db, inviteId: string, memberId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set({ seconded_by: memberId, seconded_at: now })
    .where('id', '=', inviteId)
    .where('needs_second', '=', true)
    .where('seconded_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('created_by', 'is', null), eb('created_by', '<>', memberId)]))
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export function inviteUrl(publicUrl: string, token: string) {
  return `${publicUrl}/join/${token}`;
}
