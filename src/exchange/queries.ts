// All SQL that reads needs, offers, matches and threads.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { MatchStatus, PostKind, PostStatus, Urgency } from '../db/types.ts';
import { decrypt, type Keys } from '../security/crypto.ts';
import type { BoardFilter } from './schema.ts';
import type { Candidate } from './matching.ts';
import { searchConfigs } from '../web/i18n/index.ts';
import { searchWords } from './matching.ts';

export type PostView = {
  id: string;
  kind: PostKind;
  memberId: string;
  memberName: string;
  what: string;
  category: string;
  area: string;
  urgency: Urgency;
  neededBy: string | null;
  availableUntil: string | null;
  capacity: string | null;
  /** An offer: how many needs it can take at once. */
  takes: number;
  status: PostStatus;
  createdAt: Date;
  /** Hidden from others while members review it (flags, or a removal proposal about its author). */
  hidden: boolean;
  detailsExpired: boolean;
  /** The open proposal reviewing the post while it is hidden (read for one post only: postById). */
  review?: string | null;
};

/**
 * A post is hidden while flagged past the agreed number, or while its author is under a removal proposal that a second
 * member has seconded (one member alone cannot hide another's posts).
 */
const hiddenExpr = sql<boolean>`(posts.hidden_at is not null or members.removed_at is not null
  or exists (select 1 from proposals r where r.subject_member_id = posts.member_id and r.status = 'open' and r.seconded_at is not null))`;
const visible = sql<boolean>`not ${hiddenExpr}`;

const urgencyOrder = sql<number>`case posts.urgency when 'urgent' then 0 when 'soon' then 1 else 2 end`;

function postColumns() {
  return [
    'posts.id',
    'posts.kind',
    'posts.member_id',
    'members.display_name',
    'posts.what',
    'posts.category',
    'posts.area',
    'posts.urgency',
    'posts.needed_by',
    'posts.available_until',
    'posts.capacity',
    'posts.takes',
    'posts.status',
    'posts.created_at',
    hiddenExpr.as('hidden'),
    sql<boolean>`posts.details_expired_at is not null`.as('details_expired'),
  ] as const;
}

type PostRow = {
  id: string;
  kind: PostKind;
  member_id: string;
  display_name: string;
  what: string;
  category: string;
  area: string;
  urgency: Urgency;
  needed_by: string | null;
  available_until: string | null;
  capacity: string | null;
  takes: number | null;
  status: PostStatus;
  created_at: Date;
  hidden: boolean;
  details_expired: boolean;
};

function toView(r: PostRow): PostView {
  return {
    id: r.id,
    kind: r.kind,
    memberId: r.member_id,
    memberName: r.display_name,
    what: r.what,
    category: r.category,
    area: r.area,
    urgency: r.urgency,
    neededBy: r.needed_by,
    availableUntil: r.available_until,
    capacity: r.capacity,
    takes: r.takes ?? 1,
    status: r.status,
    createdAt: r.created_at,
    hidden: r.hidden,
    detailsExpired: r.details_expired,
  };
}

/** How many posts a page of the board shows: enough to scan, small enough for a cheap phone on a slow network. */
export const BOARD_PAGE = 50;

/** Open posts every member can see, with their author. */
const openPosts = (db: Db) =>
  db
    .selectFrom('posts')
    .innerJoin('members', 'members.id', 'posts.member_id')
    .select(postColumns())
    .where('posts.status', '=', 'open')
    .where(visible);

/**
 * Open needs and offers, urgent first, then those waiting longest. In crisis mode needs lead, and among them the
 * urgent ones and those needed soonest.
 */
