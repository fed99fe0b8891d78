// The dispatcher's proposal: which open needs go to which offers of help, as one optimisation over the whole batch.
// Pure: the dispatch view feeds it rows from the database, the surge benchmark feeds it a simulated city. Times are
// milliseconds; distances are in whatever unit the caller's distance function gives (hops between areas, or km).
import { FlowGraph } from './flow.ts';

export type Urgency = 'urgent' | 'soon' | 'whenever';

export type DispatchNeed = {
  id: string;
  category: string;
  area: string;
  urgency: Urgency;
  arrivedAt: number;
  /** The last moment help is still of use; null for no date. */
  neededBy: number | null;
  /** Who asked: never sent to their own offer. */
  memberId?: string | undefined;
};

export type DispatchSupply = {
  id: string;
  categories: readonly string[];
  area: string;
  /** How many more needs this offer can take. */
  capacity: number;
  /** When the helper is available: from (may be in the future) until. */
  from: number;
  until: number;
  /** The farthest the helper goes; none for anywhere. */
  reach?: number | undefined;
  /** Who offered. */
  memberId?: string | undefined;
};

export type DispatchInput = {
  now: number;
  needs: readonly DispatchNeed[];
  supplies: readonly DispatchSupply[];
  distance: (a: string, b: string) => number;
  /** Share of an area's recent needs that were met (0–1); areas served worse are weighted up. */
  metRate?: (area: string) => number;
  weights?: Partial<Weights>;
};

export type Assignment = { needId: string; supplyId: string; distance: number; startsAt: number; points: number };
export type DispatchResult = { assignments: Assignment[]; unassigned: string[] };

/**
 * What a need weighs, in points worth a minute of waiting each. The optimiser first meets as many needs as it can;
 * among the ways to do that it picks the one with the most points (need points minus travel and delay).
 */
export const WEIGHTS = {
  /** A minute waited, up to a day. */
  waitingPerMinute: 1,
  waitingCapMinutes: 1440,
  urgent: 360,
  soon: 120,
  /** Needs whose needed-by is within a day gain a point a minute as it nears: meet first what cannot wait. */
  deadlineWindowMinutes: 1440,
  /** An area where no recent need was met gains this much; one where all were, nothing. */
  fairness: 720,
  /** Each unit of distance between the need's area and the helper's costs this much. */
  perDistance: 30,
  /** Each minute until the helper is available costs this much (in quarters of a point). */
  delayQuarterPerMinute: 16,
  /**
   * Each hour a helper's window still has to run costs this much: of two helpers free now, the one whose window
   * closes sooner is used first, and the one who stays longer is kept for the needs still to come.
   */
  windowLeftPerHour: 240,
  /** Each further kind of help a helper offers costs this much: a helper who can do many things is kept for later. */
  perExtraCategory: 300,
  /** Each unit of a helper's reach costs this much: one who goes far is kept for needs farther away. */
  perReach: 100,
} as const;
type Weights = { -readonly [K in keyof typeof WEIGHTS]: number };

const MINUTE = 60_000;

/** Can this supply help this need, if assigned now? */
export function feasible(
  need: DispatchNeed,
  s: DispatchSupply,
  now: number,
  distance: (a: string, b: string) => number,
): boolean {
  if (s.capacity <= 0 || !s.categories.includes(need.category) || need.arrivedAt > now) return false;
  if (need.memberId !== undefined && need.memberId === s.memberId) return false;
  if (s.until <= now) return false;
  const start = Math.max(now, s.from);
  if (need.neededBy !== null && (start > need.neededBy || now > need.neededBy)) return false;
  return s.reach === undefined || distance(need.area, s.area) <= s.reach;
}

export function needPoints(
  need: DispatchNeed,
  input: Pick<DispatchInput, 'now' | 'metRate'>,
  w: Weights = WEIGHTS,
): number {
  const waited = Math.min(Math.max(0, input.now - need.arrivedAt) / MINUTE, w.waitingCapMinutes) * w.waitingPerMinute;
  const urgency = need.urgency === 'urgent' ? w.urgent : need.urgency === 'soon' ? w.soon : 0;
  const left = need.neededBy === null ? Infinity : (need.neededBy - input.now) / MINUTE;
  const deadline = Math.max(0, Math.min(w.deadlineWindowMinutes, w.deadlineWindowMinutes - left));
  const rate = input.metRate ? Math.min(1, Math.max(0, input.metRate(need.area))) : 1;
  return Math.round(waited + urgency + deadline + w.fairness * (1 - rate));
}

