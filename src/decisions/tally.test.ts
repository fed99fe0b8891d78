import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ballotProblem,
  defaultThresholds,
  PICKS,
  tally,
  type Choice,
  type Process,
  type Rules,
  type SlotAnswer,
} from './tally.ts';

const rules = (over: Partial<Rules> = {}, process: Process = 'majority'): Rules => ({
  quorumPercent: 0,
  thresholds: defaultThresholds(process),
  results: 'always',
  dots: 8,
  ...over,
});
const picks = (...list: string[]): Choice[] => list.map((pick) => ({ pick }));
const run = (process: Process, ballots: Choice[], over: Partial<Rules> = {}, eligible = 10, options: string[] = []) =>
  tally({ process, options, rules: rules(over, process), ballots, eligible });

describe('consent', () => {
  it('passes with no objection, and fails with one', () => {
    expect(run('consent', picks('consent', 'consent')).outcome).toBe('passed');
    const r = run('consent', picks('consent', 'consent', 'objection'));
    expect(r.outcome).toBe('failed');
    expect(r.checks).toEqual([{ option: 'objection', op: 'lte', percent: 0, actualPercent: 33.3, held: false }]);
  });
  it('passes when nobody objects, even in silence, unless a quorum is asked', () => {
    expect(run('consent', []).outcome).toBe('passed');
    const r = run('consent', [], { quorumPercent: 30 });
    expect(r.outcome).toBe('no_quorum');
    expect(r.quorum).toEqual({ percent: 30, needed: 3, met: false });
  });
});

describe('consensus', () => {
  it('a block binds when the rule says blocks ≤ 0 %', () => {
    const r = run('consensus', picks('agree', 'agree', 'agree', 'agree', 'block'));
    expect(r.outcome).toBe('failed');
    expect(r.checks?.find((c) => c.option === 'block')?.held).toBe(false);
  });
  it('without the block rule, a block is only counted', () => {
    const r = run('consensus', picks('agree', 'agree', 'agree', 'block'), {
      thresholds: [{ option: 'agree', op: 'gt', percent: 50 }],
    });
    expect(r.outcome).toBe('passed');
  });
  it('abstentions take part but are not votes cast', () => {
    const r = run('consensus', picks('agree', 'abstain', 'abstain', 'abstain', 'disagree', 'agree'));
    expect(r.participated).toBe(6);
    expect(r.votesCast).toBe(3);
    expect(r.outcome).toBe('passed'); // 2 of 3 votes cast agree
  });
});

describe('majority', () => {
  it('needs more than half of votes cast by default; an exact half fails', () => {
    expect(run('majority', picks('yes', 'yes', 'no')).outcome).toBe('passed');
    expect(run('majority', picks('yes', 'no')).outcome).toBe('failed');
    expect(run('majority', picks('yes', 'no', 'abstain', 'abstain', 'abstain')).outcome).toBe('failed');
  });
  it('uses the threshold set on the proposal', () => {
    const twoThirds = { thresholds: defaultThresholds('majority', 66) };
    expect(run('majority', picks('yes', 'yes', 'no'), twoThirds).outcome).toBe('passed');
    expect(run('majority', picks('yes', 'no', 'yes', 'no', 'yes'), twoThirds).outcome).toBe('failed');
  });
  it('zero votes: nothing passes', () => {
    expect(run('majority', []).outcome).toBe('failed');
  });
  it('quorum counts abstentions as taking part', () => {
    const r = run('majority', picks('yes', 'abstain', 'abstain'), { quorumPercent: 25 }, 12);
    expect(r.quorum).toEqual({ percent: 25, needed: 3, met: true });
    expect(r.outcome).toBe('passed');
    expect(run('majority', picks('yes', 'yes'), { quorumPercent: 25 }, 12).outcome).toBe('no_quorum');
  });
});

describe('advice', () => {
  it('binds nothing: the outcome is advice, with the counts', () => {
    const r = run('advice', picks('agree', 'abstain', 'agree'), { quorumPercent: 90 });
    expect(r.outcome).toBe('advised');
    expect(r.tallies).toEqual([
      { option: 'agree', count: 2, percent: 100 },
      { option: 'abstain', count: 1, percent: 33.3 },
    ]);
  });
});