export async function boardPosts(db: Db, f: BoardFilter, limit = BOARD_PAGE, crisis = false): Promise<PostView[]> {
  let q = openPosts(db);
  if (f.kind) q = q.where('posts.kind', '=', f.kind);
  if (f.category) q = q.where('posts.category', '=', f.category);
  if (f.area) q = q.where('posts.area', '=', f.area);
  if (f.urgency) q = q.where('posts.urgency', '=', f.urgency);
  if (crisis)
    q = q
      .orderBy(sql`posts.kind = 'need'`, 'desc')
      .orderBy(urgencyOrder)
      .orderBy(sql`posts.needed_by asc nulls last`);
  else q = q.orderBy(urgencyOrder);
  const rows = await q
    .orderBy('posts.created_at', 'asc')
    .orderBy('posts.id')
    .limit(limit)
    .offset(((f.page ?? 1) - 1) * BOARD_PAGE)
    .execute();
  return rows.map(toView);
}

export type DispatchablePost = PostView & { room: number };

/**
 * What the dispatcher works with: open posts of one kind that every member can see. Offers only from members not on
 * a break, with the room each has left (what it can take, less the matches it holds).
 */
export async function dispatchable(db: Db, kind: PostKind, limit = 2000): Promise<DispatchablePost[]> {
  const held = sql<number>`(select count(*)::int from matches m where m.status = 'active' and (m.offer_id = posts.id or m.via_offer_id = posts.id))`;
  let q = openPosts(db).select(held.as('held')).where('posts.kind', '=', kind);
  if (kind === 'offer') q = q.where('members.on_break_since', 'is', null);
  const rows = await q.orderBy(urgencyOrder).orderBy('posts.created_at').limit(limit).execute();
  return rows
    .map((r) => ({ ...toView(r), room: kind === 'offer' ? (r.takes ?? 1) - Number(r.held) : 1 }))
    .filter((p) => p.room > 0);
}

/** For each area, the share of needs posted in the last fortnight that were matched or met (for fairness). */
export async function areaMetRates(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('posts')
    .select(['area', sql<number>`avg(case when status in ('matched', 'met') then 1.0 else 0 end)::float8`.as('rate')])
    .where('kind', '=', 'need')
    .where('created_at', '>', new Date(now.getTime() - 14 * 86_400_000))
    .where('status', '<>', 'withdrawn')
    .groupBy('area')
    .execute();
  return new Map(rows.map((r) => [r.area, Number(r.rate)]));
}

/**
 * One post, with the open proposal that reviews it while it is hidden: a review of the post (three flags), or the
 * seconded removal of its author. Members decide on it, so they may read what they decide on (policy.seePost).
 */
export async function postById(db: Db, id: string): Promise<PostView | undefined> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('members', 'members.id', 'posts.member_id')
    .select(postColumns())
    .select(
      sql<string | null>`(select r.id from proposals r where r.status = 'open'
        and ((r.kind = 'remove_post' and r.subject_post_id = posts.id)
          or (r.kind = 'remove_member' and r.subject_member_id = posts.member_id and r.seconded_at is not null))
        order by r.opened_at limit 1)`.as('review'),
    )
    .where('posts.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toView(row), review: row.review } : undefined;
}

export async function postsOf(db: Db, memberId: string): Promise<PostView[]> {
  const rows = await db
    .selectFrom('posts')
    .innerJoin('members', 'members.id', 'posts.member_id')
    .select(postColumns())
    .where('posts.member_id', '=', memberId)
    .orderBy(sql`case posts.status when 'open' then 0 when 'matched' then 1 else 2 end`)
    .orderBy('posts.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toView);
}

/**
 * Before posting, in one statement: whether the member is paused, and their newest open needs in the category (the
 * duplicate check compares within a category; fifty bounds what a member with many open needs makes a post cost).
 */
export async function postingState(db: Db, memberId: string, category: string) {
  const { rows } = await sql<{ paused: boolean; id: string | null; what: string | null; category: string | null }>`
    select member_paused(${memberId}::uuid) as paused, n.id, n.what, n.category
    from (values (1)) as one left join lateral (
      select id, what, category from posts
      where member_id = ${memberId} and kind = 'need' and status = 'open' and category = ${category}
      order by created_at desc limit 50) as n on true`.execute(db);
  return {
    paused: rows[0]?.paused === true,
    openNeeds: rows.flatMap((r) => (r.id ? [{ id: r.id, what: r.what!, category: r.category! }] : [])),
  };
}

/** Newest open post time, so a page can tell whether the board changed since it was drawn. */
export async function boardStamp(db: Db): Promise<{ count: number; newest: Date | null }> {
  const row = await db
    .selectFrom('posts')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('updated_at').as('newest')])
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), newest: row.newest ? new Date(row.newest) : null };
}

