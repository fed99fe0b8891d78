// Someone brought in by another member (issue 18, migration 021): a person without a phone, at a hotline, a door or a
// distribution table, becomes a member under any name they give — no questions, as with an invite — and is handed a
// printed slip with their own recovery code. With it they follow what was posted for them (the slip page, without
// signing in) and, on any phone or computer, sign in as themselves (the code is then spent, and they make their next
// way back). Where joining takes a second member (join_mode 'seconded'), the slip signs nobody in until a member other
// than the one who brought them seconds it; every member who could is told, and it is listed as waiting for them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Keys } from '../security/crypto.ts';
import { notify, settleNotifications } from '../notifications/index.ts';
import { createMember } from './commands.ts';
import { reachableMemberIds } from './queries.ts';
import { codeHash, makeRecoveryCode, RECOVERY_CODE_LENGTH } from './ways-back.ts';

export type BroughtIn = { memberId: string; code: string; needsSecond: boolean };

/**
 * A new member brought in by `madeBy`, with their recovery code (grouped, shown once: the slip). Run inside the
 * transaction that also posts what they asked for. The daily limit (daily_invites) and a pause are the database's.
 */
export async function bringSomeoneIn(
  tx: Kysely<Database>,
  keys: Keys,
  p: { displayName: string; language: string; madeBy: string; needsSecond: boolean; now: Date },
): Promise<BroughtIn> {
  const memberId = await createMember(tx, keys, { displayName: p.displayName, language: p.language });
  await tx
    .insertInto('member_slips')
    .values({ member_id: memberId, made_by: p.madeBy, made_at: p.now, needs_second: p.needsSecond })
    .execute();
  const code = await makeRecoveryCode(tx, keys, memberId);
  if (p.needsSecond) {
    const others = await reachableMemberIds(tx, [p.madeBy, memberId]);
    await notify(
      tx,
      others.map((m) => ({ member_id: m, kind: 'slip_to_second' as const, subject: memberId })),
    );
  }
  return { memberId, code, needsSecond: p.needsSecond };
}

/** Whose slip a code is — any member's recovery code not spent, of a member not removed — without spending it. */
export async function slipHolder(
  db: Kysely<Database>,
  keys: Keys,
  code: string,
): Promise<{ id: string; name: string } | null> {
  if (code.length !== RECOVERY_CODE_LENGTH) return null;
  const row = await db
    .selectFrom('recovery_codes')
    .innerJoin('members', 'members.id', 'recovery_codes.member_id')
    .select(['members.id', 'members.display_name as name'])
    .where('recovery_codes.code_hash', '=', codeHash(keys, code))
    .where('members.removed_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether the member's slip still waits for a second member (then it signs nobody in). */
export async function slipWaits(db: Kysely<Database>, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('member_slips')
    .select('member_id')
    .where('member_id', '=', memberId)
    .where('needs_second', '=', true)
    .where('seconded_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Slips waiting for a second member that this member may second (not their own, not one they brought). */
export async function slipsAwaitingSecond(db: Kysely<Database>, viewerId: string) {
  return db
    .selectFrom('member_slips')
    .innerJoin('members as m', 'm.id', 'member_slips.member_id')
    .innerJoin('members as maker', 'maker.id', 'member_slips.made_by')
    .select(['m.id', 'm.display_name as member', 'maker.display_name as maker', 'member_slips.made_at as madeAt'])
    .where('member_slips.needs_second', '=', true)
    .where('member_slips.seconded_at', 'is', null)
    .where('m.removed_at', 'is', null)
    .where('member_slips.member_id', '!=', viewerId)
    .where('member_slips.made_by', '!=', viewerId)
    .orderBy('member_slips.made_at')
    .limit(50)
    .execute();
}

/** A second member seconds a slip; false when it is not one they may second (or it no longer waits). */
export async function secondSlip(db: Kysely<Database>, memberId: string, viewerId: string, now: Date) {
  const done = await db
    .updateTable('member_slips')
    .set({ seconded_by: viewerId, seconded_at: now })
    .where('member_id', '=', memberId)
    .where('needs_second', '=', true)
    .where('seconded_at', 'is', null)
    .where('member_id', '!=', viewerId)
    .where('made_by', '!=', viewerId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await settleNotifications(db, ['slip_to_second'], memberId);
  return true;
}
