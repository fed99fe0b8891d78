// Writes for decisions: opening a proposal, voting, and closing — where the result is computed and, if the proposal
// passed, its action applied in the same transaction. The database refuses a second close and any agreement change
// a passed proposal did not carry, so "exactly once" holds whatever runs twice.
import { sql, type Kysely, type Transaction } from 'kysely';
import { errors } from '../web/errors.ts';
import type { Db } from '../db/connect.ts';
import type { Database, ProposalKind } from '../db/types.ts';
import { notify, notifySelected, notifyUnlessUnread } from '../notifications/index.ts';
import { applyOutcome } from './actions.ts';
import {
  ballotsOf,
  discussionMembers,
  dueProposalIds,
  eligibleCount,
  memberIds,
  openProposalWith,
  proposalById,
  type Action,
  type ProposalView,
} from './queries.ts';
import type { ProposalInput } from './schema.ts';
import { valueInForce } from '../web/agreement.ts';
import { agreementsInForce } from '../agreements/index.ts';
import type { Registry } from '../web/domain.ts';
import type { FieldErrors } from '../web/forms.ts';
import { standardRules, tally, type Choice, type Result } from './tally.ts';

type Tx = Transaction<Database>;

export type Opening = Omit<ProposalInput, 'action'> & {
  action: Action;
  kind?: ProposalKind;
  subjectMemberId?: string | null;
  subjectPostId?: string | null;
  circleId?: string | null;
};

/** How a member chose to decide a proposal that carries a domain's action (the action forms' decisionFields). */
export type Proposing = { process: 'consent' | 'consensus' | 'majority'; closesInHours: number };

/** A proposal whose passing does one thing a domain declares (become partners, import a sheet): the usual rules of
 * the process chosen, names shown, its reasons as the body. */
export async function proposeAction(
  db: Kysely<Database>,
  openedBy: string,
  a: { kind: ProposalKind; title: string; why: string; action: Action },
  p: Proposing,
  now: Date,
): Promise<string> {
  return openProposal(
    db,
    openedBy,
    {
      kind: a.kind,
      title: a.title,
      body: a.why,
      process: p.process,
      options: [],
      closesInHours: p.closesInHours,
      rules: standardRules(p.process),
      anonymous: false,
      action: a.action,
    },
    now,
  );
}

