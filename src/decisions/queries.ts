// Reading proposals and ballots. Who could vote: every member not removed, except the subject of a removal.
import { sql, type Kysely } from 'kysely';
import type { Database, ProposalKind } from '../db/types.ts';
import type { Choice, Outcome, Process, Result, Rules } from './tally.ts';

type Q = Kysely<Database>;

export type SetAgreement = { type: 'set_agreement'; key: string; value: unknown };
/** What a proposal does when it passes: a change of agreement, or an action another domain declares (its `type`
 * names the DecisionAction that applies it; see web/domain.ts). */
export type Action = SetAgreement | { type: string; [field: string]: unknown } | null;

export type ProposalView = {
  id: string;
  kind: ProposalKind;
  title: string;
  body: string;
  process: Process;
  options: string[];
  rules: Rules;
  anonymous: boolean;
  action: Action;
  subjectMemberId: string | null;
  subjectMemberName: string | null;
  subjectPostId: string | null;
  /** A circle's own decision: only its members see it and vote. */
  circleId: string | null;
  openedBy: string | null;
  openedByName: string | null;
  openedAt: Date;
  closesAt: Date;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  result: Result | null;
  closedAt: Date | null;
  /** What was decided and what happens next, written once after closing (see migration 018). */
  statement: { text: string; byName: string | null; at: Date } | null;
  /** How often the opener extended it (twice at most). */
  extensions: number;
};

const proposalColumns = [
  'proposals.id',
  'proposals.kind',
  'proposals.title',
  'proposals.body',
  'proposals.process',
  'proposals.options',
  'proposals.rules',
  'proposals.anonymous',
  'proposals.action',
  'proposals.subject_member_id',
  'proposals.subject_post_id',
  'proposals.circle_id',
  'proposals.opened_by',
  'proposals.opened_at',
  'proposals.closes_at',
  'proposals.status',
  'proposals.outcome',
  'proposals.result',
  'proposals.closed_at',
  'proposals.outcome_statement',
  'proposals.outcome_statement_at',
  'proposals.extensions',
  'opener.display_name as opener_name',
  'subject.display_name as subject_name',
  'writer.display_name as writer_name',
] as const;

const selectProposals = (db: Q) =>
  db
    .selectFrom('proposals')
    .leftJoin('members as opener', 'opener.id', 'proposals.opened_by')
    .leftJoin('members as subject', 'subject.id', 'proposals.subject_member_id')
    .leftJoin('members as writer', 'writer.id', 'proposals.outcome_statement_by')
    .select(proposalColumns);

type Row = Awaited<ReturnType<ReturnType<typeof selectProposals>['executeTakeFirstOrThrow']>>;

function toView(r: Row): ProposalView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    process: r.process as Process,
    options: r.options as string[],
    rules: r.rules as Rules,
    anonymous: r.anonymous,
    action: (r.action as Action) ?? null,
    subjectMemberId: r.subject_member_id,
    subjectMemberName: r.subject_name,
    subjectPostId: r.subject_post_id,
    circleId: r.circle_id,
    openedBy: r.opened_by,
    openedByName: r.opener_name,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    status: r.status,
    outcome: r.outcome as Outcome | null,
    result: (r.result as Result | null) ?? null,
    closedAt: r.closed_at,
    statement:
      r.outcome_statement && r.outcome_statement_at
        ? { text: r.outcome_statement, byName: r.writer_name, at: r.outcome_statement_at }
        : null,
    extensions: r.extensions,
  };
}

export async function proposalById(db: Q, id: string): Promise<ProposalView | undefined> {
  const r = await selectProposals(db).where('proposals.id', '=', id).executeTakeFirst();
  return r ? toView(r) : undefined;
}

export type ProposalListItem = ProposalView & { voted: boolean; ballots: number };

/** Open proposals closing soonest first, then the most recently closed. */
/** Open proposals shown on one page of the list (those closing first come first). */
export const PROPOSALS_PAGE = 30;

export async function proposalList(
  db: Q,
  memberId: string,
  page = 1,
  closedLimit = 30,
): Promise<{ open: ProposalListItem[]; closed: ProposalListItem[]; more: boolean }> {
  const withCounts = selectProposals(db)
    .where((eb) =>
      eb.or([
        eb('proposals.circle_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('circle_members as cm')
            .select('cm.member_id')
            .whereRef('cm.circle_id', '=', 'proposals.circle_id')
            .where('cm.member_id', '=', memberId),
        ),
      ]),
    )
    .select((eb) => [
      eb
        .selectFrom('ballots')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('ballots.proposal_id', '=', 'proposals.id')
        .as('ballot_count'),
      eb
        .exists(
          eb
            .selectFrom('ballots')
            .select(sql`1`.as('one'))
            .whereRef('ballots.proposal_id', '=', 'proposals.id')
            .where('ballots.member_id', '=', memberId),
        )
        .as('voted'),
    ]);
  const [open, closed] = await Promise.all([
    withCounts
      .where('proposals.status', '=', 'open')
      .orderBy('proposals.closes_at')
      .orderBy('proposals.id')
      .limit(PROPOSALS_PAGE + 1)
      .offset((page - 1) * PROPOSALS_PAGE)
      .execute(),
    withCounts
      .where('proposals.status', '=', 'closed')
      .orderBy('proposals.closed_at', 'desc')
      .limit(closedLimit)
      .execute(),
  ]);
  const item = (r: (typeof open)[number]): ProposalListItem => ({
    ...toView(r),
    voted: !!r.voted,
    ballots: Number(r.ballot_count ?? 0),
  });
  return {
    open: open.slice(0, PROPOSALS_PAGE).map(item),
    closed: page === 1 ? closed.map(item) : [],
    more: open.length > PROPOSALS_PAGE,
  };
}

