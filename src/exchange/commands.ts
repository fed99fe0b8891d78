// Writes for needs, offers and matches. Each runs in one transaction; the database's constraints and triggers
// (one active match per need, a need follows its match) hold whatever happens here.
import type { Db } from '../db/connect.ts';
import type { Insertable, Kysely } from 'kysely';
import type { Database, PostKind } from '../db/types.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { errors, fromDatabaseError } from '../web/errors.ts';
import { searchConfig } from '../web/i18n/index.ts';
import { notify, settleNotifications, type NewNotification } from '../notifications/index.ts';
import type { NotificationKind } from '../web/domain.ts';
import { messagePurpose, type MatchView, type PostView } from './queries.ts';
import type { PostInput } from './schema.ts';
import { bringSomeoneIn, type BroughtIn } from '../members/index.ts';

function postValues(input: PostInput) {
  return {
    what: input.what,
    category: input.category,
    area: input.area,
    urgency: input.urgency,
    needed_by: input.needed_by ?? null,
    available_until: input.available_until ?? null,
    capacity: input.capacity ?? null,
    takes: input.takes ?? null,
  };
}

/**
 * Posts a need or offer. A need is also queued for matching: members whose open offers fit are told just after
 * (match-queue.ts), so the member posting does not wait for the search.
 */
