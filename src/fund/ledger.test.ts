import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyLines, balanceIn, isBalanced, linesFor, reversalOf, type Movement } from './ledger.ts';

const kinds = ['contribution', 'gift', 'return', 'payout', 'transfer', 'circle_payment', 'circle_payout'] as const;
const movement = fc
  .record({
    kind: fc.constantFrom(...kinds),
    amount: fc.integer({ min: 1, max: 1_000_000_000_000 }),
    currency: fc.constantFrom('USD', 'EUR', 'JPY'),
  })
  .map((m): Movement => ({ ...m, fund: 'fund', toFund: 'other', member: 'member' }));

describe('the ledger’s arithmetic', () => {
  test('every movement and its reversal balance, and together change nothing', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (moves) => {
        let balances = new Map<string, number>();
        for (const m of moves) {
          const lines = linesFor(m, 'outside');
          expect(isBalanced(lines)).toBe(true);
          expect(isBalanced(reversalOf(lines))).toBe(true);
          balances = applyLines(balances, lines);
        }
        for (const m of [...moves].reverse()) balances = applyLines(balances, reversalOf(linesFor(m, 'outside')));
        for (const v of balances.values()) expect(v).toBe(0);
      }),
    );
  });

  test('money in raises the fund, money out lowers it, circle money moves between a member and the circle', () => {
    const b = (m: Movement) => applyLines(new Map(), linesFor(m, 'outside'));
    const base = { fund: 'f', amount: 500, currency: 'USD' };
    expect(balanceIn(b({ ...base, kind: 'gift' }), 'f', 'USD')).toBe(500);
    expect(balanceIn(b({ ...base, kind: 'payout' }), 'f', 'USD')).toBe(-500);
    expect(balanceIn(b({ ...base, kind: 'transfer', toFund: 'g' }), 'g', 'USD')).toBe(500);
    expect(balanceIn(b({ ...base, kind: 'circle_payment', member: 'm' }), 'm', 'USD')).toBe(-500);
    expect(balanceIn(b({ ...base, kind: 'circle_payout', member: 'm' }), 'm', 'USD')).toBe(500);
    expect(() => linesFor({ ...base, kind: 'transfer', toFund: 'f' }, 'outside')).toThrow();
    expect(isBalanced([{ account: 'a', currency: 'USD', amount: 5 }])).toBe(false);
    expect(
      isBalanced([
        { account: 'a', currency: 'USD', amount: 5 },
        { account: 'b', currency: 'EUR', amount: -5 },
      ]),
    ).toBe(false);
  });
});
