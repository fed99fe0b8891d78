// Crisis mode: on by standing agreement, or called by two members together for 48 hours (like the emergency pause:
// one asks, a second confirms). While it is on, the board leads with urgent needs and dispatchers get the dispatch view.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import type { NetworkAgreements } from '../agreements/queries.ts';
import { errors } from '../web/errors.ts';
import { notify } from '../notifications/queries.ts';
import { reachableMemberIds } from '../members/queries.ts';

export const CRISIS_HOURS = 48;
/** An unconfirmed call waits this long for a second member. */
export const ASK_HOURS = 24;
const hours = (n: number) => n * 3_600_000;

export type CrisisState = {
  on: boolean;
  /** On because the members agreed it as standing. */
  byAgreement: boolean;
  /** A call in force: who called it and until when. */
  call: { askedByName: string; confirmedByName: string; endsAt: Date } | null;
  /** A call waiting for a second member. */
  asked: { askedBy: string; askedByName: string; askedAt: Date } | null;
};

export async function crisisState(db: Kysely<Database>, network: Pick<NetworkAgreements, 'crisisMode'>, now: Date): Promise<CrisisState> {
  const rows = await db
    .selectFrom('crisis_calls')
    .innerJoin('members as asker', 'asker.id', 'crisis_calls.asked_by')
    .leftJoin('members as confirmer', 'confirmer.id', 'crisis_calls.confirmed_by')
    .select(['crisis_calls.asked_by', 'crisis_calls.asked_at', 'crisis_calls.ends_at', 'asker.display_name as asker', 'confirmer.display_name as confirmer'])
    .where((eb) => eb.or([eb('crisis_calls.ends_at', '>', now), eb.and([eb('crisis_calls.starts_at', 'is', null), eb('crisis_calls.asked_at', '>', new Date(now.getTime() - hours(ASK_HOURS)))])]))
    .where('crisis_calls.asked_at', '<=', now)
    .orderBy('crisis_calls.asked_at', 'desc')
    .execute();
  const active = rows.find((r) => r.ends_at);
  const waiting = rows.find((r) => !r.ends_at);
  const call = active ? { askedByName: active.asker, confirmedByName: active.confirmer ?? '', endsAt: active.ends_at! } : null;
  return {
    on: network.crisisMode || call !== null,
    byAgreement: network.crisisMode,
    call,
    asked: waiting && !active ? { askedBy: waiting.asked_by, askedByName: waiting.asker, askedAt: waiting.asked_at } : null,
  };
}

/** One member calls crisis mode; it starts only when a second member confirms. */
export async function askCrisis(db: Db, memberId: string, network: NetworkAgreements, now: Date) {
  await db.transaction().execute(async (tx) => {
    await lockCalls(tx);
    const state = await crisisState(tx, network, now);
    if (state.on) throw errors.conflict('crisis_on', 'error.crisisOn');
    if (state.asked) throw errors.conflict('crisis_asked', 'error.crisisAsked');
    await tx.insertInto('crisis_calls').values({ asked_by: memberId, asked_at: now }).execute();
  });
}

/** A second member confirms: crisis mode is on for 48 hours, and every member not on a break is told. */
export async function confirmCrisis(db: Db, memberId: string, network: NetworkAgreements, now: Date) {
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
    const everyone = await reachableMemberIds(tx);
    await notify(tx, everyone.map((id) => ({ member_id: id, kind: 'crisis_called' as const })));
  });
}

/** Calls are decided one at a time, so two members cannot open two calls or confirm one twice. */
async function lockCalls(tx: Kysely<Database>) {
  await tx.selectFrom('network_founding').select('id').forUpdate().execute();
}
