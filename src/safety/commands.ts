// Safety without bosses: members flag, two members together pause, and removal is the members' consent decision.
import { hidePost } from '../exchange/index.ts';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database, SafetyReason } from '../db/types.ts';
import type { Network } from '../web/context.ts';
import { markSeconded, openProposal, secondOpenRemoval } from '../decisions/index.ts';
import { standardRules } from '../decisions/index.ts';
import { errors, fromDatabaseError } from '../web/errors.ts';
import { logSafety } from './log.ts';
import { notify, settleNotifications } from '../notifications/index.ts';
import { reachableMemberIds } from '../members/index.ts';

export const PAUSE_HOURS = 24;
/** Nobody is removed by silence: a fifth of the members who could vote must take part. */
export const REMOVAL_QUORUM_PERCENT = 20;

export type FlagTarget = { post: string } | { message: string } | { member: string };

/** Records a flag (once per member and target). A post flagged by the agreed number of members is hidden for review. */
export async function flag(db: Db, by: string, target: FlagTarget, reason: SafetyReason, network: Network, now: Date) {
  await db.transaction().execute(async (tx) => {
    const added = await tx
      .insertInto('flags')
      .values({
        flagged_by: by,
        reason,
        created_at: now,
        post_id: 'post' in target ? target.post : null,
        message_id: 'message' in target ? target.message : null,
        member_id: 'member' in target ? target.member : null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) return; // Already flagged by this member: nothing new to record.
    const act = 'post' in target ? 'flag_post' : 'message' in target ? 'flag_message' : 'flag_member';
    await logSafety(tx, {
      act,
      at: now,
      reason,
      post_id: 'post' in target ? target.post : null,
      member_id: 'member' in target ? target.member : null,
    });
    if ('post' in target) await hideIfFlaggedEnough(tx, target.post, network, now);
  });
}

async function hideIfFlaggedEnough(tx: Kysely<Database>, postId: string, network: Network, now: Date) {
  const { n } = await tx
    .selectFrom('flags')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow();
  if (Number(n) < network.flagThreshold) return;
  if (!(await hidePost(tx, postId, now))) return;
  const proposalId = await openProposal(
    tx,
    null,
    {
      kind: 'remove_post',
      subjectPostId: postId,
      title: 'Remove a flagged post',
      body: '',
      process: 'consent',
      options: [],
      closesInHours: network.removalHours,
      rules: standardRules('consent'),
      anonymous: false,
      action: null,
    },
    now,
  );
  await logSafety(tx, { act: 'post_hidden', at: now, post_id: postId, proposal_id: proposalId });
}

/** One member asks to pause another's posting; it starts only when a second member confirms. */
export async function askPause(db: Db, askedBy: string, memberId: string, reason: SafetyReason, now: Date) {
  await liftLapsedPauses(db, now);
  try {
    await askPauseOnce(db, askedBy, memberId, reason, now);
  } catch (e) {
    // A simultaneous ask won: one live pause per member (migration 010).
    if ((e as { code?: unknown })?.code === '23505') throw errors.conflict('pause_exists', 'error.pauseExists');
    throw e;
  }
}

async function askPauseOnce(db: Db, askedBy: string, memberId: string, reason: SafetyReason, now: Date) {
  await db.transaction().execute(async (tx) => {
    const dayAgo = new Date(now.getTime() - PAUSE_HOURS * 3_600_000);
    // An ask nobody confirmed within its day has ended.
    await tx
      .updateTable('pauses')
      .set({ lifted_at: now })
      .where('member_id', '=', memberId)
      .where('confirmed_by', 'is', null)
      .where('lifted_at', 'is', null)
      .where('asked_at', '<=', dayAgo)
      .execute();
    const existing = await tx
      .selectFrom('pauses')
      .select('id')
      .where('member_id', '=', memberId)
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('starts_at', 'is not', null), eb('asked_at', '>', dayAgo)]))
      .executeTakeFirst();
    if (existing) throw errors.conflict('pause_exists', 'error.pauseExists');
    await tx.insertInto('pauses').values({ member_id: memberId, asked_by: askedBy, reason, asked_at: now }).execute();
    await logSafety(tx, { act: 'pause_asked', at: now, actor_ids: [askedBy], member_id: memberId, reason });
    await tellSecondMembers(tx, 'pause_asked', [askedBy], memberId);
  });
}

/** A second member confirms: posting and writing stop for 24 hours (longer only while a removal proposal is open). */
export async function confirmPause(db: Db, confirmedBy: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const dayAgo = new Date(now.getTime() - PAUSE_HOURS * 3_600_000);
    const pause = await tx
      .updateTable('pauses')
      .set({ confirmed_by: confirmedBy, starts_at: now, ends_at: new Date(now.getTime() + PAUSE_HOURS * 3_600_000) })
      .where('member_id', '=', memberId)
      .where('confirmed_by', 'is', null)
      .where('lifted_at', 'is', null)
      .where('asked_at', '>', dayAgo)
      .where('asked_by', '<>', confirmedBy)
      .returning(['asked_by', 'reason'])
      .executeTakeFirst();
    if (!pause) throw errors.conflict('no_pause_to_confirm', 'error.noPauseToConfirm');
    await settleNotifications(tx, ['pause_asked'], memberId);
    await logSafety(tx, {
      act: 'pause_started',
      at: now,
      actor_ids: [pause.asked_by ?? confirmedBy, confirmedBy].filter(Boolean),
      member_id: memberId,
      reason: pause.reason,
    });
  });
}

