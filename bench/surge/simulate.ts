// Replays a scenario: needs arrive, and every round the dispatcher (Kropotkin's optimiser, or the greedy baseline)
// assigns open needs to helpers' windows. Also the offline upper bound: a max flow that knows the whole future.
import { FlowGraph } from '../../src/dispatch/flow.ts';
import type { DispatchInput, DispatchResult, DispatchSupply } from '../../src/dispatch/optimise.ts';
import { windowsOf, type Scenario } from './scenario.ts';

export type Dispatcher = (input: DispatchInput) => DispatchResult;

/** How far ahead the dispatcher looks for helpers' windows. */
export const LOOKAHEAD_MINUTES = 12 * 60;
const MS = 60_000;

type Occurrence = {
  id: string;
  categories: string[];
  area: string;
  reach: number | undefined;
  from: number;
  until: number;
  left: number;
};

function occurrences(s: Scenario): Occurrence[] {
  return s.helpers.flatMap((h) =>
    windowsOf(h, s.horizonMinutes).map((w, k) => ({
      id: `${h.id}@${k}`,
      categories: h.categories,
      area: h.area,
      reach: h.reachKm ?? undefined,
      from: w.from,
      until: w.until,
      left: h.capacity,
    })),
  );
}

function distanceOf(s: Scenario) {
  const index = new Map(s.areas.map((a, i) => [a, i]));
  return (a: string, b: string) => s.distances[index.get(a)!]![index.get(b)!]!;
}

export type SimResult = {
  met: number;
  minutesToMatch: number[];
  areaRates: Map<string, { arrived: number; met: number }>;
  rounds: number;
  cpuMs: number[];
};

export function simulate(s: Scenario, dispatch: Dispatcher): SimResult {
  const distance = distanceOf(s);
  const occ = occurrences(s);
  const needs = [...s.needs].sort((a, b) => a.arrival - b.arrival);
  const open = new Map<string, (typeof needs)[number]>();
  const areaRates = new Map(s.areas.map((a) => [a, { arrived: 0, met: 0 }]));
  const minutesToMatch: number[] = [];
  const cpuMs: number[] = [];
  let next = 0;
  let met = 0;
  let rounds = 0;
  for (let t = 0; t <= s.horizonMinutes; t += s.roundMinutes) {
    while (next < needs.length && needs[next]!.arrival <= t) {
      const n = needs[next++]!;
      open.set(n.id, n);
      areaRates.get(n.area)!.arrived++;
    }
    for (const [id, n] of open) if (n.neededBy < t) open.delete(id);
    if (open.size === 0) continue;
    const supplies: DispatchSupply[] = [];
    const byId = new Map<string, Occurrence>();
    for (const o of occ) {
      if (o.left <= 0 || o.until <= t || o.from > t + LOOKAHEAD_MINUTES) continue;
      supplies.push({
        id: o.id,
        categories: o.categories,
        area: o.area,
        capacity: o.left,
        from: o.from * MS,
        until: o.until * MS,
        reach: o.reach,
      });
      byId.set(o.id, o);
    }
    if (supplies.length === 0) continue;
    const input: DispatchInput = {
      now: t * MS,
      needs: [...open.values()].map((n) => ({
        id: n.id,
        category: n.category,
        area: n.area,
        urgency: n.urgency,
        arrivedAt: n.arrival * MS,
        neededBy: n.neededBy * MS,
      })),
      supplies,
      distance,
      metRate: (a) => {
        const r = areaRates.get(a)!;
        return r.arrived === 0 ? 1 : r.met / r.arrived;
      },
    };
    const before = process.cpuUsage();
    const result = dispatch(input);
    const used = process.cpuUsage(before);
    cpuMs.push((used.user + used.system) / 1000);
    rounds++;
    for (const a of result.assignments) {
      const n = open.get(a.needId)!;
      const o = byId.get(a.supplyId)!;
      if (o.left <= 0) throw new Error(`the dispatcher over-filled ${o.id}`);
      o.left--;
      open.delete(n.id);
      met++;
      areaRates.get(n.area)!.met++;
      minutesToMatch.push(t - n.arrival);
    }
  }
  return { met, minutesToMatch, areaRates, rounds, cpuMs };
}

