// Crisis mode's calls: one member asks, a second confirms (the emergency pause's pattern), for 48 hours.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import type { Network } from '../web/context.ts';
import { errors } from '../web/errors.ts';
import { reachableMemberIds } from '../members/index.ts';
import { notify, settleNotifications } from '../notifications/index.ts';
import { CRISIS_HOURS, crisisState, hours } from './queries.ts';

/** One member calls crisis mode; it starts only when a second member confirms. */
export async function askCrisis(db: Db, memberId: string, network: Network, now: Date) {
  await db.transaction().execute(async (tx) => {
    await lockCalls(tx);
    const state = await crisisState(tx, network, now);
    if (state.on) throw errors.conflict('crisis_on', 'error.crisisOn');
    if (state.asked) throw errors.conflict('crisis_asked', 'error.crisisAsked');
    await tx.insertInto('crisis_calls').values({ asked_by: memberId, asked_at: now }).execute();
    // Everyone who could confirm it hears at once: a call nobody sees lapses unanswered.
    const others = await reachableMemberIds(tx, [memberId]);
    await notify(
      tx,
      others.map((id) => ({ member_id: id, kind: 'crisis_asked' as const })),
    );
  });
}

/** A second member confirms: crisis mode is on for 48 hours, and every member not on a break is told. */
export async function confirmCrisis(db: Db, memberId: string, network: Network, now: Date) {
  await db.transaction().execute(async (tx) => {
    await lockCalls(tx);
    const state = await crisisState(tx, network, now);
    if (state.on) throw errors.conflict('crisis_on', 'error.crisisOn');
    if (!state.asked) throw errors.conflict('no_crisis_call', 'error.noCrisisCall');
    if (state.asked.askedBy === memberId) throw errors.forbidden('second_member', 'error.crisisSecondMember');
    await tx
      .updateTable('crisis_calls')
      .set({ confirmed_by: memberId, starts_at: now, ends_at: new Date(now.getTime() + hours(CRISIS_HOURS)) })
      .where('asked_by', '=', state.asked.askedBy)
      .where('asked_at', '=', state.asked.askedAt)
      .where('starts_at', 'is', null)
      .execute();
    await settleNotifications(tx, ['crisis_asked'], null);
    const everyone = await reachableMemberIds(tx);
    await notify(
      tx,
      everyone.map((id) => ({ member_id: id, kind: 'crisis_called' as const })),
    );
  });
}

/** Calls are decided one at a time, so two members cannot open two calls or confirm one twice. */
async function lockCalls(tx: Kysely<Database>) {
  await tx.selectFrom('network_founding').select('id').forUpdate().execute();
}