/** Pauses whose 24 hours are up end, unless a removal proposal about the member is still open. */
export async function liftLapsedPauses(db: Kysely<Database>, now: Date, memberId?: string) {
  let q = db
    .updateTable('pauses')
    .set({ lifted_at: now })
    .where('lifted_at', 'is', null)
    .where('starts_at', 'is not', null)
    .where('ends_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('proposals')
            .select('proposals.id')
            .whereRef('proposals.subject_member_id', '=', 'pauses.member_id')
            .where('proposals.status', '=', 'open')
            .where('proposals.seconded_at', 'is not', null),
        ),
      ),
    );
  if (memberId) q = q.where('member_id', '=', memberId);
  await q.execute();
}

/**
 * Opens the consent decision to remove a member; its subject's posts are hidden only once a second member seconds it.
 * Within the agreed days after one about the same member did not pass, each member's ask is kept, and the decision opens
 * (seconded already) when the agreed number of members have asked. Returns the proposal, or how many have asked.
 */
export async function openRemoval(
  db: Db,
  openedBy: string,
  memberId: string,
  reason: SafetyReason,
  note: string,
  network: Network,
  now: Date,
): Promise<{ id?: string; asked?: number }> {
  try {
    return await db.transaction().execute(async (tx) => {
      // Asks about one member are counted one after another.
      await tx.selectFrom('members').select('id').where('id', '=', memberId).forUpdate().executeTakeFirst();
      const since = new Date(now.getTime() - network.removalRepeatDays * 86_400_000);
      const failed = await tx
        .selectFrom('proposals')
        .select('closed_at')
        .where('kind', '=', 'remove_member')
        .where('subject_member_id', '=', memberId)
        .where('status', '=', 'closed')
        .where('outcome', '<>', 'passed')
        .where('closed_at', '>', since)
        .orderBy('closed_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      // Asks from before the last decision (or from long ago) have had their answer.
      await tx
        .deleteFrom('removal_asks')
        .where('subject_member_id', '=', memberId)
        .where('asked_at', '<', failed?.closed_at ?? now)
        .execute();
      let seconder: string | null = null;
      if (failed) {
        await tx
          .insertInto('removal_asks')
          .values({ subject_member_id: memberId, asked_by: openedBy, asked_at: now })
          .onConflict((oc) => oc.columns(['subject_member_id', 'asked_by']).doUpdateSet({ asked_at: now }))
          .execute();
        await logSafety(tx, { act: 'removal_asked', at: now, actor_ids: [openedBy], member_id: memberId, reason });
        const askers = (
          await tx.selectFrom('removal_asks').select('asked_by').where('subject_member_id', '=', memberId).execute()
        ).map((r) => r.asked_by);
        if (askers.length < network.removalRepeatMembers) return { asked: askers.length };
        seconder = askers.find((a) => a !== openedBy) ?? null;
        await tx.deleteFrom('removal_asks').where('subject_member_id', '=', memberId).execute();
      }
      const id = await openProposal(
        tx,
        openedBy,
        {
          kind: 'remove_member',
          subjectMemberId: memberId,
          title: 'Remove a member',
          body: note,
          process: 'consent',
          options: [],
          closesInHours: network.removalHours,
          rules: standardRules('consent', REMOVAL_QUORUM_PERCENT),
          anonymous: false,
          action: null,
        },
        now,
      );
      await logSafety(tx, {
        act: 'removal_opened',
        at: now,
        actor_ids: [openedBy],
        member_id: memberId,
        proposal_id: id,
        reason,
      });
      if (!seconder) await tellSecondMembers(tx, 'removal_to_second', [openedBy], memberId);
      if (seconder) {
        await markSeconded(tx, id, seconder, now);
        await logSafety(tx, {
          act: 'removal_seconded',
          at: now,
          actor_ids: [seconder],
          member_id: memberId,
          proposal_id: id,
        });
      }
      return { id };
    });
  } catch (e) {
    if (fromDatabaseError(e)?.code === 'already_taken') throw errors.conflict('removal_open', 'error.removalOpen');
    throw e;
  }
}

/** A second member seconds an open removal: from now its subject's posts are hidden and any pause holds until it closes. */
export async function secondRemoval(db: Db, by: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const r = await secondOpenRemoval(tx, memberId, by, now);
    if (!r) throw errors.conflict('nothing_to_second', 'error.nothingToSecond');
    await settleNotifications(tx, ['removal_to_second'], memberId);
    await logSafety(tx, { act: 'removal_seconded', at: now, actor_ids: [by], member_id: memberId, proposal_id: r.id });
  });
}

/** Every member who could be the second (not who asked, not the member it is about) hears that it waits for one. */
async function tellSecondMembers(
  tx: Kysely<Database>,
  kind: 'pause_asked' | 'removal_to_second',
  askers: string[],
  memberId: string,
) {
  const to = await reachableMemberIds(tx, [memberId, ...askers]);
  await notify(
    tx,
    to.map((id) => ({ member_id: id, kind, subject: memberId })),
  );
}
