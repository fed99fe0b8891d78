import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  feasible,
  greedyDispatch,
  mostMeetable,
  proposeDispatch,
  type DispatchInput,
  type DispatchNeed,
  type DispatchSupply,
} from './optimise.ts';

const H = 3_600_000;
const NOW = 100 * H;
// Three areas on a line: A — B — C.
const AREAS = ['A', 'B', 'C'];
const distance = (a: string, b: string) => Math.abs(AREAS.indexOf(a) - AREAS.indexOf(b));

const need = (id: string, over: Partial<DispatchNeed> = {}): DispatchNeed => ({
  id,
  category: 'food',
  area: 'A',
  urgency: 'soon',
  arrivedAt: NOW - H,
  neededBy: null,
  ...over,
});
const supply = (id: string, over: Partial<DispatchSupply> = {}): DispatchSupply => ({
  id,
  categories: ['food'],
  area: 'A',
  capacity: 1,
  from: NOW - H,
  until: NOW + 10 * H,
  ...over,
});
const run = (needs: DispatchNeed[], supplies: DispatchSupply[], extra: Partial<DispatchInput> = {}) =>
  proposeDispatch({ now: NOW, needs, supplies, distance, ...extra });
const pairs = (r: { assignments: { needId: string; supplyId: string }[] }) =>
  Object.fromEntries(r.assignments.map((a) => [a.needId, a.supplyId]));

describe('the dispatch optimiser on cases with known answers', () => {
  it('fills a helper up to their capacity and no further, choosing the urgent needs', () => {
    const r = run(
      [need('n1', { urgency: 'whenever' }), need('n2', { urgency: 'urgent' }), need('n3', { urgency: 'urgent' })],
      [supply('s', { capacity: 2 })],
    );
    expect(pairs(r)).toEqual({ n2: 's', n3: 's' });
    expect(r.unassigned).toEqual(['n1']);
  });

  it('meets both needs where first-come-first-served meets one', () => {
    // n1 came first and could go to either helper; n2 only to s1 (food). Greedy gives s1 (nearer) to n1.
    const needs = [need('n1', { arrivedAt: NOW - 2 * H, area: 'A' }), need('n2', { area: 'A', category: 'meds' })];
    const supplies = [supply('s1', { categories: ['food', 'meds'], area: 'A' }), supply('s2', { area: 'B' })];
    expect(pairs(greedyDispatch({ now: NOW, needs, supplies, distance }))).toEqual({ n1: 's1' });
    expect(pairs(run(needs, supplies))).toEqual({ n1: 's2', n2: 's1' });
  });

  it('respects time windows: a helper free later helps a need that can wait, not one that cannot', () => {
    const later = supply('later', { from: NOW + 2 * H, until: NOW + 4 * H });
    const r = run([need('today', { neededBy: NOW + H }), need('tomorrow', { neededBy: NOW + 24 * H })], [later]);
    expect(pairs(r)).toEqual({ tomorrow: 'later' });
    expect(r.assignments[0]!.startsAt).toBe(NOW + 2 * H);
    // A window that has ended helps no one; a need past its date is not proposed.
    expect(run([need('n')], [supply('gone', { until: NOW })]).assignments).toEqual([]);
    expect(run([need('late', { neededBy: NOW - 1 })], [supply('s')]).assignments).toEqual([]);
  });

  it('meets the need that cannot wait before the one that can', () => {
    const r = run(
      [need('soonest', { neededBy: NOW + H / 2 }), need('later', { neededBy: NOW + 20 * H })],
      [supply('s')],
    );
    expect(pairs(r)).toEqual({ soonest: 's' });
  });

  it('sends the nearest helper, and never one beyond their reach', () => {
    const r = run([need('n', { area: 'A' })], [supply('far', { area: 'C' }), supply('near', { area: 'B' })]);
    expect(pairs(r)).toEqual({ n: 'near' });
    expect(run([need('n', { area: 'A' })], [supply('far', { area: 'C', reach: 1 })]).assignments).toEqual([]);
  });

  it('weighs areas served worse recently more heavily', () => {
    const needs = [need('x', { area: 'A' }), need('y', { area: 'C' })];
    const supplies = [supply('s', { area: 'B' })];
    expect(pairs(run(needs, supplies, { metRate: (a) => (a === 'C' ? 0.2 : 0.9) }))).toEqual({ y: 's' });
    expect(pairs(run(needs, supplies, { metRate: (a) => (a === 'A' ? 0.2 : 0.9) }))).toEqual({ x: 's' });
  });

  it('breaks exact ties the same way whatever order the needs and helpers come in', () => {
    const needs = [need('b'), need('a'), need('c')];
    const supplies = [supply('s2'), supply('s1')];
    const one = run(needs, supplies);
    const other = run([...needs].reverse(), [...supplies].reverse());
    expect(one.assignments.length).toBe(2);
    expect(pairs(one)).toEqual(pairs(other));
    expect(one.unassigned).toEqual(other.unassigned);
  });

  it('proposes a need once and only for helpers of its kind', () => {
    const r = run(
      [need('n', { category: 'rides' })],
      [supply('food'), supply('rides', { categories: ['rides'], capacity: 3 })],
    );
    expect(r.assignments).toEqual([expect.objectContaining({ needId: 'n', supplyId: 'rides' })]);
  });
});

