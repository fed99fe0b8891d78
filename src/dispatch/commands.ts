// Sending the pairs a dispatcher confirmed. Each pair is its own claim (exchange/commands dispatchMatch): a need a member claimed meanwhile
// stays theirs, and the dispatcher is told; an offer with no room left is skipped.
import type { Db } from '../db/connect.ts';
import { dispatchMatch } from '../exchange/index.ts';
import { postById } from '../exchange/index.ts';
import { notify } from '../notifications/index.ts';
import { AppError } from '../web/errors.ts';

export type SendResult = { sent: number; lost: string[]; full: string[] };

export async function sendPairs(
  db: Db,
  dispatcherId: string,
  pairs: { needId: string; offerId: string }[],
  now: Date,
): Promise<SendResult> {
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
  await notify(
    db,
    result.lost.map((id) => ({ member_id: dispatcherId, kind: 'dispatch_lost' as const, subject: id })),
  );
  return result;
}
