import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { gini, guard, median, percentile, perMember, reciprocity, topShare } from './metrics.ts';

describe('Gini coefficient', () => {
  test.each([
    [[5, 5, 5, 5], 0],
    [[0, 0, 0, 10], 0.75], // one of four carries everything: (n − 1) / n
    [[1, 2, 3, 4, 5], 4 / 15],
    [[0, 0], 0],
    [[], 0],
  ])('of %j is %d', (values, expected) => {
    expect(gini(values)).toBeCloseTo(expected, 10);
  });

  test('stays between 0 and (n − 1) / n and ignores order and scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 9 }),
        (values, k) => {
          const g = gini(values);
          expect(g).toBeGreaterThanOrEqual(-1e-12);
          expect(g).toBeLessThanOrEqual((values.length - 1) / values.length + 1e-12);
          expect(gini([...values].reverse())).toBeCloseTo(g, 10);
          expect(gini(values.map((v) => v * k))).toBeCloseTo(g, 10);
        },
      ),
    );
  });
});

describe('the busiest tenth’s share', () => {
  test('of twenty members, the top two', () => {
    const values = [50, 30, ...Array.from({ length: 18 }, () => 1)];
    expect(topShare(values)).toBeCloseTo(80 / 98, 10);
  });
  test('at least one member, and nothing of nothing', () => {
    expect(topShare([3, 1])).toBeCloseTo(0.75, 10);
    expect(topShare([])).toBe(0);
    expect(topShare([0, 0])).toBe(0);
  });
});

describe('reciprocity', () => {
  test('on a small hand-built history', () => {
    // Ana helps Ben, Ben helps Cy, Cy helps Ana: all three give and receive. Dee only receives, Eli only gives.
    const r = reciprocity([
      { giver: 'ana', receiver: 'ben' },
      { giver: 'ben', receiver: 'cy' },
      { giver: 'cy', receiver: 'ana' },
      { giver: 'eli', receiver: 'dee' },
      { giver: 'ana', receiver: 'dee' },
    ]);
    expect(r).toEqual({ share: 3 / 5, active: 5, both: 3 });
  });
  test('of nobody is nothing', () => {
    expect(reciprocity([])).toEqual({ share: 0, active: 0, both: 0 });
  });
});

describe('times and suppression', () => {
  test('median and 90th percentile by nearest rank', () => {
    const hours = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(median(hours)).toBe(5);
    expect(percentile(hours, 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });
  test('a figure from fewer than five members is not shown', () => {
    expect(guard(0.4, 4)).toEqual({ shown: false, members: 4 });
    expect(guard(0.4, 5)).toEqual({ shown: true, value: 0.4 });
  });
  test('work per member counts each piece once', () => {
    expect([...perMember(['a', 'b', 'a'])]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