export type CandidateView = PostView & Candidate;

/**
 * Open posts of the other kind that share the category or any word with the text, for ranking by matching.ts.
 * Words are compared in each post's own language configuration; any shared word counts (OR query).
 */
export async function candidatesFor(
  db: Db,
  want: {
    kind: PostKind;
    what: string;
    category?: string | undefined;
    excludeMember?: string | undefined;
    /** Only the words typed, without synonyms (the matching benchmark's baseline). */
    plain?: boolean;
  },
  limit = 100,
): Promise<CandidateView[]> {
  const other: PostKind = want.kind === 'need' ? 'offer' : 'need';
  // The words as a query in each language configuration, built once here rather than once per row below.
  const built = await sql<{ cfg: string; query: string | null }>`select c as cfg,
    nullif(replace(plainto_tsquery(c::regconfig, ${searchWords(want.what, { plain: want.plain })})::text, '&', '|'), '') as query
    from unnest(${sql.val(searchConfigs)}::text[]) as c`.execute(db);
  const cases = built.rows
    .filter((r) => r.query !== null)
    .map((r) => sql`when ${r.cfg}::regconfig then ${r.query}::tsquery`);
  const query = cases.length ? sql`(case posts.search_config ${sql.join(cases, sql` `)} end)` : sql`null::tsquery`;
  const rank = sql<number>`coalesce(ts_rank(posts.search, ${query}), 0)`;
  let q = openPosts(db)
    .select(rank.as('text_rank'))
    .where('posts.kind', '=', other)
    // A member taking a break is not suggested (and so not asked) until they are back.
    .where('members.on_break_since', 'is', null)
    .where((eb) =>
      eb.or([
        ...(want.category ? [eb('posts.category', '=', want.category)] : []),
        eb(sql`coalesce(posts.search @@ ${query}, false)`, '=', true),
      ]),
    );
  if (want.excludeMember) q = q.where('posts.member_id', '<>', want.excludeMember);
  const rows = await q.orderBy(rank, 'desc').orderBy('posts.created_at').orderBy('posts.id').limit(limit).execute();
  return rows.map((r) => ({
    ...toView(r),
    textRank: Number(r.text_rank),
    date: other === 'need' ? r.needed_by : r.available_until,
  }));
}

export type MatchView = {
  id: string;
  status: MatchStatus;
  postId: string;
  postKind: PostKind;
  postWhat: string;
  helperId: string;
  helperName: string;
  askerId: string;
  askerName: string;
  createdAt: Date;
  endedAt: Date | null;
};

function matchQuery(db: Db) {
  return db
    .selectFrom('matches')
    .innerJoin('posts', (j) => j.on(sql<boolean>`posts.id = coalesce(matches.need_id, matches.offer_id)`))
    .innerJoin('members as helper', 'helper.id', 'matches.helper_id')
    .innerJoin('members as asker', 'asker.id', 'matches.asker_id')
    .select([
      'matches.id',
      'matches.status',
      'posts.id as post_id',
      'posts.kind',
      'posts.what',
      'matches.helper_id',
      'helper.display_name as helper_name',
      'matches.asker_id',
      'asker.display_name as asker_name',
      'matches.created_at',
      'matches.ended_at',
    ]);
}

type MatchRow = {
  id: string;
  status: MatchStatus;
  post_id: string;
  kind: PostKind;
  what: string;
  helper_id: string;
  helper_name: string;
  asker_id: string;
  asker_name: string;
  created_at: Date;
  ended_at: Date | null;
};

