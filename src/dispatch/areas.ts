// How far apart two areas are, for dispatch: the number of borders crossed, from the network's agreement of which
// areas neighbour which. Without that agreement every other area is one step away.

export function areaDistance(
  areas: readonly string[],
  neighbours: readonly (readonly [string, string])[],
): (a: string, b: string) => number {
  const known = new Set(areas);
  const next = new Map<string, string[]>();
  for (const [a, b] of neighbours) {
    if (!known.has(a) || !known.has(b) || a === b) continue; // a pair naming an area no longer agreed is left out
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  if (next.size === 0) return (a, b) => (a === b ? 0 : 1);
  const far = Math.max(2, areas.length); // not connected at all: farther than any path
  const memo = new Map<string, Map<string, number>>();
  const from = (start: string) => {
    let d = memo.get(start);
    if (d) return d;
    d = new Map([[start, 0]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const n of next.get(queue[i]!) ?? []) {
        if (!d.has(n)) {
          d.set(n, d.get(queue[i]!)! + 1);
          queue.push(n);
        }
      }
    }
    memo.set(start, d);
    return d;
  };
  return (a, b) => (a === b ? 0 : (from(a).get(b) ?? far));
}