/**
 * The offline upper bound: the most needs any dispatcher could meet knowing every arrival in advance. A need can use
 * a helper's window that serves its category, is within reach, and overlaps the time from its arrival to its
 * needed-by. Max flow through cells (area, category, window) so the graph stays small.
 */
export function upperBound(s: Scenario): number {
  const distance = distanceOf(s);
  const occ = occurrences(s);
  const windows = new Map<string, { from: number; until: number; occ: number[] }>();
  occ.forEach((o, i) => {
    const key = `${o.from}:${o.until}`;
    const w = windows.get(key) ?? { from: o.from, until: o.until, occ: [] };
    w.occ.push(i);
    windows.set(key, w);
  });
  const windowList = [...windows.values()];
  const S = 0;
  const T = 1;
  let nodes = 2 + s.needs.length + occ.length;
  const cells = new Map<string, number>();
  const edges: [number, number, number][] = [];
  s.needs.forEach((n, i) => {
    windowList.forEach((w, wi) => {
      const seen = Math.ceil(n.arrival / s.roundMinutes) * s.roundMinutes; // the first round that can see it
      if (w.from > n.neededBy || w.until <= seen || seen > n.neededBy) return;
      const key = `${n.area}\u0000${n.category}\u0000${wi}`;
      let cell = cells.get(key);
      if (cell === undefined) {
        const reach = w.occ.filter((j) => {
          const o = occ[j]!;
          return o.categories.includes(n.category) && (o.reach === undefined || distance(n.area, o.area) <= o.reach);
        });
        cell = reach.length ? nodes++ : -1;
        cells.set(key, cell);
        for (const j of reach) edges.push([cell, 2 + s.needs.length + j, occ[j]!.left]);
      }
      if (cell >= 0) edges.push([2 + i, cell, 1]);
    });
  });
  const g = new FlowGraph(nodes);
  s.needs.forEach((_, i) => g.addEdge(S, 2 + i, 1));
  for (const [u, v, c] of edges) g.addEdge(u, v, c);
  occ.forEach((o, j) => g.addEdge(2 + s.needs.length + j, T, o.left));
  return g.maxFlow(S, T);
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Worst-served area's met share divided by the best-served one's, over areas with at least 1% of the needs. */
function fairness(r: SimResult, total: number) {
  const rates = [...r.areaRates.values()]
    .filter((a) => a.arrived >= Math.max(1, total / 100))
    .map((a) => a.met / a.arrived);
  const best = Math.max(...rates);
  return best > 0 ? Math.min(...rates) / best : 1;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** The figures the benchmark reports for one scenario. */
export function surgeFigures(s: Scenario, optimiser: Dispatcher, greedy: Dispatcher) {
  const bound = upperBound(s);
  const opt = simulate(s, optimiser);
  const base = simulate(s, greedy);
  const total = s.needs.length;
  return {
    scenario: s.name,
    needs: total,
    helpers: s.helpers.length,
    upperBound: bound,
    met: opt.met,
    metVsUpperBound: round(bound ? opt.met / bound : 1),
    greedyMet: base.met,
    greedyVsUpperBound: round(bound ? base.met / bound : 1),
    medianMinutesToMatch: percentile(opt.minutesToMatch, 50),
    p90MinutesToMatch: percentile(opt.minutesToMatch, 90),
    greedyMedianMinutesToMatch: percentile(base.minutesToMatch, 50),
    greedyP90MinutesToMatch: percentile(base.minutesToMatch, 90),
    worstAreaVsBest: round(fairness(opt, total)),
    greedyWorstAreaVsBest: round(fairness(base, total)),
    rounds: opt.rounds,
    cpuMsPerRound: round(opt.cpuMs.reduce((a, b) => a + b, 0) / Math.max(1, opt.cpuMs.length), 2),
    cpuMsPerRoundMax: round(Math.max(0, ...opt.cpuMs), 2),
    greedyCpuMsPerRound: round(base.cpuMs.reduce((a, b) => a + b, 0) / Math.max(1, base.cpuMs.length), 2),
  };
}
