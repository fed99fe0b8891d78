// Money as integer minor units (cents, pence; none for yen). Read from what a person types in their own way of
// writing numbers, shown in their language. Never floating point in the ledger.

/** The largest amount one entry may carry: far below 2^53, so sums stay exact in JavaScript numbers. */
export const MAX_AMOUNT = 1_000_000_000_000;

export const CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');
export const isCurrency = (c: string) => /^[A-Z]{3}$/.test(c) && CURRENCIES.includes(c);

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The longest text read as an amount ("1.000.000.000,00 Kč" and some room). */
export const MAX_AMOUNT_TEXT = 64;

/**
 * Reads "150", "150.5", "1,500.25", "1.500,25", "$ 20" into minor units; null if it is not an amount. One separator
 * followed by exactly three digits is read as thousands (1,500 or 1.500), unless the currency has three decimals.
 */
export function parseMoney(text: string, currency: string): number | null {
  if (text.length > MAX_AMOUNT_TEXT) return null;
  const digits = minorDigits(currency);
  const spaced = text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u202f'’_]/g, '')
    .replace(/^[^\d.,-]+/, '');
  // What follows the number ("20 €", "20 dollars") goes too; found by a scan from the end, since a regular expression
  // anchored at the end retries from every position.
  let end = spaced.length;
  while (end > 0 && !/[\d.,]/.test(spaced[end - 1]!)) end--;
  const cleaned = spaced.slice(0, end);
  if (!/^\d[\d.,]*$/.test(cleaned) || cleaned.length > 24) return null;
  const lastSep = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  let whole = cleaned;
  let fraction = '';
  if (lastSep >= 0) {
    const seps = new Set(cleaned.replace(/\d/g, ''));
    const tail = cleaned.slice(lastSep + 1);
    const groupedOnly = seps.size === 1 && tail.length === 3 && digits !== 3;
    const repeated = cleaned.split(cleaned[lastSep]!).length > 2;
    if (groupedOnly || (seps.size === 1 && repeated)) {
      whole = cleaned;
    } else {
      whole = cleaned.slice(0, lastSep);
      fraction = tail;
    }
    // Thousands groups must be groups of three.
    const groups = whole.split(/[.,]/);
    if (
      groups.length > 1 &&
      (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length === 0 || groups[0]!.length > 3)
    )
      return null;
    whole = groups.join('');
  }
  if (fraction.length > digits || !/^\d*$/.test(fraction)) return null;
  const units = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(units) || units <= 0 || units > MAX_AMOUNT) return null;
  return units;
}

/** 15000 USD in 'en' → "$150.00"; in 'es' → "150,00 US$". */
export function formatMoney(lang: string, units: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: digits }).format(
    units / 10 ** digits,
  );
}

/** The amount as a person would type it back into a form: 15000 USD → "150.00". */
export function moneyText(units: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(units);
  const s = String(Math.abs(units)).padStart(digits + 1, '0');
  return `${units < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
