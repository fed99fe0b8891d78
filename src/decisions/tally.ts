// Counting a proposal's ballots: pure functions, no I/O. Every result carries its arithmetic (who could vote, turnout,
// quorum, tallies, each rule checked, instant-runoff rounds) so a page can explain exactly why it came out as it did.

export const PROCESSES = ['consent', 'consensus', 'majority', 'ranked', 'dot', 'score', 'time_poll', 'advice'] as const;
export type Process = (typeof PROCESSES)[number];

/** The fixed answers of the processes where each member picks one. */
export const PICKS = {
  consent: ['consent', 'objection'],
  consensus: ['agree', 'abstain', 'disagree', 'block'],
  majority: ['yes', 'no', 'abstain'],
  advice: ['agree', 'abstain'],
} as const satisfies Partial<Record<Process, readonly string[]>>;
export type PickProcess = keyof typeof PICKS;
export const isPickProcess = (p: Process): p is PickProcess => Object.hasOwn(PICKS, p);

/** Processes whose ballots are about a list of options the proposal names. */
export const OPTION_PROCESSES = ['ranked', 'dot', 'score', 'time_poll'] as const satisfies readonly Process[];
export const hasOptions = (p: Process) => (OPTION_PROCESSES as readonly Process[]).includes(p);

/** Processes that can bind the group (and so carry an action). */
export const BINDING_PROCESSES = ['consent', 'consensus', 'majority'] as const satisfies readonly Process[];
export const isBinding = (p: Process) => (BINDING_PROCESSES as readonly Process[]).includes(p);

export const SLOT_ANSWERS = ['no', 'maybe', 'yes'] as const;
export type SlotAnswer = (typeof SLOT_ANSWERS)[number];
export const MAX_SCORE = 5;

export type Threshold = { option: string; op: 'gt' | 'gte' | 'lt' | 'lte'; percent: number };
export type Rules = {
  /** Share of the members who could vote that must take part, in whole percent. */
  quorumPercent: number;
  /** Each must hold for a binding process to pass; shares are of votes cast (abstentions take part but are not votes). */
  thresholds: Threshold[];
  results: 'always' | 'after_vote' | 'after_close';
  /** Dots each member may place (dot vote). */
  dots: number;
};

export type Choice =
  { pick: string } | { ranking: number[] } | { dots: number[] } | { scores: number[] } | { slots: SlotAnswer[] };

export type Outcome = 'passed' | 'failed' | 'no_quorum' | 'chosen' | 'tie' | 'advised' | 'no_votes';

export type Tally = {
  option: string;
  count: number;
  percent?: number;
  total?: number;
  mean?: number;
  yes?: number;
  maybe?: number;
};
export type Check = Threshold & { actualPercent: number; held: boolean };
export type Round = {
  counts: { option: string; count: number }[];
  active: number;
  exhausted: number;
  eliminated: string[];
  /** How the eliminated were chosen when several shared last place; 'any_order' and 'unseparated' when nothing
   * separated them and each way of dropping one was followed (the same winner every way, or not). */
  how?: 'alone' | 'together' | 'earlier_round' | 'any_order' | 'unseparated';
  /** The options tied for last that nothing separated. */
  tied?: string[];
};

export type Result = {
  process: Process;
  eligible: number;
  participated: number;
  quorum: { percent: number; needed: number; met: boolean };
  tallies: Tally[];
  /** Votes cast: ballots that are not abstentions (pick processes). */
  votesCast?: number;
  checks?: Check[];
  rounds?: Round[];
  winners: string[];
  outcome: Outcome;
};

export type TallyInput = { process: Process; options: string[]; rules: Rules; ballots: Choice[]; eligible: number };

export function defaultThresholds(process: Process, majorityPercent = 50): Threshold[] {
  switch (process) {
    case 'consent':
      return [{ option: 'objection', op: 'lte', percent: 0 }];
    case 'consensus':
      return [
        { option: 'block', op: 'lte', percent: 0 },
        { option: 'agree', op: 'gt', percent: 50 },
      ];
    case 'majority':
      return [{ option: 'yes', op: 'gt', percent: majorityPercent }];
    default:
      return [];
  }
}

