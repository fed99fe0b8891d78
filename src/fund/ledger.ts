// The ledger's arithmetic, without I/O: which lines each kind of movement writes, and the invariants every entry
// keeps (the database checks them again). A line adds its amount to its account; an entry's lines add to zero.

export type Line = { account: string; currency: string; amount: number };
export type MovementKind =
  'contribution' | 'gift' | 'return' | 'payout' | 'transfer' | 'circle_payment' | 'circle_payout';
export type Movement = {
  kind: MovementKind;
  /** The fund, or the circle's account for circle money. */
  fund: string;
  toFund?: string | null;
  /** A member's own pseudonymous account, for circle money. */
  member?: string | null;
  amount: number;
  currency: string;
};

/**
 * Money in comes from "outside"; money out goes to it; a transfer moves between two funds. In a circle, a payment
 * moves from the member's account to the circle's, and the round's payout back to the recipient's.
 */
export function linesFor(m: Movement, outside: string): Line[] {
  const { amount, currency } = m;
  switch (m.kind) {
    case 'circle_payment':
    case 'circle_payout': {
      if (!m.member) throw new Error('circle money moves to or from a member account');
      const sign = m.kind === 'circle_payment' ? 1 : -1;
      return [
        { account: m.member, currency, amount: -sign * amount },
        { account: m.fund, currency, amount: sign * amount },
      ];
    }
    case 'contribution':
    case 'gift':
    case 'return':
      return [
        { account: outside, currency, amount: -amount },
        { account: m.fund, currency, amount },
      ];
    case 'payout':
      return [
        { account: m.fund, currency, amount: -amount },
        { account: outside, currency, amount },
      ];
    case 'transfer':
      if (!m.toFund || m.toFund === m.fund) throw new Error('a transfer needs two different funds');
      return [
        { account: m.fund, currency, amount: -amount },
        { account: m.toFund, currency, amount },
      ];
  }
}

/** The entry that undoes another: every line negated. */
export const reversalOf = (lines: Line[]): Line[] => lines.map((l) => ({ ...l, amount: -l.amount }));

export function isBalanced(lines: Line[]): boolean {
  if (lines.length < 2) return false;
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.amount);
  return [...sums.values()].every((s) => s === 0);
}

export type Balances = Map<string, number>;
const at = (account: string, currency: string) => `${account}|${currency}`;

/** Balances after an entry (a new map; the input is kept). */
export function applyLines(balances: Balances, lines: Line[]): Balances {
  const next = new Map(balances);
  for (const l of lines) next.set(at(l.account, l.currency), (next.get(at(l.account, l.currency)) ?? 0) + l.amount);
  return next;
}

export const balanceIn = (balances: Balances, account: string, currency: string) =>
  balances.get(at(account, currency)) ?? 0;
