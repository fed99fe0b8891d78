// Invite links: any member (or the host, from the CLI) makes one, for one person or a few more. Its maker can end it;
// any two members together can end any link (a flyer that got out). When the network's agreement says joining takes a
// second member, every link waits for one — the agreement as it stands now, not as it stood when the link was made —
// and after a removal every link live then waits for a fresh second.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';
import { notify, settleNotifications } from '../notifications/index.ts';
import { reachableMemberIds } from './queries.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';

export const INVITE_DAYS = 30;
/** How many people one link may admit: the choices the invite form offers (1 is the default). */
export const INVITE_USES = [1, 5, 25, 100] as const;

/** How people join, as the network agreed (agreements' join_mode): with a link alone, or seconded by a member. */
export const JOIN_MODES = ['open', 'seconded'] as const;
export type JoinMode = (typeof JOIN_MODES)[number];
type Q = Kysely<Database>;

export async function createInvite(
  db: Q,
  createdBy: string | null,
  now: Date,
  opts: { joinMode?: JoinMode; maxUses?: number } = {},
) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  const needsSecond = opts.joinMode === 'seconded';
  const { id } = await db
    .insertInto('invites')
    .values({
      token_hash: hashToken(token),
      created_by: createdBy,
      created_at: now,
      expires_at: expiresAt,
      needs_second: needsSecond,
      max_uses: opts.maxUses ?? 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A link the agreement asks a member to second reaches every member who could (not its maker).
  if (needsSecond) {
    const others = await reachableMemberIds(db, [createdBy]);
    await notify(
      db,
      others.map((m) => ({ member_id: m, kind: 'invite_to_second' as const, subject: id })),
    );
  }
  return { token, expiresAt, needsSecond, maxUses: opts.maxUses ?? 1 };
}

export type InviteState = 'live' | 'waiting' | 'used_up' | 'dead';

type InviteRow = {
  revoked_at: Date | null;
  expires_at: Date;
  uses: number;
  max_uses: number | null;
  seconded_at: Date | null;
  guarded_at: Date | null;
};

/** Whether a link admits someone now, by the network's agreement as it stands. */
export function stateOf(row: InviteRow | undefined, joinMode: JoinMode, now: Date): InviteState {
  if (!row || row.revoked_at || row.expires_at <= now) return 'dead';
  if (row.max_uses !== null && row.uses >= row.max_uses) return 'used_up';
  return !row.seconded_at && (joinMode === 'seconded' || row.guarded_at) ? 'waiting' : 'live';
}

const stateColumns = ['revoked_at', 'expires_at', 'uses', 'max_uses', 'seconded_at', 'guarded_at'] as const;

export async function inviteState(db: Q, token: string, joinMode: JoinMode, now: Date): Promise<InviteState> {
  if (!looksLikeToken(token)) return 'dead';
  const row = await db
    .selectFrom('invites')
    .select(stateColumns)
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return stateOf(row, joinMode, now);
}

/** Uses the link once, in the joining transaction (its row locked, so simultaneous joins are counted one by one). */
export async function useInvite(tx: Q, token: string, joinMode: JoinMode, now: Date): Promise<void> {
  const row = await tx
    .selectFrom('invites')
    .select(['id', ...stateColumns])
    .where('token_hash', '=', hashToken(token))
    .forUpdate()
    .executeTakeFirst();
  const state = stateOf(row, joinMode, now);
  if (state === 'waiting') throw errors.gone('invite_needs_second', 'error.inviteNeedsSecond');
  if (state === 'used_up') throw errors.gone('invite_used_up', 'error.inviteUsedUp');
  if (state !== 'live') throw errors.gone('invite_not_valid', 'error.inviteNotValid');
  await tx
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', row!.id)
    .execute();
}

/** A live link, not used up, that the members can still act on. */
const liveLinks = (db: Q, now: Date) =>
  db
    .selectFrom('invites')
    .leftJoin('members', 'members.id', 'invites.created_by')
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .where((eb) => eb.or([eb('invites.max_uses', 'is', null), eb('invites.uses', '<', eb.ref('invites.max_uses'))]));

export type WaitingInvite = { id: string; createdAt: Date; byName: string | null };

/** Links made by other members (or the host) that wait for a second. */
export async function invitesAwaitingSecond(
  db: Q,
  memberId: string,
  joinMode: JoinMode,
  now: Date,
): Promise<WaitingInvite[]> {
  let q = liveLinks(db, now)
    .select(['invites.id', 'invites.created_at', 'members.display_name'])
    .where('invites.seconded_at', 'is', null)
    .where((eb) => eb.or([eb('invites.created_by', 'is', null), eb('invites.created_by', '<>', memberId)]));
  if (joinMode !== 'seconded') q = q.where('invites.guarded_at', 'is not', null);
  const rows = await q.orderBy('invites.created_at', 'desc').limit(50).execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, byName: r.display_name }));
}