/** Opens a proposal and tells every member (the opener knows already). Runs inside the caller's transaction if given one. */
export async function openProposal(
  db: Kysely<Database>,
  openedBy: string | null,
  p: Opening,
  now: Date,
): Promise<string> {
  const run = async (tx: Kysely<Database>) => {
    const row = await tx
      .insertInto('proposals')
      .values({
        kind: p.kind ?? (p.action ? 'agreement' : 'general'),
        title: p.title,
        body: p.body,
        process: p.process,
        options: JSON.stringify(p.options),
        rules: JSON.stringify(p.rules),
        anonymous: p.anonymous,
        action: p.action ? JSON.stringify(p.action) : null,
        subject_member_id: p.subjectMemberId ?? null,
        subject_post_id: p.subjectPostId ?? null,
        circle_id: p.circleId ?? null,
        opened_by: openedBy,
        opened_at: now,
        closes_at: new Date(now.getTime() + p.closesInHours * 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const everyone = await memberIds(tx, [openedBy], p.circleId ?? null);
    await notify(
      tx,
      everyone.map((m) => ({ member_id: m, kind: 'proposal_opened' as const, subject: row.id })),
    );
    return row.id;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Casts or changes a member's ballot. The database refuses it once the proposal has closed. */
export async function castBallot(
  db: Db,
  proposal: ProposalView,
  memberId: string,
  choice: Choice,
  reason: string | null,
  now: Date,
) {
  await db
    .insertInto('ballots')
    .values({ proposal_id: proposal.id, member_id: memberId, choice: JSON.stringify(choice), reason, cast_at: now })
    .onConflict((oc) =>
      oc.columns(['proposal_id', 'member_id']).doUpdateSet({ choice: JSON.stringify(choice), reason, cast_at: now }),
    )
    .execute();
}

/** One way only: once ballots are anonymous, no one sees who voted how, and it cannot be undone. */
export async function makeAnonymous(db: Db, proposal: ProposalView) {
  await db.updateTable('proposals').set({ anonymous: true }).where('id', '=', proposal.id).execute();
}

/** The result so far (or at closing): the tally of the ballots that count, against who could vote now. */
export async function currentResult(db: Kysely<Database>, p: ProposalView, now: Date): Promise<Result> {
  const [ballots, eligible] = await Promise.all([ballotsOf(db, p.id, p.anonymous), eligibleCount(db, p, now)]);
  return tally({
    process: p.process,
    options: p.options,
    rules: p.rules,
    ballots: ballots.map((b) => b.choice),
    eligible,
  });
}

/**
 * Closes one proposal inside the given transaction: locks it, and if it is still open and due, records the result and
 * applies its action. Returns false if someone else closed it first.
 */
export async function closeProposal(
  tx: Tx,
  registry: Registry,
  id: string,
  now: Date,
  opts: { early?: boolean } = {},
): Promise<boolean> {
  let lock = tx.selectFrom('proposals').select('id').where('id', '=', id).where('status', '=', 'open');
  if (!opts.early) lock = lock.where('closes_at', '<=', now);
  if (!(await lock.forUpdate().executeTakeFirst())) return false;
  const proposal = (await proposalById(tx, id))!;
  const result = await currentResult(tx, proposal, now);
  // Early only once everyone who could vote has (nobody to vote is not everyone).
  if (opts.early && (result.eligible === 0 || result.participated < result.eligible)) return false;
  await tx
    .updateTable('proposals')
    .set({ status: 'closed', outcome: result.outcome, result: JSON.stringify(result), closed_at: now })
    .where('id', '=', id)
    .execute();
  await applyOutcome(tx, registry, { ...proposal, outcome: result.outcome, result }, now);
  const everyone = await memberIds(tx, [], proposal.circleId);
  await notify(
    tx,
    everyone.map((m) => ({ member_id: m, kind: 'proposal_closed' as const, subject: id })),
  );
  return true;
}

/**
 * Closes a proposal before its time once everyone who could vote has voted: nobody is left to hear from, so waiting
 * only delays what was decided. Called after each ballot; the lock makes two last ballots close it once.
 */
export async function closeIfEveryoneVoted(db: Db, registry: Registry, id: string, now: Date): Promise<boolean> {
  return db.transaction().execute((tx) => closeProposal(tx, registry, id, now, { early: true }));
}

/** Closes every proposal whose time has come. Safe to run twice at once, and after a crash part-way through. */
export async function closeDueProposals(db: Db, registry: Registry, now: Date): Promise<number> {
  let closed = 0;
  for (const id of await dueProposalIds(db, now)) {
    if (await db.transaction().execute((tx) => closeProposal(tx, registry, id, now))) closed++;
  }
  return closed;
}

/**
 * Members who have not voted on a proposal closing within a day hear about it once (only for proposals open longer
 * than a day: shorter ones were just announced). One statement; the unique index makes "once" hold.
 */
export async function remindClosingSoon(db: Db, now: Date): Promise<void> {
  const soon = new Date(now.getTime() + 24 * 3_600_000);
  await notifySelected(
    db,
    sql`select m.id, 'proposal_closing', p.id::text
    from proposals p join members m on m.removed_at is null and m.id is distinct from p.subject_member_id
    where p.status = 'open' and p.closes_at <= ${soon} and p.closes_at - p.opened_at > interval '24 hours'
      and not exists (select 1 from ballots b where b.proposal_id = p.id and b.member_id = m.id)
      and (p.circle_id is null or exists (select 1 from circle_members c where c.circle_id = p.circle_id and c.member_id = m.id))`,
  );
}

/** What the form alone cannot tell: a proposal that could not take effect as the network stands. */
export async function proposalProblems(
  db: Kysely<Database>,
  registry: Registry,
  p: ProposalInput,
): Promise<FieldErrors | null> {
  const a = p.action;
  const def = a?.type === 'set_agreement' ? registry.agreement(a.key) : undefined;
  if (!a || !def) return null;
  // Proposing what already stands changes nothing, so nothing can be in its way.
  const stored = (await agreementsInForce(db)).find((row) => row.key === a.key)?.value;
  if (JSON.stringify(a.value) === JSON.stringify(valueInForce(def, stored))) return null;
  const why = await registry.agreementFixed(db, a.key);
  return why ? { agreement_value: why } : null;
}

/**
 * Opens a proposal once. The check before opening cannot see a twin opened by a simultaneous request; the database's
 * unique index refuses the second, and the one that won is the answer (migration 010).
 */
export async function openOnce(db: Db, same: Record<string, string>, open: () => Promise<string>): Promise<string> {
  try {
    return await open();
  } catch (e) {
    if ((e as { code?: unknown })?.code === '23505') {
      const id = await openProposalWith(db, same);
      if (id) return id;
    }
    throw e;
  }
}

/** A second member seconds a proposal that needs one (a removal): it takes effect from then. */
export async function markSeconded(tx: Kysely<Database>, id: string, by: string, now: Date) {
  await tx.updateTable('proposals').set({ seconded_by: by, seconded_at: now }).where('id', '=', id).execute();
}

/** Seconds the open removal of `memberId` that nobody has seconded, unless `by` opened it. Its id, or undefined. */
export async function secondOpenRemoval(tx: Kysely<Database>, memberId: string, by: string, now: Date) {
  return tx
    .updateTable('proposals')
    .set({ seconded_by: by, seconded_at: now })
    .where('kind', '=', 'remove_member')
    .where('subject_member_id', '=', memberId)
    .where('status', '=', 'open')
    .where('seconded_at', 'is', null)
    .where((eb) => eb.or([eb('opened_by', 'is', null), eb('opened_by', '<>', by)]))
    .returning('id')
    .executeTakeFirst();
}

/** Adds a member's comment to a proposal's discussion and tells those in the talk who have not yet looked. */
export async function addComment(db: Db, p: ProposalView, memberId: string, body: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('proposal_comments')
      .values({ proposal_id: p.id, member_id: memberId, body, created_at: now })
      .execute();
    const told = (await discussionMembers(tx, p)).filter((m) => m !== memberId);
    await notifyUnlessUnread(
      tx,
      told.map((m) => ({ member_id: m, kind: 'proposal_comment' as const, subject: p.id })),
    );
  });
}

/** The opener (or anyone, when nobody opened it) writes, once, what was decided and what happens next. */
export async function writeStatement(db: Db, p: ProposalView, memberId: string, text: string, now: Date) {
  const written = await db
    .updateTable('proposals')
    .set({ outcome_statement: text, outcome_statement_by: memberId, outcome_statement_at: now })
    .where('id', '=', p.id)
    .where('outcome_statement', 'is', null)
    .executeTakeFirst();
  // Written once: whoever came second is told, and their text is shown back to them (routes.ts orAgain).
  if (Number(written.numUpdatedRows) !== 1) throw errors.conflict('statement_written', 'error.statementWritten');
}

/** How much longer a proposal may be open, in hours; the database holds the limits (twice, four weeks from opening). */
export const EXTEND_BY_HOURS = [24, 72, 168] as const;
export const MAX_EXTENSIONS = 2;
export const MAX_OPEN_DAYS = 28;

/** Whether a proposal could be extended by so many hours, as the database will judge it. */
export const extensionFits = (p: ProposalView, hours: number) =>
  p.extensions < MAX_EXTENSIONS &&
  p.closesAt.getTime() + hours * 3_600_000 <= p.openedAt.getTime() + MAX_OPEN_DAYS * 86_400_000;

/** The opener gives a proposal more time before it closes; members who have not voted yet hear of it. */
export async function extendProposal(db: Db, p: ProposalView, hours: number, now: Date) {
  await db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('proposals')
      .set({
        closes_at: new Date(p.closesAt.getTime() + hours * 3_600_000),
        extensions: p.extensions + 1,
      })
      .where('id', '=', p.id)
      .where('extensions', '=', p.extensions)
      .where('status', '=', 'open')
      .where('closes_at', '>', now)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return;
    const voted = new Set((await ballotsOf(tx, p.id)).map((b) => b.memberId));
    const waiting = (await memberIds(tx, [p.openedBy, p.subjectMemberId], p.circleId)).filter((m) => !voted.has(m));
    await notify(
      tx,
      waiting.map((m) => ({ member_id: m, kind: 'proposal_extended' as const, subject: p.id })),
    );
  });
}
