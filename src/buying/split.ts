// Buying together's arithmetic, without I/O (ADR 035): how many packs of an item to order from the members' ranges,
// how the packs are shared — everyone's least first and what is left in proportion to the room each left, or, when
// supply is short of the least asked, in proportion to what each asked at least (never first come) — and how the
// invoice is split to the cent by largest remainder so the members' totals are the invoice exactly. Integers only:
// quantities in whole steps of the item (a step is the least one can ask more or less of), money in cents.

/** Integers proportional to the weights that add up to `total` exactly: each gets the floor of its quota, and what is
 * left goes one by one to the largest fractions (ties: the smaller key, so the same input always gives the same). */
export function largestRemainder(
  total: number,
  weights: readonly { key: string; weight: number }[],
): Map<string, number> {
  const out = new Map<string, number>(weights.map((w) => [w.key, 0]));
  const sum = weights.reduce((s, w) => s + BigInt(w.weight), 0n);
  if (total === 0 || weights.length === 0) return out;
  if (sum === 0n) throw new Error('nothing to share in proportion to');
  const t = BigInt(total);
  const parts = weights.map((w) => {
    const q = t * BigInt(w.weight);
    return { key: w.key, whole: q / sum, rest: q % sum };
  });
  let left = t - parts.reduce((s, p) => s + p.whole, 0n);
  parts.sort((a, b) => (a.rest === b.rest ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.rest > b.rest ? -1 : 1));
  for (const p of parts) {
    out.set(p.key, Number(p.whole + (left > 0n ? 1n : 0n)));
    if (left > 0n) left--;
  }
  return out;
}

/** A member's range for one item, in the item's steps. */
export type Want = { key: string; least: number; most: number };
export type Item = { packSteps: number; minPacks: number; maxPacks: number | null };

/** Packs to order: as many as the members' most fill whole, within what the supplier has; none under its minimum. */
export function packsFor(item: Item, wants: readonly Want[]): number {
  const most = wants.reduce((s, w) => s + w.most, 0);
  let packs = Math.floor(most / item.packSteps);
  if (item.maxPacks !== null) packs = Math.min(packs, item.maxPacks);
  return packs < Math.max(1, item.minPacks) ? 0 : packs;
}

/**
 * Shares `total` steps among the wants (total ≤ the sum of their most). When it covers everyone's least, each gets
 * their least and what is left goes in proportion to the room each left (most − least); when it does not (supply is
 * short), each gets in proportion to their least. Nobody gets more than their most; everyone gets their fair share
 * rounded down or up (fairShare).
 */
export function allocate(total: number, wants: readonly Want[]): Map<string, number> {
  const least = wants.reduce((s, w) => s + w.least, 0);
  const most = wants.reduce((s, w) => s + w.most, 0);
  if (total > most) throw new Error('more to share than anyone wants');
  if (total < least)
    return largestRemainder(
      total,
      wants.map((w) => ({ key: w.key, weight: w.least })),
    );
  const rooms = wants.map((w) => ({ key: w.key, weight: w.most - w.least }));
  const extra = total > least ? largestRemainder(total - least, rooms) : new Map<string, number>();
  return new Map(wants.map((w) => [w.key, w.least + (extra.get(w.key) ?? 0)]));
}

/** Each want's fair share of `total`, as an exact fraction (the allocation is this rounded down or up). */
export function fairShare(total: number, wants: readonly Want[], key: string): number {
  const w = wants.find((x) => x.key === key)!;
  const least = wants.reduce((s, x) => s + x.least, 0);
  const most = wants.reduce((s, x) => s + x.most, 0);
  if (total < least) return (total * w.least) / least;
  return most === least ? w.least : w.least + ((total - least) * (w.most - w.least)) / (most - least);
}

/** How full the packs are, for the live view: whole packs the members' most fill, and how many steps the next needs. */
export function fillOf(item: Item, wants: readonly Want[]) {
  const most = wants.reduce((s, w) => s + w.most, 0);
  const least = wants.reduce((s, w) => s + w.least, 0);
  const full = Math.floor(most / item.packSteps);
  const inNext = most - full * item.packSteps;
  return {
    full,
    /** Steps in the pack being filled. */
    inNext,
    /** Steps that would complete it (0: none begun). */
    short: inNext === 0 ? 0 : item.packSteps - inNext,
    /** Whether what members asked at least already needs more than whole packs give. */
    least,
    most,
  };
}

/** A share as it is picked up: its item, its payer (a member, or someone a member ordered for), and how much. */
export type Taken = { key: string; item: string; payer: string; milli: number };
/** An item's price: per pack, and the pack in thousandths of the unit. */
export type Priced = { key: string; packPrice: number; packMilli: number };

export type Split = {
  /** Cents per share (its goods only). */
  shares: Map<string, number>;
  /** Cents per payer: their goods and their part of the delivery. */
  payers: Map<string, { goods: number; delivery: number; total: number }>;
  invoice: number;
};

/**
 * The invoice split to the cent. Each item costs what was taken of it at its price per unit (rounded to the cent
 * once, for the item), shared among its shares in proportion to what each took; the delivery is shared among payers
 * in proportion to their goods. The payers' totals add up to the invoice exactly, whatever the corrections.
 */
export function splitCosts(items: readonly Priced[], taken: readonly Taken[], delivery: number): Split {
  const shares = new Map<string, number>();
  let goodsTotal = 0;
  for (const item of items) {
    const mine = taken.filter((t) => t.item === item.key && t.milli > 0);
    const milli = mine.reduce((s, t) => s + t.milli, 0);
    if (milli === 0) continue;
    const cost = Number(
      (BigInt(milli) * BigInt(item.packPrice) * 2n + BigInt(item.packMilli)) / (2n * BigInt(item.packMilli)),
    );
    goodsTotal += cost;
    for (const [key, cents] of largestRemainder(
      cost,
      mine.map((t) => ({ key: t.key, weight: t.milli })),
    ))
      shares.set(key, cents);
  }
  const goods = new Map<string, number>();
  for (const t of taken) goods.set(t.payer, (goods.get(t.payer) ?? 0) + (shares.get(t.key) ?? 0));
  const weights = [...goods].map(([key, weight]) => ({ key, weight }));
  const deliveryShares =
    delivery > 0 && goodsTotal > 0
      ? largestRemainder(delivery, weights)
      : delivery > 0 && weights.length
        ? largestRemainder(
            delivery,
            weights.map((w) => ({ key: w.key, weight: 1 })),
          )
        : new Map<string, number>();
  const payers = new Map<string, { goods: number; delivery: number; total: number }>();
  for (const [payer, g] of goods) {
    const d = deliveryShares.get(payer) ?? 0;
    payers.set(payer, { goods: g, delivery: d, total: g + d });
  }
  const invoice = goodsTotal + (weights.length ? delivery : 0);
  return { shares, payers, invoice };
}
