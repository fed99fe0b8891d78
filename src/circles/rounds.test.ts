import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { currentRound, dueDates, lotteryOrder, standings, type RoundFacts } from './rounds.ts';

describe('circle arithmetic', () => {
  test('the lottery is a permutation of the members', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), (ids) => {
        expect([...lotteryOrder(ids)].sort()).toEqual([...ids].sort());
      }),
    );
  });

  test('the lottery can put anyone first', () => {
    const firsts = new Set<string>();
    for (let i = 0; i < 200; i++) firsts.add(lotteryOrder(['a', 'b', 'c'])[0]!);
    expect(firsts).toEqual(new Set(['a', 'b', 'c']));
  });

  test('rounds fall one period apart from the start', () => {
    const d = dueDates(new Date('2027-01-01T00:00:00Z'), 14, 3).map((x) => x.toISOString().slice(0, 10));
    expect(d).toEqual(['2027-01-01', '2027-01-15', '2027-01-29']);
  });

  test('a member owes every round already due, deferred or not, less what they put in', () => {
    const start = new Date('2027-01-01T00:00:00Z');
    const rounds: RoundFacts[] = dueDates(start, 7, 3).map((dueAt, i) => ({
      number: i + 1,
      dueAt,
      recipientId: null,
      payers: [],
      deferred: [],
      collected: 0,
      paidOut: 0,
    }));
    const now = new Date('2027-01-09T00:00:00Z'); // two rounds due
    const s = standings(
      ['a', 'b'],
      rounds,
      5000,
      now,
      new Map([
        ['a', 10000],
        ['b', 5000],
      ]),
      new Map([['a', 10000]]),
    );
    expect(s).toEqual([
      { memberId: 'a', putIn: 10000, takenOut: 10000, owes: 0 },
      { memberId: 'b', putIn: 5000, takenOut: 0, owes: 5000 },
    ]);
    expect(currentRound(rounds, now)!.number).toBe(2);
    expect(currentRound(rounds, new Date('2026-12-01'))!.number).toBe(1);
  });
});
