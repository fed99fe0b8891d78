import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatMoney, MAX_AMOUNT, minorDigits, moneyText, parseMoney } from './money.ts';

describe('reading amounts as people type them', () => {
  test.each([
    ['150', 'USD', 15000],
    ['150.5', 'USD', 15050],
    ['150,50', 'USD', 15050],
    ['1,500', 'USD', 150000],
    ['1.500', 'EUR', 150000],
    ['1,500.25', 'USD', 150025],
    ['1.500,25', 'EUR', 150025],
    ['1 500,25', 'EUR', 150025],
    ['$ 20', 'USD', 2000],
    ['20 €', 'EUR', 2000],
    ['1,000,000', 'USD', 100000000],
    ['12.345', 'USD', 1234500],
    ['500', 'JPY', 500],
    ['1,500', 'JPY', 1500],
    ['1.250', 'KWD', 1250],
  ])('%s %s is %d minor units', (text, currency, units) => {
    expect(parseMoney(text, currency)).toBe(units);
  });

  test.each(['', 'abc', '0', '-5', '1.2.3,4,5', '1,50,0', '1.5', '10000000000001', '1e5', 'NaN', '١٥٠x'])(
    '%j is not an amount in USD (or needs too many decimals)',
    (text) => {
      const cur = text === '1.5' ? 'JPY' : 'USD';
      expect(parseMoney(text, cur)).toBeNull();
    },
  );

  test('what moneyText writes, parseMoney reads back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_AMOUNT }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
        (units, currency) => {
          expect(parseMoney(moneyText(units, currency), currency)).toBe(units);
        },
      ),
    );
  });
});

describe('showing amounts', () => {
  test('in the reader’s language, with the currency’s own decimals', () => {
    expect(formatMoney('en', 15000, 'USD')).toBe('$150.00');
    expect(formatMoney('en', 500, 'JPY')).toBe('¥500');
    expect(minorDigits('KWD')).toBe(3);
    expect(moneyText(-5, 'USD')).toBe('-0.05');
  });
});