export async function secondInvite(
  db: Q,
  inviteId: string,
  memberId: string,
  joinMode: JoinMode,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set({ seconded_by: memberId, seconded_at: now })
    .where('id', '=', inviteId)
    .where('seconded_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('created_by', 'is', null), eb('created_by', '<>', memberId)]))
    .where((eb) => (joinMode === 'seconded' ? eb.lit(true) : eb('guarded_at', 'is not', null)))
    .executeTakeFirst();
  if (r.numUpdatedRows === 0n) return false;
  await settleNotifications(db, ['invite_to_second'], inviteId);
  return true;
}

export type MyInvite = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  uses: number;
  maxUses: number | null;
  waiting: boolean;
  endAsked: boolean;
};

/** The live links a member made, so they can see how many joined with each and end any of them. */
export async function invitesOf(db: Q, memberId: string, joinMode: JoinMode, now: Date): Promise<MyInvite[]> {
  const rows = await liveLinks(db, now)
    .select([
      'invites.id',
      'invites.created_at',
      'invites.expires_at',
      'invites.uses',
      'invites.max_uses',
      'invites.seconded_at',
      'invites.guarded_at',
      'invites.revoke_asked_by',
    ])
    .where('invites.created_by', '=', memberId)
    .orderBy('invites.created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    uses: r.uses,
    maxUses: r.max_uses,
    waiting: !r.seconded_at && (joinMode === 'seconded' || !!r.guarded_at),
    endAsked: !!r.revoke_asked_by,
  }));
}

export type EndRequest = { id: string; createdAt: Date; byName: string | null; askedByName: string | null };

/** Links another member asked to end: a second member ends them. */
export async function endRequests(db: Q, memberId: string, now: Date): Promise<EndRequest[]> {
  const rows = await liveLinks(db, now)
    .leftJoin('members as asker', 'asker.id', 'invites.revoke_asked_by')
    .select(['invites.id', 'invites.created_at', 'members.display_name', 'asker.display_name as asked_by_name'])
    .where('invites.revoke_asked_by', 'is not', null)
    .where('invites.revoke_asked_by', '<>', memberId)
    .orderBy('invites.revoke_asked_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, byName: r.display_name, askedByName: r.asked_by_name }));
}

/** Its maker ends a link at once. */
export async function endOwnInvite(db: Q, memberId: string, inviteId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set({ revoked_at: now, revoked_by: memberId })
    .where('id', '=', inviteId)
    .where('created_by', '=', memberId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export type EndOutcome = 'ended' | 'asked' | 'already_asked' | 'not_found';

/**
 * A member ends a link they have in hand (pasted, or read off a flyer): their own ends at once; anyone else's waits for a
 * second member, and ends when another member asks too.
 */
export async function endInviteByToken(db: Db, memberId: string, token: string, now: Date): Promise<EndOutcome> {
  if (!looksLikeToken(token)) return 'not_found';
  return db.transaction().execute(async (tx) => {
    const row = await liveLinks(tx, now)
      .select(['invites.id', 'invites.created_by', 'invites.revoke_asked_by'])
      .where('invites.token_hash', '=', hashToken(token))
      .forUpdate('invites')
      .executeTakeFirst();
    if (!row) return 'not_found';
    if (row.created_by === memberId || (row.revoke_asked_by && row.revoke_asked_by !== memberId)) {
      await tx.updateTable('invites').set({ revoked_at: now, revoked_by: memberId }).where('id', '=', row.id).execute();
      return 'ended';
    }
    if (row.revoke_asked_by === memberId) return 'already_asked';
    await tx
      .updateTable('invites')
      .set({ revoke_asked_by: memberId, revoke_asked_at: now })
      .where('id', '=', row.id)
      .execute();
    return 'asked';
  });
}

/** A second member confirms ending a link another asked to end. */
export async function confirmEndInvite(db: Q, memberId: string, inviteId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set({ revoked_at: now, revoked_by: memberId })
    .where('id', '=', inviteId)
    .where('revoked_at', 'is', null)
    .where('revoke_asked_by', 'is not', null)
    .where('revoke_asked_by', '<>', memberId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** After a removal, every live link waits for a fresh second: the removed member may hold any of them. */
export async function guardLiveInvites(tx: Q, now: Date): Promise<void> {
  await tx
    .updateTable('invites')
    .set({ guarded_at: now, seconded_at: null, seconded_by: null })
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

/** The token in a pasted link ("https://…/join/TOKEN") or the token alone. */
export function tokenFromLink(text: string): string {
  const trimmed = text.trim().slice(0, 2000);
  const i = trimmed.lastIndexOf('/join/');
  return (i >= 0 ? trimmed.slice(i + 6) : trimmed).split(/[?#\s]/)[0] ?? '';
}

export function inviteUrl(publicUrl: string, token: string) {
  return `${publicUrl}/join/${token}`;
}
