// Reading the safety log, a member's page, and the state of any pause.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database, SafetyAct, SafetyReason } from '../db/types.ts';

export type LogLine = {
  id: string;
  at: Date;
  act: SafetyAct;
  actorNames: string[];
  memberId: string | null;
  memberName: string | null;
  postId: string | null;
  proposalId: string | null;
  reason: SafetyReason | null;
};

export async function safetyLog(db: Db, limit = 300): Promise<LogLine[]> {
  const rows = await db
    .selectFrom('safety_log')
    .leftJoin('members', 'members.id', 'safety_log.member_id')
    .select([
      'safety_log.id',
      'safety_log.at',
      'safety_log.act',
      'safety_log.member_id',
      'members.display_name',
      'safety_log.post_id',
      'safety_log.proposal_id',
      'safety_log.reason',
      sql<
        string[]
      >`array(select m.display_name from members m where m.id = any(safety_log.actor_ids) order by m.display_name)`.as(
        'actor_names',
      ),
    ])
    .orderBy('safety_log.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    act: r.act,
    actorNames: r.actor_names ?? [],
    memberId: r.member_id,
    memberName: r.display_name,
    postId: r.post_id,
    proposalId: r.proposal_id,
    reason: r.reason,
  }));
}

export type MemberProfile = { id: string; name: string; joinedAt: Date; removed: boolean };

export async function memberProfile(db: Db, id: string): Promise<MemberProfile | undefined> {
  const r = await db
    .selectFrom('members')
    .select(['id', 'display_name', 'joined_at', 'removed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, name: r.display_name, joinedAt: r.joined_at, removed: r.removed_at !== null };
}

export type PauseState = {
  asked: { askedBy: string | null; askedByName: string | null; reason: SafetyReason } | null;
  active: { endsAt: Date } | null;
  removal: { id: string; openedBy: string | null; seconded: boolean } | null;
};

/** A pause waiting for a second member, one in force, and any open removal proposal, for one member. */
export async function pauseState(db: Db, memberId: string, now: Date): Promise<PauseState> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const [asked, active, removal] = await Promise.all([
    db
      .selectFrom('pauses')
      .leftJoin('members', 'members.id', 'pauses.asked_by')
      .select(['pauses.asked_by', 'members.display_name', 'pauses.reason'])
      .where('pauses.member_id', '=', memberId)
      .where('pauses.confirmed_by', 'is', null)
      .where('pauses.lifted_at', 'is', null)
      .where('pauses.asked_at', '>', dayAgo)
      .executeTakeFirst(),
    db
      .selectFrom('pauses')
      .select('ends_at')
      .where('member_id', '=', memberId)
      .where('starts_at', 'is not', null)
      .where('lifted_at', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('proposals')
      .select(['id', 'opened_by', 'seconded_at'])
      .where('subject_member_id', '=', memberId)
      .where('status', '=', 'open')
      .executeTakeFirst(),
  ]);
  return {
    asked: asked ? { askedBy: asked.asked_by, askedByName: asked.display_name, reason: asked.reason } : null,
    active: active?.ends_at ? { endsAt: active.ends_at } : null,
    removal: removal ? { id: removal.id, openedBy: removal.opened_by, seconded: removal.seconded_at !== null } : null,
  };
}

/** A message with the two members of its thread, for flagging. */
export async function messageForFlag(db: Db, id: string) {
  const r = await db
    .selectFrom('messages')
    .innerJoin('matches', 'matches.id', 'messages.match_id')
    .select(['messages.id', 'messages.author_id', 'matches.id as match_id', 'matches.helper_id', 'matches.asker_id'])
    .where('messages.id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, authorId: r.author_id, matchId: r.match_id, helperId: r.helper_id, askerId: r.asker_id };
}

/**
 * Pauses asked since `dayAgo` and removals nobody seconded that this member may act on (not theirs, not about them).
 */
export async function waitingForSecond(db: Kysely<Database>, memberId: string, dayAgo: Date) {
  const [pauses, removals] = await Promise.all([
    db
      .selectFrom('pauses')
      .innerJoin('members as m', 'm.id', 'pauses.member_id')
      .select(['pauses.member_id', 'pauses.asked_at', 'm.display_name'])
      .where('pauses.confirmed_by', 'is', null)
      .where('pauses.lifted_at', 'is', null)
      .where('pauses.asked_at', '>', dayAgo)
      .where('pauses.member_id', '<>', memberId)
      .where((eb) => eb.or([eb('pauses.asked_by', 'is', null), eb('pauses.asked_by', '<>', memberId)]))
      .where('m.removed_at', 'is', null)
      .execute(),
    db
      .selectFrom('proposals')
      .innerJoin('members as m', 'm.id', 'proposals.subject_member_id')
      .select(['proposals.subject_member_id', 'proposals.opened_at', 'proposals.closes_at', 'm.display_name'])
      .where('proposals.kind', '=', 'remove_member')
      .where('proposals.status', '=', 'open')
      .where('proposals.seconded_at', 'is', null)
      .where('proposals.subject_member_id', '<>', memberId)
      .where((eb) => eb.or([eb('proposals.opened_by', 'is', null), eb('proposals.opened_by', '<>', memberId)]))
      .execute(),
  ]);
  return { pauses, removals };
}
