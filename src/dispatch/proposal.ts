// The dispatch view's proposal: open needs and offers with room, read from the database and put through the
// optimiser. The dispatcher sees each pair with the other offers that could take that need, to adjust before sending.
import type { Db } from '../db/connect.ts';
import { areaMetRates, dispatchable, type DispatchablePost } from '../exchange/index.ts';
import type { PostView } from '../exchange/index.ts';
import type { Network } from '../web/context.ts';
import { areaDistance } from './areas.ts';
import {
  edgePoints,
  feasible,
  proposeDispatch,
  type DispatchInput,
  type DispatchNeed,
  type DispatchSupply,
} from './optimise.ts';

/** How many other offers each pair lists for the dispatcher to choose instead. */
const ALTERNATIVES = 5;
const YEAR = 365 * 86_400_000;

/** How many offers of another kind of help each need lists, nearest first, for a dispatcher who judges one fits. */
const ELSEWHERE = 20;

/**
 * `others`: offers of the same kind that could take the need; `elsewhere`: open offers of another kind (a formula
 * need filed as Food, an offer filed as Supplies), for the dispatcher to choose when they judge it fits.
 */
export type Pair = {
  need: PostView;
  offer: DispatchablePost;
  others: DispatchablePost[];
  elsewhere: DispatchablePost[];
};
/** `waiting`: needs no offer of their kind can take, each with the offers the dispatcher may still choose. */
export type Waiting = { need: PostView; others: DispatchablePost[]; elsewhere: DispatchablePost[] };
export type Proposal = { pairs: Pair[]; waiting: Waiting[]; offers: number };

/** A date (needed by, available until) lasts to the end of that day, in the server's time zone. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999`).getTime();

function asNeed(p: PostView): DispatchNeed {
  return {
    id: p.id,
    category: p.category,
    area: p.area,
    urgency: p.urgency,
    arrivedAt: p.createdAt.getTime(),
    neededBy: p.neededBy ? endOfDay(p.neededBy) : null,
    memberId: p.memberId,
  };
}

function asSupply(p: DispatchablePost, now: number): DispatchSupply {
  return {
    id: p.id,
    categories: [p.category],
    area: p.area,
    capacity: p.room,
    from: Math.min(now, p.createdAt.getTime()),
    until: p.availableUntil ? endOfDay(p.availableUntil) : now + YEAR,
    memberId: p.memberId,
  };
}

export async function dispatchProposal(
  db: Db,
  network: Pick<Network, 'areas' | 'areaNeighbours'>,
  now: Date,
): Promise<Proposal> {
  const distance = areaDistance(network.areas, network.areaNeighbours);
  const [needs, offers, rates] = await Promise.all([
    dispatchable(db, 'need'),
    dispatchable(db, 'offer'),
    areaMetRates(db, now),
  ]);
  const t = now.getTime();
  const input: DispatchInput = {
    now: t,
    needs: needs.map(asNeed),
    supplies: offers.map((o) => asSupply(o, t)),
    distance,
    metRate: (area) => rates.get(area) ?? 1,
  };
  const result = proposeDispatch(input);
  const needById = new Map(needs.map((n) => [n.id, n]));
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const choices = (need: PostView, chosen?: string) => {
    const n = asNeed(need);
    const others = input.supplies
      .filter((s) => s.id !== chosen && feasible(n, s, t, distance))
      .sort((x, y) => edgePoints(n, x, t, distance) - edgePoints(n, y, t, distance))
      .slice(0, ALTERNATIVES)
      .map((s) => offerById.get(s.id)!);
    // Any other kind of help with room, not the asker's own, nearest first: the dispatcher's judgement, not the rule's.
    const elsewhere = input.supplies
      .filter((s) => s.id !== chosen && s.capacity > 0 && s.until > t && s.memberId !== need.memberId)
      .filter((s) => !s.categories.includes(need.category))
      .sort((x, y) => distance(need.area, x.area) - distance(need.area, y.area))
      .slice(0, ELSEWHERE)
      .map((s) => offerById.get(s.id)!);
    return { others, elsewhere };
  };
  const pairs = result.assignments.map((a) => {
    const need = needById.get(a.needId)!;
    return { need, offer: offerById.get(a.supplyId)!, ...choices(need, a.supplyId) };
  });
  const waiting = result.unassigned.map((id) => {
    const need = needById.get(id)!;
    return { need, ...choices(need) };
  });
  return { pairs, waiting, offers: offers.length };
}