/** What sending this supply to this need costs: travel, and the wait until the helper is free. */
export function edgePoints(
  need: DispatchNeed,
  s: DispatchSupply,
  now: number,
  distance: (a: string, b: string) => number,
  w: Weights = WEIGHTS,
) {
  return supplyPoints(need, s, distance, w) + windowPoints(s, now, w);
}

function supplyPoints(need: DispatchNeed, s: DispatchSupply, distance: (a: string, b: string) => number, w: Weights) {
  return Math.round(
    distance(need.area, s.area) * w.perDistance +
      (s.categories.length - 1) * w.perExtraCategory +
      (s.reach ?? 0) * w.perReach,
  );
}

function windowPoints(win: { from: number; until: number }, now: number, w: Weights) {
  const delay = Math.max(0, win.from - now) / MINUTE;
  const left = Math.min(24, (win.until - Math.max(now, win.from)) / (60 * MINUTE)); // a day or more counts as a day
  return Math.round((delay * w.delayQuarterPerMinute) / 4 + left * w.windowLeftPerHour);
}

/** Needs oldest first (then by id), so equal needs are treated the same whatever order they came in. */
const byArrival = (a: DispatchNeed, b: DispatchNeed) =>
  a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySupply = (a: DispatchSupply, b: DispatchSupply) => a.from - b.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The proposal: a min-cost flow. Source → each need (one unit, cost −(BIG + the need's points)) → a cell for the
 * need's area, category and the helper's time window (cost: the delay) → each supply in that window serving that
 * category within reach (cost: the distance) → sink (the supply's capacity). BIG exceeds any path's other costs, so
 * the flow meets as many needs as possible first, then the most points.
 */
export function proposeDispatch(input: DispatchInput): DispatchResult {
  const w: Weights = { ...WEIGHTS, ...input.weights };
  const { now, distance } = input;
  const needs = input.needs
    .filter((n) => n.arrivedAt <= now && (n.neededBy === null || n.neededBy >= now))
    .sort(byArrival);
  const supplies = input.supplies.filter((s) => s.capacity > 0 && s.until > now).sort(bySupply);
  // Cells: (area of need, category, window). A need reaches the cells of its own area and category whose window it fits.
  const windows = new Map<string, { from: number; until: number; supplies: number[] }>();
  supplies.forEach((s, i) => {
    const key = `${s.from}:${s.until}`;
    const win = windows.get(key) ?? { from: s.from, until: s.until, supplies: [] };
    win.supplies.push(i);
    windows.set(key, win);
  });
  const windowList = [...windows.values()];
  const S = 0;
  const T = 1;
  const needNode = (i: number) => 2 + i;
  const supplyNode = (j: number) => 2 + needs.length + j;
  let nodes = 2 + needs.length + supplies.length;
  const cells = new Map<string, number>();
  type Pending = { u: number; v: number; cap: number; cost: number };
  const edges: Pending[] = [];
  const needEdges: { need: number; edge: number }[] = [];
  const cellEdges: { cell: number; supply: number; edge: number }[] = [];
  const points = needs.map((n) => needPoints(n, input, w));
  let maxEdge = 0;
  // A member who both asks and offers gets cells of their own, so they are never sent to themselves.
  const offering = new Set(supplies.map((s) => s.memberId).filter((m) => m !== undefined));
  const cellFor = (need: DispatchNeed, wi: number): number | undefined => {
    const own = need.memberId !== undefined && offering.has(need.memberId) ? need.memberId : '';
    const key = `${need.area}\u0000${need.category}\u0000${wi}\u0000${own}`;
    let cell = cells.get(key);
    if (cell !== undefined) return cell < 0 ? undefined : cell;
    const win = windowList[wi]!;
    const reachable = win.supplies.filter((j) => feasible(need, supplies[j]!, now, distance));
    if (reachable.length === 0) {
      cells.set(key, -1);
      return undefined;
    }
    cell = nodes++;
    cells.set(key, cell);
    for (const j of reachable) {
      const cost = supplyPoints(need, supplies[j]!, distance, w);
      maxEdge = Math.max(maxEdge, cost);
      cellEdges.push({ cell, supply: j, edge: edges.length });
      edges.push({ u: cell, v: supplyNode(j), cap: supplies[j]!.capacity, cost });
    }
    return cell;
  };
  needs.forEach((need, i) => {
    windowList.forEach((win, wi) => {
      const start = Math.max(now, win.from);
      if (need.neededBy !== null && start > need.neededBy) return;
      const cell = cellFor(need, wi);
      if (cell === undefined) return;
      const cost = windowPoints(win, now, w);
      maxEdge = Math.max(maxEdge, cost);
      needEdges.push({ need: i, edge: edges.length });
      edges.push({ u: needNode(i), v: cell, cap: 1, cost });
    });
  });
  const g = new FlowGraph(nodes);
  const maxPoints = points.reduce((m, p) => Math.max(m, p), 0);
  const BIG = (2 * maxEdge + 1) * (nodes + 1) + maxPoints + 1;
  needs.forEach((_, i) => g.addEdge(S, needNode(i), 1, -(BIG + points[i]!)));
  const ids = edges.map((e) => g.addEdge(e.u, e.v, e.cap, e.cost));
  supplies.forEach((s, j) => g.addEdge(supplyNode(j), T, s.capacity));
  g.minCostFlow(S, T);

  // Read the flow back: each need's unit went to one cell; a cell's units go to its supplies.
  const cellOfNeed = new Map<number, number>();
  for (const { need, edge } of needEdges) if (g.flowOn(ids[edge]!) > 0) cellOfNeed.set(need, edges[edge]!.v);
  const cellSupply = new Map<number, { supply: number; left: number }[]>();
  for (const { cell, supply, edge } of cellEdges) {
    const f = g.flowOn(ids[edge]!);
    if (f > 0) cellSupply.set(cell, [...(cellSupply.get(cell) ?? []), { supply, left: f }]);
  }
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  needs.forEach((need, i) => {
    const cell = cellOfNeed.get(i);
    const slot = cell === undefined ? undefined : cellSupply.get(cell)?.find((x) => x.left > 0);
    if (!slot) {
      unassigned.push(need.id);
      return;
    }
    slot.left--;
    const s = supplies[slot.supply]!;
    assignments.push({
      needId: need.id,
      supplyId: s.id,
      distance: distance(need.area, s.area),
      startsAt: Math.max(now, s.from),
      points: points[i]! - edgePoints(need, s, now, distance, w),
    });
  });
  return { assignments, unassigned };
}

/**
 * What a spreadsheet does: first come, first served. Each need in the order it arrived goes to the nearest helper
 * free for it (the earliest available on a tie), if any.
 */
export function greedyDispatch(input: DispatchInput): DispatchResult {
  const { now, distance } = input;
  const needs = input.needs
    .filter((n) => n.arrivedAt <= now && (n.neededBy === null || n.neededBy >= now))
    .sort(byArrival);
  const supplies = input.supplies
    .filter((s) => s.capacity > 0 && s.until > now)
    .sort(bySupply)
    .map((s) => ({ ...s }));
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  for (const need of needs) {
    let best: (typeof supplies)[number] | undefined;
    for (const s of supplies) {
      if (!feasible(need, s, now, distance)) continue;
      if (!best || distance(need.area, s.area) < distance(need.area, best.area)) best = s;
    }
    if (!best) {
      unassigned.push(need.id);
      continue;
    }
    best.capacity--;
    assignments.push({
      needId: need.id,
      supplyId: best.id,
      distance: distance(need.area, best.area),
      startsAt: Math.max(now, best.from),
      points: needPoints(need, input) - edgePoints(need, best, now, distance),
    });
  }
  return { assignments, unassigned };
}

/** The most needs any assignment could meet in this batch (a plain max flow), to check the optimiser against. */
export function mostMeetable(input: DispatchInput): number {
  const { now, distance } = input;
  const needs = input.needs;
  const supplies = input.supplies;
  const g = new FlowGraph(2 + needs.length + supplies.length);
  needs.forEach((n, i) => {
    g.addEdge(0, 2 + i, 1);
    supplies.forEach((s, j) => {
      if (feasible(n, s, now, distance)) g.addEdge(2 + i, 2 + needs.length + j, 1);
    });
  });
  supplies.forEach((s, j) => g.addEdge(2 + needs.length + j, 1, Math.max(0, s.capacity)));
  return g.maxFlow(0, 1);
}