describe('ranked choice (instant-runoff)', () => {
  const opts = ['A', 'B', 'C', 'D'];
  const ranked = (...orders: number[][]) => orders.map((ranking) => ({ ranking }));

  it('a first-round majority wins at once', () => {
    const r = run('ranked', ranked([0, 1], [0], [1, 0]), {}, 10, opts);
    expect(r.outcome).toBe('chosen');
    expect(r.winners).toEqual(['A']);
    expect(r.rounds).toHaveLength(1);
  });
  it('eliminates the last and moves their ballots on', () => {
    // A 4, B 3, C 2 → C out, its ballots go to B → B 5 of 9 wins.
    const r = run('ranked', ranked([0], [0], [0], [0], [1], [1], [1], [2, 1], [2, 1]), {}, 10, ['A', 'B', 'C']);
    expect(r.rounds?.map((x) => x.eliminated)).toEqual([['C'], []]);
    expect(r.rounds?.[1]?.counts).toEqual([
      { option: 'A', count: 4 },
      { option: 'B', count: 5 },
    ]);
    expect(r.winners).toEqual(['B']);
  });
  it('options nobody ranked go together, since they cannot change the winner', () => {
    const r = run('ranked', ranked([0, 1], [1, 0], [1], [0]), {}, 10, opts);
    expect(r.rounds?.[0]).toMatchObject({ eliminated: ['C', 'D'], how: 'together' });
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['A', 'B']);
  });
  it('a tie for last that could matter is separated by an earlier round', () => {
    // Round 1: A 6, B 3, C 4, D 1 → D out, to B. Round 2: A 6, B 4, C 4 — B and C tie for last with 8 votes between
    // them (more than A's 6), so round 1 separates them: B had fewer. Round 3: B's ballots go to C → C 8 of 14.
    const r = run(
      'ranked',
      ranked(...Array(6).fill([0]), ...Array(3).fill([1, 2]), ...Array(4).fill([2]), [3, 1, 2]),
      {},
      20,
      opts,
    );
    expect(r.rounds?.map((x) => [x.eliminated, x.how])).toEqual([
      [['D'], 'alone'],
      [['B'], 'earlier_round'],
      [[], undefined],
    ]);
    expect(r.winners).toEqual(['C']);
  });
  it('shows a tie it cannot separate instead of breaking it by chance, between the options that could win', () => {
    // B and C tie for last in round 1 with votes enough to matter, and there is no earlier round. Dropping B makes C
    // win (4 of 7), dropping C makes B win: a tie between B and C. A cannot win either way.
    const r = run('ranked', ranked([0], [0], [0], [1, 2], [1, 2], [2, 1], [2, 1]), {}, 10, ['A', 'B', 'C']);
    expect(r.outcome).toBe('tie');
    expect(r.winners).toEqual(['B', 'C']);
    expect(r.rounds?.[0]).toMatchObject({ how: 'unseparated', tied: ['B', 'C'], eliminated: [] });
  });
  it('names the winner when every way of dropping a tie leads to it (first choices Monday 1, Wednesday 1, Saturday 2)', () => {
    const days = ['Monday', 'Wednesday', 'Saturday'];
    const r = run('ranked', ranked([0, 2], [1], [2], [2, 0]), {}, 10, days);
    expect(r.outcome).toBe('chosen');
    expect(r.winners).toEqual(['Saturday']);
    expect(r.rounds?.[0]).toMatchObject({ how: 'any_order', tied: ['Monday', 'Wednesday'] });
    // Also when the dropped one's ballot goes on to the other: Wednesday 2, Saturday 2, and round 1 drops Wednesday.
    const r2 = run('ranked', ranked([0, 1], [1, 0], [2], [2]), {}, 10, days);
    expect(r2.outcome).toBe('chosen');
    expect(r2.winners).toEqual(['Saturday']);
  });
  it('agrees with every order of dropping on generated ballots, ties at elimination included', () => {
    // The reference: drop one option with the fewest votes at a time, following every choice when several tie; the
    // options that win on some path. The count may only name options from that set, and must name the one when the
    // set has one.
    const reference = (n: number, ballots: number[][]): Set<number> => {
      const out = new Set<number>();
      const go = (left: number[]) => {
        const counts = left.map(() => 0);
        let active = 0;
        for (const b of ballots) {
          const top = b.find((i) => left.includes(i));
          if (top === undefined) continue;
          counts[left.indexOf(top)]!++;
          active++;
        }
        const major = left.find((_, k) => counts[k]! * 2 > active);
        if (major !== undefined) return void out.add(major);
        if (left.length === 1) return void out.add(left[0]!);
        const min = Math.min(...counts);
        left.forEach((i, k) => counts[k] === min && go(left.filter((x) => x !== i)));
      };
      go([...Array(n).keys()]);
      return out;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc
                .shuffledSubarray([...Array(n).keys()], { minLength: 1 })
                .chain((subset) => fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length })),
              { minLength: 1, maxLength: 12 },
            ),
          ),
        ),
        ([n, orders]) => {
          const names = [...Array(n).keys()].map((i) => `O${i}`);
          const r = run('ranked', ranked(...orders), {}, 100, names);
          const could = [...reference(n, orders)].sort((a, b) => a - b).map((i) => names[i]!);
          expect(r.winners.length).toBeGreaterThan(0);
          for (const w of r.winners) expect(could).toContain(w);
          if (could.length === 1) {
            expect(r.outcome).toBe('chosen');
            expect(r.winners).toEqual(could);
          }
        },
      ),
      { numRuns: 3000, seed: 18 },
    );
  });
  it('stops following ways through ties after a bounded count: twenty options tied, the twenty share the tie', () => {
    const names = Array.from({ length: 20 }, (_, i) => `O${i}`);
    const orders = Array.from({ length: 400 }, (_, i) => [i % 20]);
    const r = run('ranked', ranked(...orders), {}, 400, names);
    expect(r.outcome).toBe('tie');
    expect(r.winners).toHaveLength(20);
  });
  it('counts exhausted ballots', () => {
    const r = run('ranked', ranked([2], [0], [0], [1], [1]), {}, 10, ['A', 'B', 'C']);
    expect(r.rounds?.[1]).toMatchObject({ active: 4, exhausted: 1 });
  });
  it('no ballots: no result', () => {
    expect(run('ranked', [], {}, 10, opts).outcome).toBe('no_votes');
  });
});

