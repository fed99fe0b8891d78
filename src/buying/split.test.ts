// Property tests of buying together's arithmetic (issue 20): cost splits always add up to the invoice and are the
// same whatever order the shares come in; the proportional fill never gives anyone more than their most or less than
// their fair share (rounded down); packs never exceed what the members' most fill.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, fairShare, fillOf, largestRemainder, packsFor, splitCosts, type Taken, type Want } from './split.ts';

const wantsArb = fc
  .array(fc.record({ least: fc.integer({ min: 0, max: 40 }), room: fc.integer({ min: 0, max: 40 }) }), {
    minLength: 1,
    maxLength: 30,
  })
  .map((ws) =>
    ws.map((w, i): Want => ({ key: `m${String(i).padStart(2, '0')}`, least: w.least, most: w.least + w.room })),
  )
  .filter((ws) => ws.some((w) => w.most > 0));

const shuffle = <T>(xs: readonly T[], seed: number) => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

describe('buying together: the arithmetic', () => {
  it('largest remainder: adds up exactly, each within a cent of its quota, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 1000 }),
        (total, ws, seed) => {
          const weights = ws.map((weight, i) => ({ key: `k${i}`, weight }));
          const sum = ws.reduce((s, w) => s + w, 0);
          fc.pre(sum > 0);
          const out = largestRemainder(total, weights);
          expect([...out.values()].reduce((s, x) => s + x, 0)).toBe(total);
          for (const w of weights) {
            const quota = (total * w.weight) / sum;
            expect(out.get(w.key)!).toBeGreaterThanOrEqual(Math.floor(quota) - 1e-9);
            expect(out.get(w.key)!).toBeLessThanOrEqual(Math.ceil(quota) + 1e-9);
          }
          expect(largestRemainder(total, shuffle(weights, seed))).toEqual(out);
        },
      ),
    );
  });

  it('shares packs within everyone’s range: never more than their most, never under their fair share', () => {
    fc.assert(
      fc.property(wantsArb, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 1000 }), (wants, pack, cut) => {
        const most = wants.reduce((s, w) => s + w.most, 0);
        // Any supply up to what the members want at most (short supply included).
        const total = Math.min(most, Math.floor(most / pack) * pack, cut);
        const out = allocate(total, wants);
        expect([...out.values()].reduce((s, x) => s + x, 0)).toBe(total);
        for (const w of wants) {
          const got = out.get(w.key)!;
          const fair = fairShare(total, wants, w.key);
          expect(got).toBeLessThanOrEqual(w.most);
          expect(got).toBeGreaterThanOrEqual(Math.floor(fair + 1e-9));
          expect(got).toBeLessThanOrEqual(Math.ceil(fair - 1e-9));
          // When supply covers everyone's least, everyone gets at least that.
          if (total >= wants.reduce((s, x) => s + x.least, 0)) expect(got).toBeGreaterThanOrEqual(w.least);
        }
      }),
    );
  });

  it('orders no more packs than the members’ most fill, nor more than the supplier has, nor under its minimum', () => {
    fc.assert(
      fc.property(
        wantsArb,
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.integer({ min: 0, max: 10 })),
        (wants, packSteps, minPacks, maxPacks) => {
          const packs = packsFor({ packSteps, minPacks, maxPacks }, wants);
          const most = wants.reduce((s, w) => s + w.most, 0);
          expect(packs * packSteps).toBeLessThanOrEqual(most);
          if (maxPacks !== null) expect(packs).toBeLessThanOrEqual(maxPacks);
          if (packs > 0) expect(packs).toBeGreaterThanOrEqual(minPacks);
          const fill = fillOf({ packSteps, minPacks, maxPacks }, wants);
          expect(fill.full * packSteps + fill.inNext).toBe(most);
          expect(fill.short === 0 || fill.inNext + fill.short === packSteps).toBe(true);
        },
      ),
    );
  });

  it('splits the invoice to the cent: the payers’ totals are the invoice, the same in any order', () => {
    const takenArb = fc.array(
      fc.record({
        item: fc.integer({ min: 0, max: 5 }),
        payer: fc.integer({ min: 0, max: 9 }),
        milli: fc.integer({ min: 0, max: 30_000 }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            packPrice: fc.integer({ min: 1, max: 100_000 }),
            packMilli: fc.integer({ min: 1, max: 25_000 }),
          }),
          { minLength: 6, maxLength: 6 },
        ),
        takenArb,
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 999 }),
        (prices, rows, delivery, seed) => {
          const items = prices.map((p, i) => ({ key: `i${i}`, ...p }));
          const taken: Taken[] = rows.map((r, i) => ({
            key: `s${String(i).padStart(3, '0')}`,
            item: `i${r.item}`,
            payer: `p${r.payer}`,
            milli: r.milli,
          }));
          const split = splitCosts(items, taken, delivery);
          const totals = [...split.payers.values()].reduce((s, p) => s + p.total, 0);
          expect(totals).toBe(split.invoice);
          for (const p of split.payers.values()) {
            expect(p.goods).toBeGreaterThanOrEqual(0);
            expect(p.delivery).toBeGreaterThanOrEqual(0);
          }
          const again = splitCosts(shuffle(items, seed), shuffle(taken, seed + 1), delivery);
          expect(again.invoice).toBe(split.invoice);
          expect(new Map([...again.payers].sort())).toEqual(new Map([...split.payers].sort()));
          expect(new Map([...again.shares].sort())).toEqual(new Map([...split.shares].sort()));
        },
      ),
    );
  });

  it('charges a 2.3 kg bag more than a 2 kg one, and the invoice follows the weights', () => {
    const items = [{ key: 'rice', packPrice: 1250, packMilli: 5000 }];
    const before = splitCosts(
      items,
      [
        { key: 'a', item: 'rice', payer: 'ana', milli: 2000 },
        { key: 'b', item: 'rice', payer: 'ben', milli: 3000 },
      ],
      300,
    );
    expect(before.invoice).toBe(1250 + 300);
    expect(before.payers.get('ana')).toEqual({ goods: 500, delivery: 120, total: 620 });
    const after = splitCosts(
      items,
      [
        { key: 'a', item: 'rice', payer: 'ana', milli: 2300 },
        { key: 'b', item: 'rice', payer: 'ben', milli: 3000 },
      ],
      300,
    );
    expect(after.invoice).toBe(1325 + 300);
    expect(after.payers.get('ana')!.goods).toBe(575);
  });
});
