// The arithmetic of a rotating savings circle, without I/O: the payout order, when each round is due, and where each
// member stands (put in, taken out, still owed — a deferred payment is owed, never forfeited).
import crypto from 'node:crypto';

/** A fair shuffle (Fisher–Yates with a cryptographic source), for the lottery at the start. */
export function lotteryOrder<T>(
  items: readonly T[],
  randomInt: (max: number) => number = (max) => crypto.randomInt(max),
): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Round n (from 1) is due n − 1 periods after the start. */
export function dueDates(start: Date, periodDays: number, rounds: number): Date[] {
  return Array.from({ length: rounds }, (_, i) => new Date(start.getTime() + i * periodDays * 86_400_000));
}

export type RoundFacts = {
  number: number;
  dueAt: Date;
  recipientId: string | null;
  payers: string[];
  deferred: string[];
  collected: number;
  paidOut: number;
};

export type Standing = { memberId: string; putIn: number; takenOut: number; owes: number };

/** Where each member stands: every round already due asks the amount of each member, whoever receives it. */
export function standings(
  memberIds: string[],
  rounds: RoundFacts[],
  amount: number,
  now: Date,
  payments: Map<string, number>,
  payouts: Map<string, number>,
): Standing[] {
  const due = rounds.filter((r) => r.dueAt <= now).length;
  return memberIds.map((m) => {
    const putIn = payments.get(m) ?? 0;
    return { memberId: m, putIn, takenOut: payouts.get(m) ?? 0, owes: Math.max(0, due * amount - putIn) };
  });
}

/** The round members are paying into now: the latest one already due (or the first, before the start date). */
export function currentRound<R extends RoundFacts>(rounds: R[], now: Date): R | undefined {
  const due = rounds.filter((r) => r.dueAt <= now);
  return due[due.length - 1] ?? rounds[0];
}

/** Who receives next: the first round that has paid out nothing yet. */
export function nextRecipient<R extends RoundFacts>(rounds: R[]): R | undefined {
  return rounds.find((r) => r.paidOut === 0);
}