function toMatchView(r: MatchRow): MatchView {
  return {
    id: r.id,
    status: r.status,
    postId: r.post_id,
    postKind: r.kind,
    postWhat: r.what,
    helperId: r.helper_id,
    helperName: r.helper_name,
    askerId: r.asker_id,
    askerName: r.asker_name,
    createdAt: r.created_at,
    endedAt: r.ended_at,
  };
}

export async function matchById(db: Db, id: string): Promise<MatchView | undefined> {
  const row = await matchQuery(db).where('matches.id', '=', id).executeTakeFirst();
  return row ? toMatchView(row) : undefined;
}

export async function matchesOf(db: Db, memberId: string): Promise<MatchView[]> {
  const rows = await matchQuery(db)
    .where((eb) => eb.or([eb('matches.helper_id', '=', memberId), eb('matches.asker_id', '=', memberId)]))
    .orderBy(sql`case matches.status when 'active' then 0 else 1 end`)
    .orderBy('matches.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toMatchView);
}

export async function activeMatchesForPost(db: Db, postId: string): Promise<MatchView[]> {
  const rows = await matchQuery(db)
    .where((eb) => eb.or([eb('matches.need_id', '=', postId), eb('matches.offer_id', '=', postId)]))
    .where('matches.status', '=', 'active')
    .execute();
  return rows.map(toMatchView);
}

export type MessageView = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
};

export const messagePurpose = (matchId: string) => `message:${matchId}`;

export async function threadMessages(db: Db, keys: Keys, matchId: string): Promise<MessageView[]> {
  const rows = await db
    .selectFrom('messages')
    .leftJoin('members', 'members.id', 'messages.author_id')
    .select(['messages.id', 'messages.author_id', 'members.display_name', 'messages.body_enc', 'messages.created_at'])
    .where('messages.match_id', '=', matchId)
    .orderBy('messages.created_at')
    .orderBy('messages.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    authorName: r.display_name,
    body: decrypt(keys, messagePurpose(matchId), r.body_enc),
    createdAt: r.created_at,
  }));
}

/**
 * Whether the member is paused now, as the database decides it (member_paused, in the safety migrations): the
 * database refuses what a paused member sends anyway; asking first lets the page say so beside what they typed.
 */
export async function pausedNow(db: Db, memberId: string): Promise<boolean> {
  const { rows } = await sql<{ paused: boolean }>`select member_paused(${memberId}::uuid) as paused`.execute(db);
  return rows[0]?.paused === true;
}

/** The latest `count` messages others wrote in a thread, oldest first: what a member who reads by text is sent
 * (texts/: one for each unread notification of a message). */
export async function lastMessagesFromOthers(db: Db, keys: Keys, matchId: string, memberId: string, count: number) {
  const rows = await db
    .selectFrom('messages')
    .leftJoin('members', 'members.id', 'messages.author_id')
    .select(['members.display_name', 'messages.body_enc', 'messages.created_at'])
    .where('messages.match_id', '=', matchId)
    .where('messages.author_id', 'is distinct from', memberId)
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(count)
    .execute();
  return rows.reverse().map((r) => ({
    authorName: r.display_name,
    body: decrypt(keys, messagePurpose(matchId), r.body_enc),
    createdAt: r.created_at,
  }));
}

/** The member's active match with the latest word in it (a message, or its start): where a text from them goes. */
export async function liveMatchOf(db: Db, memberId: string): Promise<MatchView | undefined> {
  const row = await matchQuery(db)
    .where((eb) => eb.or([eb('matches.helper_id', '=', memberId), eb('matches.asker_id', '=', memberId)]))
    .where('matches.status', '=', 'active')
    .orderBy(
      sql`greatest(matches.created_at, (select max(created_at) from messages where match_id = matches.id))`,
      'desc',
    )
    .limit(1)
    .executeTakeFirst();
  return row ? toMatchView(row) : undefined;
}

/** Whether the member has a need still open or matched (asked, not yet met). */
export async function hasOpenNeed(db: Db, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('member_id', '=', memberId)
    .where('kind', '=', 'need')
    .where('status', 'in', ['open', 'matched'])
    .executeTakeFirst();
  return row !== undefined;
}