describe('dot vote', () => {
  it('adds the dots; the most dots wins; a tie is a tie', () => {
    const r = run('dot', [{ dots: [5, 3, 0] }, { dots: [0, 8, 0] }], {}, 10, ['A', 'B', 'C']);
    expect(r.tallies.map((t) => t.count)).toEqual([5, 11, 0]);
    expect(r.winners).toEqual(['B']);
    expect(run('dot', [{ dots: [4, 4] }], {}, 10, ['A', 'B']).outcome).toBe('tie');
  });
  it('refuses a ballot until the allocation is valid', () => {
    const r = rules({ dots: 8 }, 'dot');
    expect(ballotProblem('dot', ['A', 'B'], r, { dots: [5, 4] })).toBe('dots_too_many');
    expect(ballotProblem('dot', ['A', 'B'], r, { dots: [0, 0] })).toBe('dots_none');
    expect(ballotProblem('dot', ['A', 'B'], r, { dots: [1.5, 0] })).toBe('dots_whole');
    expect(ballotProblem('dot', ['A', 'B'], r, { dots: [3] })).toBe('dots_whole');
    expect(ballotProblem('dot', ['A', 'B'], r, { dots: [8, 0] })).toBeNull();
  });
});

describe('score', () => {
  it('highest total (so highest mean) wins, with the means shown', () => {
    const r = run('score', [{ scores: [5, 2] }, { scores: [1, 3] }], {}, 10, ['A', 'B']);
    expect(r.tallies).toEqual([
      { option: 'A', count: 2, total: 6, mean: 3 },
      { option: 'B', count: 2, total: 5, mean: 2.5 },
    ]);
    expect(r.winners).toEqual(['A']);
    expect(ballotProblem('score', ['A', 'B'], rules(), { scores: [6, 0] })).toBe('score_each');
  });
});

describe('time poll', () => {
  it('the slot most can make wins; maybe breaks a tie in yes', () => {
    const b: SlotAnswer[][] = [
      ['yes', 'yes', 'no'],
      ['maybe', 'yes', 'yes'],
      ['yes', 'no', 'yes'],
    ];
    const r = run(
      'time_poll',
      b.map((slots) => ({ slots })),
      {},
      10,
      ['Mon', 'Tue', 'Wed'],
    );
    expect(r.tallies.map((t) => [t.yes, t.maybe])).toEqual([
      [2, 1],
      [2, 0],
      [2, 0],
    ]);
    expect(r.winners).toEqual(['Mon']);
  });
});

// Property tests: the count does not depend on ballot order, and more support for a winner never makes it lose.
const processes: Process[] = ['consent', 'consensus', 'majority', 'ranked', 'dot', 'score', 'time_poll', 'advice'];
const optionCount = 4;
const optionNames = ['A', 'B', 'C', 'D'];