export async function createPost(
  db: Db,
  memberId: string,
  language: string,
  input: PostInput,
  now: Date,
): Promise<string> {
  const values = { kind: input.kind, member_id: memberId, search_config: searchConfig(language), ...postValues(input) };
  if (input.kind !== 'need')
    return (await db.insertInto('posts').values(values).returning('id').executeTakeFirstOrThrow()).id;
  // One statement (its own transaction): the need and its place in the matching queue.
  const row = await db
    .with('posted', (w) => w.insertInto('posts').values(values).returning('id'))
    .with('queued', (w) =>
      w
        .insertInto('match_queue')
        .columns(['post_id', 'queued_at'])
        .expression((eb) => eb.selectFrom('posted').select(['posted.id', eb.val(now).as('queued_at')])),
    )
    .selectFrom('posted')
    .select('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A need asked for someone without a phone (members' bringSomeoneIn): in one transaction the person becomes a member
 * and the need's asker. Returns them with their slip's code.
 */
export async function askForSomeone(
  db: Db,
  keys: Keys,
  a: {
    person: { displayName: string; language: string };
    need: PostInput;
    madeBy: string;
    needsSecond: boolean;
    now: Date;
  },
): Promise<BroughtIn> {
  return db.transaction().execute(async (tx) => {
    const brought = await bringSomeoneIn(tx, keys, {
      ...a.person,
      madeBy: a.madeBy,
      needsSecond: a.needsSecond,
      now: a.now,
    });
    await createPost(tx, brought.memberId, a.person.language, a.need, a.now);
    return brought;
  });
}

export async function updatePost(db: Db, post: PostView, input: PostInput, now: Date) {
  const updated = await db
    .updateTable('posts')
    .set({ ...postValues(input), updated_at: now })
    .where('id', '=', post.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw errors.conflict('not_open', 'error.notOpen');
}

export async function withdrawPost(db: Db, post: PostView, now: Date) {
  const updated = await db
    .updateTable('posts')
    .set({ status: 'withdrawn', updated_at: now, closed_at: now })
    .where('id', '=', post.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw errors.conflict('not_open', 'error.notOpen');
  await settleNotifications(db, FIT_NEWS, post.id);
}

/** "A new need may fit your offer" and its twin: news that no longer holds once the post is gone or taken. */
const FIT_NEWS: NotificationKind[] = ['matching_need', 'matching_offer'];

/**
 * "I can help" on a need, or "I'd like this" on an offer: opens a match and its private thread.
 * Two people pressing at once: the database lets exactly one through; the other gets 409 already_taken.
 */
export async function openMatch(db: Db, memberId: string, post: PostView): Promise<string> {
  if (post.memberId === memberId) throw errors.conflict('own_post', 'error.ownPost');
  const isNeed = post.kind === 'need';
  return claim(db, post, {
    match: {
      need_id: isNeed ? post.id : null,
      offer_id: isNeed ? null : post.id,
      helper_id: isNeed ? memberId : post.memberId,
      asker_id: isNeed ? post.memberId : memberId,
    },
    tell: (id) => [{ member_id: post.memberId, kind: isNeed ? 'claimed' : 'requested', subject: id }],
  });
}

/**
 * A dispatcher sends a need to an offer: the same claim as "I can help", made for the member who offered. It never
 * overrides a claim a member made first (409 already_taken), and never gives an offer more than it can take.
 */
export async function dispatchMatch(
  db: Db,
  dispatcherId: string,
  need: PostView,
  offer: PostView,
  now: Date,
): Promise<string> {
  if (need.memberId === offer.memberId) throw errors.conflict('own_post', 'error.ownPost');
  return claim(db, need, {
    match: {
      need_id: need.id,
      offer_id: null,
      helper_id: offer.memberId,
      asker_id: need.memberId,
      via_offer_id: offer.id,
      dispatched_by: dispatcherId,
      created_at: now,
    },
    tell: (id) => [
      { member_id: need.memberId, kind: 'claimed', subject: id },
      { member_id: offer.memberId, kind: 'dispatched', subject: id },
    ],
  });
}

type NewMatch = Insertable<Database['matches']>;

/** The one race-safe claim: the match and its notices in one transaction; the database decides who was first. */
async function claim(
  db: Db,
  post: PostView,
  c: { match: NewMatch; tell: (matchId: string) => NewNotification[] },
): Promise<string> {
  try {
    return await db.transaction().execute(async (tx) => {
      const match = await tx.insertInto('matches').values(c.match).returning('id').executeTakeFirstOrThrow();
      await notify(tx, c.tell(match.id));
      return match.id;
    });
  } catch (e) {
    const known = fromDatabaseError(e);
    if (known?.code === 'already_taken') {
      throw errors.conflict('already_taken', post.kind === 'need' ? 'error.needTaken' : 'error.alreadyAsked');
    }
    throw known ?? e;
  }
}

const otherSide = (m: MatchView, memberId: string) => (m.helperId === memberId ? m.askerId : m.helperId);

/** Either side can step back; a need goes back to open (the trigger sees to it). */
export async function releaseMatch(db: Db, memberId: string, match: MatchView, now: Date) {
  await endMatch(db, memberId, match, 'released', now);
}

/** The member who asked says the need was met. */
export async function markMet(db: Db, memberId: string, match: MatchView, now: Date) {
  await endMatch(db, memberId, match, 'met', now);
}

async function endMatch(db: Db, memberId: string, match: MatchView, status: 'released' | 'met', now: Date) {
  await db.transaction().execute(async (tx) => {
    const ended = await tx
      .updateTable('matches')
      .set({ status, ended_at: now, ended_by: memberId })
      .where('id', '=', match.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (ended.numUpdatedRows === 0n) throw errors.conflict('already_ended', 'error.alreadyEnded');
    await notify(tx, [{ member_id: otherSide(match, memberId), kind: status, subject: match.id }]);
  });
}

export async function sendMessage(db: Db, keys: Keys, memberId: string, match: MatchView, body: string) {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('messages')
      .values({ match_id: match.id, author_id: memberId, body_enc: encrypt(keys, messagePurpose(match.id), body) })
      .execute();
    await notify(tx, [{ member_id: otherSide(match, memberId), kind: 'message', subject: match.id }]);
  });
}

/** Needs past their needed-by date expire; offers past available-until close. Returns how many changed. */
export async function expirePosts(db: Db, today: string, now: Date) {
  const moves: [PostKind, 'expired' | 'closed', 'needed_by' | 'available_until'][] = [
    ['need', 'expired', 'needed_by'],
    ['offer', 'closed', 'available_until'],
  ];
  let changed = 0;
  for (const [kind, status, column] of moves) {
    const ended = await db
      .updateTable('posts')
      .set({ status, updated_at: now, closed_at: now })
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .where(column, '<', today)
      .returning('id')
      .execute();
    await settleNotifications(
      db,
      FIT_NEWS,
      ended.map((p) => p.id),
    );
    changed += ended.length;
  }
  return changed;
}

/** A post removed by the members' decision: its matches are released and it is withdrawn. */
/** A removed member's part in the exchange ends: their active matches are released and their open posts withdrawn. */
export async function withdrawAllOf(tx: Kysely<Database>, memberId: string, now: Date) {
  await tx
    .updateTable('matches')
    .set({ status: 'released', ended_at: now })
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('helper_id', '=', memberId), eb('asker_id', '=', memberId)]))
    .execute();
  const ended = await tx
    .updateTable('posts')
    .set({ status: 'withdrawn', updated_at: now, closed_at: now })
    .where('member_id', '=', memberId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  await settleNotifications(
    tx,
    FIT_NEWS,
    ended.map((p) => p.id),
  );
}

/** A post members flagged enough: hidden until the review closes. False when it was hidden already. */
export async function hidePost(tx: Kysely<Database>, postId: string, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('posts')
    .set({ hidden_at: now })
    .where('id', '=', postId)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function removePost(tx: Kysely<Database>, postId: string, now: Date) {
  await tx
    .updateTable('matches')
    .set({ status: 'released', ended_at: now })
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('need_id', '=', postId), eb('offer_id', '=', postId)]))
    .execute();
  await tx
    .updateTable('posts')
    .set({ status: 'withdrawn', updated_at: now, closed_at: now })
    .where('id', '=', postId)
    .where('status', 'in', ['open', 'matched'])
    .execute();
  await settleNotifications(tx, FIT_NEWS, postId);
}

/** A post hidden while members decided about it is shown again (the review did not pass). */
export async function restorePost(tx: Kysely<Database>, postId: string) {
  await tx.updateTable('posts').set({ hidden_at: null }).where('id', '=', postId).execute();
}
