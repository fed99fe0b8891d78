// The mutuality dashboard's arithmetic, without I/O: how evenly helping, deciding and coordinating are shared (Gini,
// the busiest tenth's share), how many members both give and receive, how fast needs are met, and the rule that no
// figure drawn from fewer than five members is shown.

/** No figure is shown that rests on fewer members than this. */
export const MIN_MEMBERS = 5;

export type Suppressed<T> = { shown: true; value: T } | { shown: false; members: number };

/** A figure with the number of members behind it: shown only when enough members are behind it. */
export function guard<T>(value: T, members: number, min = MIN_MEMBERS): Suppressed<T> {
  return members >= min ? { shown: true, value } : { shown: false, members };
}

/**
 * The Gini coefficient of non-negative amounts: 0 when everyone carries the same, approaching 1 when one carries all.
 * Computed from the sorted values: G = Σ (2i − n − 1)·xᵢ / (n · Σ x), i from 1.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((s, v, i) => s + (2 * (i + 1) - n - 1) * v, 0);
  return weighted / (n * total);
}

/** The share of the total carried by the busiest `fraction` of members (at least one member). */
export function topShare(values: readonly number[], fraction = 0.1): number {
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length === 0 || total === 0) return 0;
  const k = Math.max(1, Math.ceil(values.length * fraction));
  const top = [...values]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, v) => s + v, 0);
  return top / total;
}

export type Exchange = { giver: string; receiver: string };

/** Of the members active in these exchanges, the share who both gave and received help. */
export function reciprocity(exchanges: readonly Exchange[]): { share: number; active: number; both: number } {
  const gave = new Set(exchanges.map((e) => e.giver));
  const received = new Set(exchanges.map((e) => e.receiver));
  const active = new Set([...gave, ...received]);
  const both = [...active].filter((m) => gave.has(m) && received.has(m)).length;
  return { share: active.size ? both / active.size : 0, active: active.size, both };
}

/** The p-th percentile (0–100) by the nearest-rank method; undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Work per member from a list of who did each piece of it (a member who did nothing is not in the list). */
export function perMember(doers: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of doers) counts.set(d, (counts.get(d) ?? 0) + 1);
  return counts;
}