/** The rules of a decision the app opens by itself (reviews, removals, fund requests, circles): the process's usual
 * thresholds, results shown once a member has voted. */
export function standardRules(process: Process, quorumPercent = 0): Rules {
  return { quorumPercent, thresholds: defaultThresholds(process), results: 'after_vote', dots: 8 };
}

export function quorumNeeded(quorumPercent: number, eligible: number): number {
  return Math.ceil((quorumPercent * eligible) / 100);
}

/** Compares count/base with percent/100 exactly, in integers. An empty base counts as a share of 0. */
function holds(op: Threshold['op'], count: number, base: number, percent: number): boolean {
  const left = count * 100;
  const right = percent * base;
  if (base === 0) return op === 'lt' ? percent > 0 : op === 'lte' ? true : op === 'gte' ? percent === 0 : false;
  switch (op) {
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

const percentOf = (count: number, base: number) => (base === 0 ? 0 : Math.round((count * 1000) / base) / 10);

export function tally(input: TallyInput): Result {
  const participated = input.ballots.length;
  const needed = quorumNeeded(input.rules.quorumPercent, input.eligible);
  const quorum = { percent: input.rules.quorumPercent, needed, met: participated >= needed };
  const base = { process: input.process, eligible: input.eligible, participated, quorum };
  const counted = countBallots(input);
  let outcome = counted.outcome;
  if (!quorum.met && input.process !== 'advice') outcome = 'no_quorum';
  return { ...base, ...counted, outcome };
}

type Counted = Omit<Result, 'process' | 'eligible' | 'participated' | 'quorum'>;

function countBallots(input: TallyInput): Counted {
  const { process } = input;
  if (isPickProcess(process)) return countPicks(process, input);
  switch (process) {
    case 'ranked':
      return instantRunoff(
        input.options,
        input.ballots.map((b) => ('ranking' in b ? b.ranking : [])),
      );
    case 'dot':
      return countTotals(
        input.options,
        input.ballots.map((b) => ('dots' in b ? b.dots : [])),
      );
    case 'score':
      return countScores(
        input.options,
        input.ballots.map((b) => ('scores' in b ? b.scores : [])),
      );
    case 'time_poll':
      return countSlots(
        input.options,
        input.ballots.map((b) => ('slots' in b ? b.slots : [])),
      );
  }
  throw new Error(`unknown process ${process satisfies never}`);
}

function countPicks(process: PickProcess, input: TallyInput): Counted {
  const options = PICKS[process] as readonly string[];
  const counts = new Map(options.map((o) => [o, 0]));
  for (const b of input.ballots) if ('pick' in b && counts.has(b.pick)) counts.set(b.pick, counts.get(b.pick)! + 1);
  const votesCast = input.ballots.length - (counts.get('abstain') ?? 0);
  const tallies = options.map((option) => ({
    option,
    count: counts.get(option)!,
    percent: percentOf(counts.get(option)!, option === 'abstain' ? input.ballots.length : votesCast),
  }));
  if (process === 'advice') return { tallies, votesCast, winners: [], outcome: 'advised' };
  const checks = input.rules.thresholds.map((th) => {
    const count = counts.get(th.option) ?? 0;
    return { ...th, actualPercent: percentOf(count, votesCast), held: holds(th.op, count, votesCast, th.percent) };
  });
  return { tallies, votesCast, checks, winners: [], outcome: checks.every((c) => c.held) ? 'passed' : 'failed' };
}

function topOf(tallies: Tally[], value: (t: Tally) => number[]): string[] {
  if (tallies.length === 0) return [];
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  const best = tallies.reduce((acc, t) => (compare(value(t), acc) > 0 ? value(t) : acc), value(tallies[0]!));
  return tallies.filter((t) => compare(value(t), best) === 0).map((t) => t.option);
}

function choose(participated: number, winners: string[]): Outcome {
  if (participated === 0) return 'no_votes';
  return winners.length === 1 ? 'chosen' : 'tie';
}

function countTotals(options: string[], ballots: number[][]): Counted {
  const tallies = options.map((option, i) => ({ option, count: ballots.reduce((s, b) => s + (b[i] ?? 0), 0) }));
  const winners = ballots.length ? topOf(tallies, (t) => [t.count]) : [];
  return { tallies, winners, outcome: choose(ballots.length, winners) };
}

function countScores(options: string[], ballots: number[][]): Counted {
  const tallies = options.map((option, i) => {
    const total = ballots.reduce((s, b) => s + (b[i] ?? 0), 0);
    return {
      option,
      count: ballots.length,
      total,
      mean: ballots.length ? Math.round((total * 100) / ballots.length) / 100 : 0,
    };
  });
  const winners = ballots.length ? topOf(tallies, (t) => [t.total!]) : [];
  return { tallies, winners, outcome: choose(ballots.length, winners) };
}

function countSlots(options: string[], ballots: SlotAnswer[][]): Counted {
  const tallies = options.map((option, i) => {
    const yes = ballots.filter((b) => b[i] === 'yes').length;
    const maybe = ballots.filter((b) => b[i] === 'maybe').length;
    return { option, count: yes, yes, maybe };
  });
  // The slot most can make, then the one most could perhaps make.
  const winners = ballots.length ? topOf(tallies, (t) => [t.yes!, t.maybe!]) : [];
  return { tallies, winners, outcome: choose(ballots.length, winners) };
}

/**
 * Instant-runoff. Each round counts every ballot for its highest-ranked option still in the count; an option with more
 * than half of those ballots wins. Otherwise the last is dropped. When several share last place they go together if
 * all their votes together are fewer than any other option's (so it cannot change who wins); otherwise the one with
 * fewer votes in the latest earlier round that separates them goes; if nothing separates them, each way of dropping one
 * is followed to its end: when every way leads to the same option it wins, otherwise it is a tie between the options
 * that could win. Never broken by chance. (tally.test.ts checks it against every order of dropping on generated
 * ballots.)
 */
export function instantRunoff(options: string[], ballots: number[][]): Counted {
  const rounds: Round[] = [];
  const firstCounts = options.map((option) => ({ option, count: 0 }));
  for (const b of ballots) if (b[0] !== undefined && firstCounts[b[0]]) firstCounts[b[0]]!.count++;
  const result = (winners: number[], outcome: Outcome): Counted => ({
    tallies: firstCounts,
    rounds,
    winners: [...winners].sort((a, b) => a - b).map((i) => options[i]!),
    outcome,
  });
  if (ballots.length === 0 || options.length === 0) return result([], 'no_votes');
  const budget = { rounds: RUNOFF_BRANCH_ROUNDS };
  const winners = runoff(
    ballots,
    new Set(options.map((_, i) => i)),
    [],
    (round) => rounds.push(toRound(options, round)),
    budget,
  );
  return result([...winners], winners.size === 1 ? 'chosen' : 'tie');
}

/** How many rounds following every way through ties may count (20 options tied would have 20! ways) before the
 * options still in share the tie. */
const RUNOFF_BRANCH_ROUNDS = 2_000;

type RawRound = {
  counts: Map<number, number>;
  active: number;
  exhausted: number;
  eliminated: number[];
  how?: Round['how'];
  tied?: number[];
};

const toRound = (options: string[], r: RawRound): Round => ({
  counts: [...r.counts].map(([i, count]) => ({ option: options[i]!, count })),
  active: r.active,
  exhausted: r.exhausted,
  eliminated: r.eliminated.map((i) => options[i]!),
  ...(r.how ? { how: r.how } : {}),
  ...(r.tied ? { tied: r.tied.map((i) => options[i]!) } : {}),
});

/**
 * Counts from `continuing` to the end; returns the options that can win. `show` receives each round of the path
 * followed (the main path only: the ways followed through an unseparable tie are counted, not shown).
 */
function runoff(
  ballots: number[][],
  start: Set<number>,
  earlier: Map<number, number>[],
  show: ((r: RawRound) => void) | null,
  budget: { rounds: number },
): Set<number> {
  const continuing = new Set(start);
  const history = [...earlier];
  while (continuing.size > 0) {
    if (--budget.rounds < 0) return continuing; // too many ways to follow: all still in share the tie
    const counts = new Map([...continuing].map((i) => [i, 0]));
    let active = 0;
    for (const b of ballots) {
      const top = b.find((i) => continuing.has(i));
      if (top === undefined) continue;
      counts.set(top, counts.get(top)! + 1);
      active++;
    }
    const round: RawRound = { counts, active, exhausted: ballots.length - active, eliminated: [] };
    const leader = [...counts].find(([, n]) => n * 2 > active);
    if (leader || continuing.size === 1) {
      show?.(round);
      return new Set([leader ? leader[0] : [...continuing][0]!]);
    }
    const min = Math.min(...counts.values());
    const last = [...counts].filter(([, n]) => n === min).map(([i]) => i);
    let out: number[];
    if (last.length === 1) {
      out = last;
      round.how = 'alone';
    } else {
      const others = [...counts].filter(([i]) => !last.includes(i)).map(([, n]) => n);
      if (others.length && min * last.length < Math.min(...others)) {
        out = last;
        round.how = 'together';
      } else {
        out = separateByEarlierRounds(last, history);
        if (out.length === 1) round.how = 'earlier_round';
        else {
          // Nothing separates them: follow each way of dropping one of them.
          const could = new Set<number>();
          for (const drop of last) {
            const rest = new Set(continuing);
            rest.delete(drop);
            for (const w of runoff(ballots, rest, [...history, counts], null, budget)) could.add(w);
          }
          round.how = could.size === 1 ? 'any_order' : 'unseparated';
          round.tied = last;
          show?.(round);
          return could;
        }
      }
    }
    history.push(counts);
    for (const i of out) continuing.delete(i);
    round.eliminated = out;
    show?.(round);
  }
  return continuing;
}

/** The one option among those tied for last that had fewest votes in the latest earlier round that separates them. */
function separateByEarlierRounds(tied: number[], earlier: Map<number, number>[]): number[] {
  for (let r = earlier.length - 1; r >= 0; r--) {
    const counts = earlier[r]!;
    const min = Math.min(...tied.map((i) => counts.get(i) ?? 0));
    const lowest = tied.filter((i) => (counts.get(i) ?? 0) === min);
    if (lowest.length === 1) return lowest;
  }
  return tied;
}

/** Is a ballot well formed for this process and these options? Returns a reason code, or null if it is valid. */
export function ballotProblem(process: Process, options: string[], rules: Rules, choice: Choice): string | null {
  if (isPickProcess(process)) {
    return 'pick' in choice && (PICKS[process] as readonly string[]).includes(choice.pick) ? null : 'choose_one';
  }
  const n = options.length;
  switch (process) {
    case 'ranked': {
      if (!('ranking' in choice) || choice.ranking.length === 0) return 'rank_one';
      const seen = new Set(choice.ranking);
      if (seen.size !== choice.ranking.length || choice.ranking.some((i) => !Number.isInteger(i) || i < 0 || i >= n))
        return 'rank_each_once';
      return null;
    }
    case 'dot': {
      if (!('dots' in choice) || choice.dots.length !== n || choice.dots.some((d) => !Number.isInteger(d) || d < 0))
        return 'dots_whole';
      const used = choice.dots.reduce((s, d) => s + d, 0);
      if (used === 0) return 'dots_none';
      return used > rules.dots ? 'dots_too_many' : null;
    }
    case 'score':
      return 'scores' in choice &&
        choice.scores.length === n &&
        choice.scores.every((s) => Number.isInteger(s) && s >= 0 && s <= MAX_SCORE)
        ? null
        : 'score_each';
    case 'time_poll':
      return 'slots' in choice &&
        choice.slots.length === n &&
        choice.slots.every((s) => (SLOT_ANSWERS as readonly string[]).includes(s))
        ? null
        : 'answer_each';
  }
  return 'choose_one';
}
