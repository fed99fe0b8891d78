// Crisis mode's calls (one member asks, a second confirms: the emergency pause's pattern), and sending the pairs a
// dispatcher confirmed. Each pair is its own claim (exchange/commands dispatchMatch): a need a member claimed meanwhile
// stays theirs, and the dispatcher is told; an offer with no room left is skipped.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import type { NetworkAgreements } from '../agreements/queries.ts';
import { errors } from '../web/errors.ts';
import { reachableMemberIds } from '../members/queries.ts';
import { CRISIS_HOURS, crisisState, hours } from './queries.ts';
import { dispatchMatch } from '../exchange/commands.ts';
import { postById } from '../exchange/queries.ts';
import { notify } from '../notifications/queries.ts';
import { AppError } from '../web/errors.ts';

export type SendResult = { sent: number; lost: string[]; full: string[] };

export async function sendPairs(db: Db, dispatcherId: string, pairs: { needId: string; offerId: string }[], now: Date): Promise<SendResult> {
  const result: SendResult = { sent: 0, lost: [], full: [] };
  for (const { needId, offerId } of pairs) {
    const [need, offer] = await Promise.all([postById(db, needId), postById(db, offerId)]);
    if (!need || need.kind !== 'need' || need.hidden) continue; // gone, or not a need: nothing to send
    if (!offer || offer.kind !== 'offer' || offer.hidden) {
      result.full.push(needId);
      continue;
    }
    try {
      await dispatchMatch(db, dispatcherId, need, offer, now);
      result.sent++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'already_taken') result.lost.push(needId);
      else if (e.code === 'offer_full' || e.code === 'own_post' || e.code === 'not_allowed') result.full.push(needId);
      else throw e;
    }
  }
  // A need a member claimed first stays theirs; the dispatcher hears which.
  await notify(db, result.lost.map((id) => ({ member_id: dispatcherId, kind: 'dispatch_lost' as const, post_id: id })));
  return result;
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