// Small random instances: the optimiser is never worse than greedy and never above the most any assignment could meet.
const instance = fc.record({
  needs: fc.array(
    fc.record({
      category: fc.constantFrom('food', 'meds'),
      area: fc.constantFrom(...AREAS),
      urgency: fc.constantFrom('urgent' as const, 'soon' as const, 'whenever' as const),
      ago: fc.integer({ min: 0, max: 48 }),
      due: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    }),
    { maxLength: 9 },
  ),
  supplies: fc.array(
    fc.record({
      categories: fc.subarray(['food', 'meds'], { minLength: 1 }),
      area: fc.constantFrom(...AREAS),
      capacity: fc.integer({ min: 0, max: 3 }),
      from: fc.integer({ min: -5, max: 20 }),
      length: fc.integer({ min: 1, max: 10 }),
      reach: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    }),
    { maxLength: 5 },
  ),
  metA: fc.double({ min: 0, max: 1, noNaN: true }),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;
function toInput(x: Instance): DispatchInput {
  return {
    now: NOW,
    distance,
    metRate: (a) => (a === 'A' ? x.metA : 1),
    needs: x.needs.map((n, i) => ({
      id: `n${i}`,
      category: n.category,
      area: n.area,
      urgency: n.urgency,
      arrivedAt: NOW - n.ago * H,
      neededBy: n.due === null ? null : NOW + n.due * H,
    })),
    supplies: x.supplies.map((s, j) => ({
      id: `s${j}`,
      categories: s.categories,
      area: s.area,
      capacity: s.capacity,
      from: NOW + s.from * H,
      until: NOW + (s.from + s.length) * H,
      reach: s.reach,
    })),
  };
}

/** The most needs met, by trying every choice (tiny instances only). */
function bruteForce(input: DispatchInput): number {
  const left = input.supplies.map((s) => s.capacity);
  const go = (i: number): number => {
    if (i === input.needs.length) return 0;
    let best = go(i + 1);
    input.supplies.forEach((s, j) => {
      if (left[j]! > 0 && feasible(input.needs[i]!, s, input.now, input.distance)) {
        left[j]!--;
        best = Math.max(best, 1 + go(i + 1));
        left[j]!++;
      }
    });
    return best;
  };
  return go(0);
}

describe('the dispatch optimiser on random instances', () => {
  it('is never worse than greedy, never above the upper bound, and keeps every rule', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const input = toInput(x);
        const r = proposeDispatch(input);
        const greedy = greedyDispatch(input);
        const bound = mostMeetable(input);
        expect(r.assignments.length).toBeGreaterThanOrEqual(greedy.assignments.length);
        expect(r.assignments.length).toBeLessThanOrEqual(bound);
        expect(r.assignments.length).toBe(bruteForce(input)); // it meets the most possible
        expect(new Set(r.assignments.map((a) => a.needId)).size).toBe(r.assignments.length);
        const used = new Map<string, number>();
        for (const a of r.assignments) {
          const n = input.needs.find((y) => y.id === a.needId)!;
          const s = input.supplies.find((y) => y.id === a.supplyId)!;
          expect(feasible(n, s, NOW, distance)).toBe(true);
          used.set(s.id, (used.get(s.id) ?? 0) + 1);
        }
        for (const [id, k] of used) expect(k).toBeLessThanOrEqual(input.supplies.find((s) => s.id === id)!.capacity);
        expect(r.assignments.length + r.unassigned.length).toBe(
          input.needs.filter((n) => n.neededBy === null || n.neededBy >= NOW).length,
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('the dispatch optimiser and members', () => {
  it('never sends a need to an offer from the member who asked', () => {
    const r = run(
      [need('mine', { memberId: 'ana' }), need('theirs', { memberId: 'ben' })],
      [supply('s', { memberId: 'ana', capacity: 2 })],
    );
    expect(pairs(r)).toEqual({ theirs: 's' });
  });
});