function ballotArb(process: Process): fc.Arbitrary<Choice> {
  if (process in PICKS) return fc.constantFrom(...PICKS[process as keyof typeof PICKS]).map((pick) => ({ pick }));
  switch (process) {
    case 'ranked':
      return fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 }).map((ranking) => ({ ranking }));
    case 'dot':
      return fc
        .array(fc.integer({ min: 0, max: 2 }), { minLength: optionCount, maxLength: optionCount })
        .map((dots) => ({ dots }));
    case 'score':
      return fc
        .array(fc.integer({ min: 0, max: 5 }), { minLength: optionCount, maxLength: optionCount })
        .map((scores) => ({ scores }));
    default:
      return fc
        .array(fc.constantFrom<SlotAnswer>('no', 'maybe', 'yes'), { minLength: optionCount, maxLength: optionCount })
        .map((slots) => ({ slots }));
  }
}

describe('properties', () => {
  it('permuting ballots never changes the result, for every process', () => {
    for (const process of processes) {
      fc.assert(
        fc.property(
          fc
            .array(ballotArb(process), { maxLength: 25 })
            .chain((b) => fc.tuple(fc.constant(b), fc.shuffledSubarray(b, { minLength: b.length }))),
          fc.integer({ min: 0, max: 100 }),
          ([ballots, shuffled], quorum) => {
            const r = rules({ quorumPercent: quorum }, process);
            const one = tally({ process, options: optionNames, rules: r, ballots, eligible: 30 });
            const two = tally({ process, options: optionNames, rules: r, ballots: shuffled, eligible: 30 });
            expect(two).toEqual(one);
          },
        ),
        { numRuns: 150 },
      );
    }
  });

  it('majority: adding a vote for the winning side never makes it lose', () => {
    fc.assert(
      fc.property(
        fc.array(ballotArb('majority'), { maxLength: 40 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 100 }),
        (ballots, threshold, quorum) => {
          const r = { ...rules({ quorumPercent: quorum }), thresholds: defaultThresholds('majority', threshold) };
          const before = tally({ process: 'majority', options: [], rules: r, ballots, eligible: 40 });
          fc.pre(before.outcome === 'passed');
          const after = tally({
            process: 'majority',
            options: [],
            rules: r,
            ballots: [...ballots, { pick: 'yes' }],
            eligible: 40,
          });
          expect(after.outcome).toBe('passed');
        },
      ),
    );
  });

  it('consent: any objection fails the proposal; no objection passes it (quorum met)', () => {
    fc.assert(
      fc.property(fc.array(ballotArb('consent'), { maxLength: 30 }), (ballots) => {
        const r = run('consent', ballots);
        const objected = ballots.some((b) => 'pick' in b && b.pick === 'objection');
        expect(r.outcome).toBe(objected ? 'failed' : 'passed');
      }),
    );
  });

  it('dot and score: the winners are exactly the options with the top total', () => {
    for (const process of ['dot', 'score'] as const) {
      fc.assert(
        fc.property(fc.array(ballotArb(process), { minLength: 1, maxLength: 20 }), (ballots) => {
          const r = run(process, ballots, {}, 30, optionNames);
          const totals = r.tallies.map((t) => t.total ?? t.count);
          const top = Math.max(...totals);
          expect(r.winners).toEqual(optionNames.filter((_, i) => totals[i] === top));
          expect(r.outcome).toBe(r.winners.length === 1 ? 'chosen' : 'tie');
        }),
      );
    }
  });

  it('ranked: an option ranked first by more than half always wins; a winner is never eliminated', () => {
    fc.assert(
      fc.property(fc.array(ballotArb('ranked'), { minLength: 1, maxLength: 30 }), (ballots) => {
        const r = run('ranked', ballots, {}, 30, optionNames);
        const firsts = optionNames.map((_, i) => ballots.filter((b) => 'ranking' in b && b.ranking[0] === i).length);
        const majority = firsts.findIndex((n) => n * 2 > ballots.length);
        if (majority >= 0) expect(r.winners).toEqual([optionNames[majority]]);
        const eliminated = new Set(r.rounds!.flatMap((x) => x.eliminated));
        for (const w of r.winners) expect(eliminated.has(w)).toBe(false);
        expect(['chosen', 'tie']).toContain(r.outcome);
      }),
    );
  });
});
