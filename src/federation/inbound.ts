// What other networks tell us, as the database keeps it: a request to become partners, their answer to ours, the end
// of a partnership, and what a partner shares (kept apart from our own posts). Fedify has checked who sent each
// activity (its HTTP signature) before any of this runs; what a network that is not a partner sends is dropped.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { notify } from '../notifications/index.ts';
import type { SharedPost } from './wire.ts';

type Db = Kysely<Database>;

/** Requests from networks our members have not answered, at most: past it, new ones are dropped until some are. */
export const MOST_WAITING_REQUESTS = 50;
/** What one partner has shared with us at once, at most: past it, more is dropped until some is taken back. */
export const MOST_FROM_A_PARTNER = 1_000;

export type RemoteNetwork = { actorUrl: string; inboxUrl: string; sharedInboxUrl: string | null; name: string };

/**
 * A network asks to be partners (its Follow). Returns the partner as it stands; if our members already decided to be
 * partners with it, the request is their side of the decision, and they are partners now. Null when it was dropped.
 */
export async function partnerAsked(db: Db, remote: RemoteNetwork, followId: string, now: Date) {
  return db.transaction().execute(async (tx) => {
    const known = await tx
      .selectFrom('partners')
      .selectAll()
      .where('actor_url', '=', remote.actorUrl)
      .forUpdate()
      .executeTakeFirst();
    if (!known) {
      const waiting = await tx
        .selectFrom('partners')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('we_agreed_at', 'is', null)
        .where('asked_at', 'is not', null)
        .executeTakeFirstOrThrow();
      if (Number(waiting.n) >= MOST_WAITING_REQUESTS) return null;
      return tx
        .insertInto('partners')
        .values({
          actor_url: remote.actorUrl,
          inbox_url: remote.inboxUrl,
          shared_inbox_url: remote.sharedInboxUrl,
          name: remote.name,
          their_follow_id: followId,
          asked_at: now,
          first_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return tx
      .updateTable('partners')
      .set({
        inbox_url: remote.inboxUrl,
        shared_inbox_url: remote.sharedInboxUrl,
        name: remote.name,
        their_follow_id: followId,
        asked_at: known.asked_at ?? now,
        they_agreed_at: known.we_agreed_at ? (known.they_agreed_at ?? now) : known.they_agreed_at,
        refused_at: null,
      })
      .where('id', '=', known.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** A network answered our request (Accept or Reject of our Follow); only the network we asked can answer it. */
export async function partnerAnswered(db: Db, actorUrl: string, followId: string, yes: boolean, now: Date) {
  const answered = await db
    .updateTable('partners')
    .set(yes ? { they_agreed_at: now, refused_at: null } : { they_agreed_at: null, refused_at: now })
    .where('our_follow_id', '=', followId)
    .where('actor_url', '=', actorUrl)
    .where('we_agreed_at', 'is not', null)
    .executeTakeFirst();
  return Number(answered.numUpdatedRows) > 0;
}

/** A network ends the partnership from its side (Undo of its Follow): what it shared with us is taken back, and our
 * request is not sent again by itself (it reads as their members' no). */
export async function partnerLeft(db: Db, actorUrl: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const left = await tx
      .updateTable('partners')
      .set({ they_agreed_at: null, their_follow_id: null, asked_at: null, refused_at: now })
      .where('actor_url', '=', actorUrl)
      .returning('id')
      .executeTakeFirst();
    if (left) await takenBackBothWays(tx, left.id, now);
  });
}

/** A partnership ended: what they shared disappears here, and what we shared is theirs no longer to show. */
export async function takenBackBothWays(tx: Transaction<Database>, partnerId: string, now: Date) {
  for (const table of ['partner_posts', 'posts_shared'] as const)
    await tx
      .updateTable(table)
      .set({ withdrawn_at: now })
      .where('partner_id', '=', partnerId)
      .where('withdrawn_at', 'is', null)
      .execute();
}

/** The partner an actor is, while both sides stand by the partnership. */
export async function activePartner(db: Db, actorUrl: string) {
  return db
    .selectFrom('partners')
    .selectAll()
    .where('actor_url', '=', actorUrl)
    .where('we_agreed_at', 'is not', null)
    .where('they_agreed_at', 'is not', null)
    .executeTakeFirst();
}

/**
 * A partner shares a need or an offer (or shares it again, changed). Kept only from a partner, only for an object on
 * the partner's own server, and only up to MOST_FROM_A_PARTNER at once. Says whether it was kept.
 */
export async function partnerShared(
  db: Db,
  actorUrl: string,
  post: Omit<SharedPost, 'published'>,
  now: Date,
): Promise<boolean> {
  const partner = await activePartner(db, actorUrl);
  if (!partner || new URL(post.id).origin !== new URL(actorUrl).origin) return false;
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('partners').select('id').where('id', '=', partner.id).forUpdate().execute();
    const live = await tx
      .selectFrom('partner_posts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('partner_id', '=', partner.id)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow();
    const values = { kind: post.kind, what: post.what, category: post.category, area: post.area };
    const existing = await tx
      .selectFrom('partner_posts')
      .select(['id', 'partner_id', 'withdrawn_at'])
      .where('object_url', '=', post.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.partner_id !== partner.id) return false;
      if (existing.withdrawn_at && Number(live.n) >= MOST_FROM_A_PARTNER) return false;
      await tx
        .updateTable('partner_posts')
        .set({ ...values, withdrawn_at: null })
        .where('id', '=', existing.id)
        .execute();
      return true;
    }
    if (Number(live.n) >= MOST_FROM_A_PARTNER) return false;
    await tx
      .insertInto('partner_posts')
      .values({ ...values, partner_id: partner.id, object_url: post.id, received_at: now })
      .execute();
    return true;
  });
}

/** A partner takes back what it shared (it was met, withdrawn, or no longer shared). */
export async function partnerWithdrew(db: Db, actorUrl: string, objectUrl: string, now: Date) {
  const partner = await db.selectFrom('partners').select('id').where('actor_url', '=', actorUrl).executeTakeFirst();
  if (!partner) return;
  await db
    .updateTable('partner_posts')
    .set({ withdrawn_at: now })
    .where('partner_id', '=', partner.id)
    .where('object_url', '=', objectUrl)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** Offers to help one need, at most, from all partners; messages in one thread, at most. */
export const MOST_HELPERS_A_NEED = 20;
export const MOST_MESSAGES_A_THREAD = 1_000;

export const threadPurpose = (threadId: string) => `partner-thread:${threadId}`;

/**
 * Someone at a partner network offers to help with one of our needs that was shared with that partner and is still
 * open: a thread starts, and the asker is told. Null when it was not kept (not a partner, not ours, closed, too many).
 */
export async function helpOffered(
  db: Db,
  actorUrl: string,
  offer: { id: string; name: string | null },
  postId: string,
  now: Date,
): Promise<string | null> {
  const partner = await activePartner(db, actorUrl);
  if (!partner || new URL(offer.id).origin !== new URL(actorUrl).origin) return null;
  return db.transaction().execute(async (tx) => {
    const post = await tx
      .selectFrom('posts as p')
      .innerJoin('posts_shared as s', 's.post_id', 'p.id')
      .select(['p.id', 'p.member_id'])
      .where('p.id', '=', postId)
      .where('p.kind', '=', 'need')
      .where('p.status', '=', 'open')
      .where('s.partner_id', '=', partner.id)
      .where('s.withdrawn_at', 'is', null)
      .forUpdate('p')
      .executeTakeFirst();
    if (!post) return null;
    const helpers = await tx
      .selectFrom('partner_threads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('post_id', '=', post.id)
      .executeTakeFirstOrThrow();
    if (Number(helpers.n) >= MOST_HELPERS_A_NEED) return null;
    const made = await tx
      .insertInto('partner_threads')
      .values({
        partner_id: partner.id,
        offer_id: offer.id,
        post_id: post.id,
        member_id: post.member_id,
        their_name: offer.name,
        started_at: now,
      })
      .onConflict((oc) => oc.column('offer_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!made) return null;
    await notify(tx, [{ member_id: post.member_id, kind: 'partner_help', subject: made.id }]);
    return made.id;
  });
}

/**
 * A message from the other side of a thread (a Note replying to the thread's offer), from the partner the thread is
 * with, while the thread is open: sealed and kept; our member is told. Says whether it was kept.
 */
export async function messageReceived(
  db: Db,
  keys: Keys,
  actorUrl: string,
  message: { activityId: string; offerId: string; text: string },
  now: Date,
): Promise<boolean> {
  const thread = await db
    .selectFrom('partner_threads as t')
    .innerJoin('partners as r', 'r.id', 't.partner_id')
    .select(['t.id', 't.member_id'])
    .where('t.offer_id', '=', message.offerId)
    .where('r.actor_url', '=', actorUrl)
    .where('r.we_agreed_at', 'is not', null)
    .where('r.they_agreed_at', 'is not', null)
    .where('t.ended_at', 'is', null)
    .executeTakeFirst();
  const text = message.text.trim().slice(0, 4000);
  if (!thread || !text) return false;
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('partner_threads').select('id').where('id', '=', thread.id).forUpdate().execute();
    const count = await tx
      .selectFrom('partner_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('thread_id', '=', thread.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MOST_MESSAGES_A_THREAD) return false;
    const kept = await tx
      .insertInto('partner_messages')
      .values({
        thread_id: thread.id,
        from_us: false,
        body_enc: encrypt(keys, threadPurpose(thread.id), text),
        activity_id: message.activityId,
        sent_at: now,
      })
      .onConflict((oc) => oc.column('activity_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (kept) await notify(tx, [{ member_id: thread.member_id, kind: 'partner_message', subject: thread.id }]);
    return !!kept;
  });
}