export type CommentView = { id: string; memberId: string; name: string; body: string; at: Date };

/** The most comments a proposal's page shows (the newest; a discussion is bounded by the daily limit anyway). */
export const COMMENTS_SHOWN = 500;

/** A proposal's discussion, oldest first (the newest COMMENTS_SHOWN of it). */
export async function commentsOf(db: Q, proposalId: string): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('proposal_comments as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .select(['c.id', 'c.member_id', 'm.display_name', 'c.body', 'c.created_at'])
    .where('c.proposal_id', '=', proposalId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(COMMENTS_SHOWN)
    .execute();
  return rows
    .reverse()
    .map((r) => ({ id: r.id, memberId: r.member_id, name: r.display_name, body: r.body, at: r.created_at }));
}

/** Who hears of a new comment: the opener, the member it is about, and everyone who has joined the talk. */
export async function discussionMembers(db: Q, p: ProposalView): Promise<string[]> {
  const rows = await db
    .selectFrom('proposal_comments')
    .select('member_id')
    .distinct()
    .where('proposal_id', '=', p.id)
    .execute();
  const ids = new Set([...rows.map((r) => r.member_id), p.openedBy, p.subjectMemberId]);
  ids.delete(null);
  return [...ids] as string[];
}

export type BallotView = { memberId: string; name: string; choice: Choice; reason: string | null; castAt: Date };

/**
 * Ballots that count: those of members who have not been removed. In order of casting, or by answer when ballots are
 * anonymous (so the order gives nobody away).
 */
export async function ballotsOf(db: Q, proposalId: string, anonymous = false): Promise<BallotView[]> {
  const rows = await db
    .selectFrom('ballots')
    .innerJoin('members', 'members.id', 'ballots.member_id')
    .select(['ballots.member_id', 'members.display_name', 'ballots.choice', 'ballots.reason', 'ballots.cast_at'])
    .where('ballots.proposal_id', '=', proposalId)
    .where('members.removed_at', 'is', null)
    .orderBy(anonymous ? sql`ballots.choice::text` : sql`ballots.cast_at`)
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    name: r.display_name,
    choice: r.choice as Choice,
    reason: r.reason,
    castAt: r.cast_at,
  }));
}

/** How long a member not seen still counts among those who could vote (agreement active_days; migration 019). */
export const ACTIVE_DAYS_START = 90;

/**
 * How many members could vote on a proposal: everyone not removed (less the subject of a removal; a circle's members
 * for its own), who has been seen within the agreed days (active_days) or joined within them — or who voted on it.
 * Members who never came back do not hold a quorum out of reach; they count again when they return or vote.
 */
export async function eligibleCount(
  db: Q,
  p: { id: string; subjectMemberId: string | null; circleId: string | null },
  now: Date,
): Promise<number> {
  const since = sql<Date>`${now}::timestamptz - agreement_number('active_days', ${ACTIVE_DAYS_START}) * interval '1 day'`;
  let q = db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('removed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('seen_on', '>=', sql<string>`(${since})::date`),
        // Someone another member brought in with a slip (members/slips.ts) counts once they have signed in (seen_on):
        // a slip handed over at a table and never used holds no quorum out of reach.
        eb.and([
          eb('joined_at', '>=', since),
          eb.not(
            eb.exists(
              eb
                .selectFrom('member_slips')
                .select(sql`1`.as('one'))
                .whereRef('member_slips.member_id', '=', 'members.id'),
            ),
          ),
        ]),
        eb.exists(
          eb
            .selectFrom('ballots')
            .select(sql`1`.as('one'))
            .whereRef('ballots.member_id', '=', 'members.id')
            .where('ballots.proposal_id', '=', p.id),
        ),
      ]),
    );
  if (p.subjectMemberId) q = q.where('id', '<>', p.subjectMemberId);
  if (p.circleId)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('circle_members').select('member_id').where('circle_id', '=', p.circleId!),
    );
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function dueProposalIds(db: Q, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('proposals')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .orderBy('closes_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Members who hear about a proposal: everyone not removed, or a circle's members for the circle's own decisions. */
export async function memberIds(
  db: Q,
  except: (string | null)[] = [],
  circleId: string | null = null,
): Promise<string[]> {
  let q = db.selectFrom('members').select('id').where('removed_at', 'is', null);
  if (circleId)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('circle_members').select('member_id').where('circle_id', '=', circleId),
    );
  const rows = await q.execute();
  return rows.map((r) => r.id).filter((id) => !except.includes(id));
}

/** The open proposal whose action has these fields, if any: asking twice for the same decision finds the first. */
export async function openProposalWith(db: Q, fields: Record<string, string>): Promise<string | undefined> {
  let q = db.selectFrom('proposals').select('id').where('status', '=', 'open');
  for (const [key, value] of Object.entries(fields)) q = q.where(sql<string>`action->>${key}`, '=', value);
  return (await q.executeTakeFirst())?.id;
}

/** Whether a member is in a circle: only they see and vote on its own decisions (and see its rounds). */
export async function inCircle(db: Q, circleId: string, memberId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('circle_members')
    .select('member_id')
    .where('circle_id', '=', circleId)
    .where('member_id', '=', memberId)
    .executeTakeFirst());
}

/** How proposals stand, by id, with what was decided once written (for a domain that links to proposals opened from
 * its pages). */
export async function proposalOutcomes(
  db: Q,
  ids: readonly string[],
): Promise<
  Map<string, { title: string; status: 'open' | 'closed'; outcome: Outcome | null; statement: string | null }>
> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'title', 'status', 'outcome', 'outcome_statement'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { title: r.title, status: r.status, outcome: r.outcome as Outcome | null, statement: r.outcome_statement },
    ]),
  );
}
