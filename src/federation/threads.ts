// "I can help" across two networks (issue 22): a member here offers to help with a need a partner shared, and the
// two people talk in a thread each network relays — an Offer of an Agreement starts it (FEP-0837), each message is a
// Note replying to that offer, sent by one network's Group actor to the other's. Neither server learns more of the
// other person than the name they chose to show; the words are sealed at rest on both.
import type { Kysely } from 'kysely';
import { Create, Note } from '@fedify/fedify';
import type { Database } from '../db/types.ts';
import type { Deps } from '../web/context.ts';
import { decrypt, encrypt } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { ACTOR, HelpOffer, activityId, contextOf, recipientOf } from './actor.ts';
import { MOST_MESSAGES_A_THREAD, threadPurpose } from './inbound.ts';
import { offerToHelp } from './wire.ts';

type Db = Kysely<Database>;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * A member offers to help with a partner's need: the thread starts here and the offer goes to the partner, whose
 * asker is told. Offering twice opens the same thread. Returns the thread's id.
 */
export async function offerHelp(
  deps: Deps,
  member: { id: string; name: string },
  partnerPostId: string,
  showName: boolean,
  now: Date,
): Promise<string> {
  const post = await deps.db
    .selectFrom('partner_posts as s')
    .innerJoin('partners as r', 'r.id', 's.partner_id')
    .select(['s.id', 's.object_url', 'r.id as partner_id', 'r.actor_url', 'r.inbox_url', 'r.shared_inbox_url'])
    .where('s.id', '=', partnerPostId)
    .where('s.kind', '=', 'need')
    .where('s.withdrawn_at', 'is', null)
    .where('r.we_agreed_at', 'is not', null)
    .where('r.they_agreed_at', 'is not', null)
    .executeTakeFirst();
  if (!post) throw errors.notFound();
  const known = await deps.db
    .selectFrom('partner_threads')
    .select('id')
    .where('partner_post_id', '=', post.id)
    .where('member_id', '=', member.id)
    .executeTakeFirst();
  if (known) return known.id;
  const ctx = contextOf(deps);
  const me = ctx.getActorUri(ACTOR);
  const offerId = activityId(ctx, 'offer');
  const made = await deps.db
    .insertInto('partner_threads')
    .values({
      partner_id: post.partner_id,
      offer_id: offerId.href,
      partner_post_id: post.id,
      member_id: member.id,
      started_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['partner_post_id', 'member_id']).where('partner_post_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!made)
    return (
      await deps.db
        .selectFrom('partner_threads')
        .select('id')
        .where('partner_post_id', '=', post.id)
        .where('member_id', '=', member.id)
        .executeTakeFirstOrThrow()
    ).id;
  await ctx.sendActivity(
    { identifier: ACTOR },
    recipientOf(post),
    new HelpOffer(
      { id: offerId, actor: me, to: new URL(post.actor_url) },
      offerToHelp({
        id: offerId.href,
        actor: me.href,
        to: post.actor_url,
        proposal: post.object_url,
        name: showName ? member.name.slice(0, 60) : null,
      }),
    ),
    { fanout: 'skip' },
  );
  return made.id;
}

export type ThreadView = {
  id: string;
  partner: string;
  theirName: string | null;
  /** The need the thread is about: ours (we asked) or the partner's (we help). */
  ours: boolean;
  what: string;
  area: string;
  postId: string | null;
  open: boolean;
  startedAt: Date;
};

const threadRows = (db: Db) =>
  db
    .selectFrom('partner_threads as t')
    .innerJoin('partners as r', 'r.id', 't.partner_id')
    .leftJoin('posts as p', 'p.id', 't.post_id')
    .leftJoin('partner_posts as s', 's.id', 't.partner_post_id')
    .select([
      't.id',
      't.member_id',
      't.offer_id',
      't.their_name',
      't.started_at',
      't.ended_at',
      't.post_id',
      'r.name as partner',
      'r.actor_url',
      'r.inbox_url',
      'r.shared_inbox_url',
      'r.we_agreed_at',
      'r.they_agreed_at',
      'p.what as our_what',
      'p.area as our_area',
      'p.status as our_status',
      's.what as their_what',
      's.area as their_area',
      's.withdrawn_at as their_withdrawn_at',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof threadRows>['executeTakeFirstOrThrow']>>;

const viewOf = (r: Row): ThreadView => ({
  id: r.id,
  partner: r.partner,
  theirName: r.their_name,
  ours: r.post_id !== null,
  what: r.our_what ?? r.their_what ?? '',
  area: r.our_area ?? r.their_area ?? '',
  postId: r.post_id,
  open:
    r.ended_at === null &&
    r.we_agreed_at !== null &&
    r.they_agreed_at !== null &&
    (r.post_id !== null ? r.our_status === 'open' : r.their_withdrawn_at === null),
  startedAt: r.started_at,
});

/** A member's threads with partner networks, newest first. */
export async function threadsOf(db: Db, memberId: string): Promise<ThreadView[]> {
  const rows = await threadRows(db)
    .where('t.member_id', '=', memberId)
    .orderBy('t.started_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(viewOf);
}

export type ThreadMessage = { fromUs: boolean; body: string; sentAt: Date };

/** A thread as its member reads it, with its messages opened; null when it is not theirs. */
export async function threadFor(deps: Deps, threadId: string, memberId: string) {
  const row = await threadRows(deps.db).where('t.id', '=', threadId).executeTakeFirst();
  if (!row || row.member_id !== memberId) return null;
  const messages = await deps.db
    .selectFrom('partner_messages')
    .select(['from_us', 'body_enc', 'sent_at'])
    .where('thread_id', '=', threadId)
    .orderBy('sent_at')
    .limit(MOST_MESSAGES_A_THREAD)
    .execute();
  return {
    thread: viewOf(row),
    row,
    messages: messages.map((m): ThreadMessage => ({
      fromUs: m.from_us,
      body: decrypt(deps.keys, threadPurpose(threadId), m.body_enc),
      sentAt: m.sent_at,
    })),
  };
}

/** Our member writes in a thread: sealed here, and relayed to the partner, whose member is told. */
export async function writeInThread(deps: Deps, threadId: string, memberId: string, body: string, now: Date) {
  const found = await threadFor(deps, threadId, memberId);
  if (!found) throw errors.notFound();
  if (!found.thread.open) throw errors.conflict('thread_closed', 'partner.threadClosed');
  if (found.messages.length >= MOST_MESSAGES_A_THREAD) throw errors.tooMany();
  const ctx = contextOf(deps);
  const me = ctx.getActorUri(ACTOR);
  const noteId = activityId(ctx, 'message');
  await deps.db
    .insertInto('partner_messages')
    .values({
      thread_id: threadId,
      from_us: true,
      body_enc: encrypt(deps.keys, threadPurpose(threadId), body),
      activity_id: noteId.href,
      sent_at: now,
    })
    .execute();
  const to = new URL(found.row.actor_url);
  await ctx.sendActivity(
    { identifier: ACTOR },
    recipientOf(found.row),
    new Create({
      id: new URL(`${noteId.href}/create`),
      actor: me,
      to,
      object: new Note({
        id: noteId,
        attribution: me,
        to,
        replyTarget: new URL(found.row.offer_id),
        content: `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>`,
      }),
    }),
    { fanout: 'skip' },
  );
}
