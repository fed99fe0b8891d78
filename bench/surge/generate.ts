// Seeded cities for the surge benchmark. Each preset is a plausible shape of real demand: categories mixed as groups
// report them, needs concentrated where people are worse off, helpers where they are better off, arrivals on a curve.
import type { Helper, Need, Scenario } from './scenario.ts';
import { prng } from '../support.ts';

export const PRESETS = ['neighbourhood-week', 'city-disaster-day', 'heat-wave'] as const;
export type Preset = (typeof PRESETS)[number];

type Shape = {
  name: string;
  cols: number;
  rows: number;
  spacingKm: number;
  horizon: number;
  round: number;
  needs: number;
  helpers: number;
  /** Relative arrival intensity at minute t. */
  intensity: (t: number) => number;
  categories: Record<string, number>;
  urgency: Record<'urgent' | 'soon' | 'whenever', number>;
  /** Minutes from arrival to needed-by, [min, max] by urgency. */
  dueIn: Record<'urgent' | 'soon' | 'whenever', [number, number]>;
  /** Daily (or weekly) windows helpers choose from, [from, until] in minutes of the day. */
  windows: [number, number][];
  windowsPerHelper: [number, number];
  every: number;
  capacity: [number, number];
  reachKm: [number, number];
  /** Areas hit hardest: they get this share of needs and a smaller share of helpers. */
  hardHit: number;
  hardHitShare: number;
};

const hour = 60;
const day = 24 * hour;

const SHAPES: Record<Preset, Shape> = {
  'neighbourhood-week': {
    name: 'neighbourhood week',
    cols: 3,
    rows: 2,
    spacingKm: 1.2,
    horizon: 7 * day,
    round: 30,
    needs: 450,
    helpers: 320,
    intensity: (t) => {
      const h = (t % day) / hour;
      return h < 7 ? 0.1 : h < 22 ? 1 : 0.3;
    },
    categories: { groceries: 30, meals: 20, medicine: 10, rides: 20, cash: 10, supplies: 10 },
    urgency: { urgent: 15, soon: 45, whenever: 40 },
    dueIn: { urgent: [4 * hour, 12 * hour], soon: [day, 3 * day], whenever: [3 * day, 7 * day] },
    windows: [
      [8 * hour, 11 * hour],
      [11 * hour, 14 * hour],
      [14 * hour, 17 * hour],
      [17 * hour, 20 * hour],
      [19 * hour, 21 * hour],
    ],
    windowsPerHelper: [1, 2],
    every: 7 * day,
    capacity: [1, 2],
    reachKm: [1.5, 4],
    hardHit: 2,
    hardHitShare: 0.5,
  },
  'city-disaster-day': {
    name: 'city disaster day',
    cols: 6,
    rows: 4,
    spacingKm: 1.5,
    horizon: day,
    round: 15,
    needs: 10_000,
    helpers: 3_000,
    // Calm, then the event at 02:00: a sharp rise to a peak around 05:00 and a long decay.
    intensity: (t) =>
      t < 2 * hour
        ? 0.05
        : t < 5 * hour
          ? 0.05 + (t - 2 * hour) / (3 * hour)
          : Math.pow(0.5, (t - 5 * hour) / (6 * hour)),
    categories: { groceries: 20, meals: 20, medicine: 10, rides: 10, cash: 10, supplies: 30 },
    urgency: { urgent: 40, soon: 45, whenever: 15 },
    dueIn: { urgent: [2 * hour, 6 * hour], soon: [6 * hour, 18 * hour], whenever: [18 * hour, 36 * hour] },
    windows: [
      [6 * hour, 10 * hour],
      [10 * hour, 14 * hour],
      [14 * hour, 18 * hour],
      [18 * hour, 22 * hour],
      [8 * hour, 20 * hour],
    ],
    windowsPerHelper: [1, 2],
    every: day,
    capacity: [1, 3],
    reachKm: [2, 6],
    hardHit: 6,
    hardHitShare: 0.55,
  },
  'heat-wave': {
    name: 'heat wave',
    cols: 4,
    rows: 4,
    spacingKm: 1.5,
    horizon: day,
    round: 15,
    needs: 3_000,
    helpers: 900,
    // Wellness checks on older neighbours as the afternoon heats up.
    intensity: (t) => {
      const h = t / hour;
      return h < 9 ? 0.05 : h < 15 ? (h - 8) / 7 : h < 20 ? 1 - (h - 15) / 6 : 0.1;
    },
    categories: { wellness: 60, supplies: 20, rides: 10, medicine: 10 },
    urgency: { urgent: 60, soon: 35, whenever: 5 },
    dueIn: { urgent: [2 * hour, 4 * hour], soon: [4 * hour, 10 * hour], whenever: [10 * hour, 24 * hour] },
    windows: [
      [8 * hour, 12 * hour],
      [12 * hour, 16 * hour],
      [16 * hour, 20 * hour],
      [18 * hour, 22 * hour],
    ],
    windowsPerHelper: [1, 2],
    every: day,
    capacity: [2, 4],
    reachKm: [1.5, 4],
    hardHit: 4,
    hardHitShare: 0.5,
  },
};

function pickWeighted<T extends string>(r: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}
const between = (r: () => number, [lo, hi]: [number, number]) => lo + r() * (hi - lo);
const whole = (r: () => number, [lo, hi]: [number, number]) => lo + Math.floor(r() * (hi - lo + 1));

/** A preset city; scale shrinks the counts (for --quick and the smoke test), seed makes it another city. */
export function generate(preset: Preset, { scale = 1, seed = 1 }: { scale?: number; seed?: number } = {}): Scenario {
  const s = SHAPES[preset];
  const r = prng(seed * 7919 + PRESETS.indexOf(preset));
  const areas: string[] = [];
  const xy: [number, number][] = [];
  for (let y = 0; y < s.rows; y++)
    for (let x = 0; x < s.cols; x++) {
      areas.push(`${String.fromCharCode(65 + y)}${x + 1}`);
      xy.push([x * s.spacingKm + (r() - 0.5) * 0.3, y * s.spacingKm + (r() - 0.5) * 0.3]);
    }
  // Road distance: straight line a quarter longer, to a tenth of a km.
  const distances = xy.map(([ax, ay]) =>
    xy.map(([bx, by]) => Math.round(Math.hypot(ax - bx, ay - by) * 1.25 * 10) / 10),
  );
  // The hardest-hit areas form a cluster around a random centre.
  const centre = Math.floor(r() * areas.length);
  const hit = new Set(
    areas
      .map((_, i) => i)
      .sort((i, j) => distances[centre]![i]! - distances[centre]![j]!)
      .slice(0, s.hardHit),
  );
  const needWeight = areas.map((_, i) =>
    hit.has(i) ? s.hardHitShare / s.hardHit : (1 - s.hardHitShare) / (areas.length - s.hardHit),
  );
  const helperWeight = areas.map((_, i) => (hit.has(i) ? 0.5 : 1) * (0.6 + r() * 0.8));
  const areaBy = (w: number[]) => areas[pickIndex(r, w)]!;

  const helperCount = Math.max(2, Math.round(s.helpers * scale));
  const helpers: Helper[] = [];
  for (let i = 0; i < helperCount; i++) {
    const cats = new Set<string>();
    const k = whole(r, [1, 3]);
    while (cats.size < k) cats.add(pickWeighted(r, s.categories));
    const windows = [
      ...new Set(Array.from({ length: whole(r, s.windowsPerHelper) }, () => Math.floor(r() * s.windows.length))),
    ];
    const availability = windows.map((w) => {
      const [from, until] = s.windows[w]!;
      // Weekly helpers pick a day; daily ones repeat every day.
      const offset = s.every > day ? Math.floor(r() * (s.every / day)) * day : 0;
      return { from: from + offset, until: until + offset, every: s.every };
    });
    helpers.push({
      id: `h${i + 1}`,
      area: areaBy(helperWeight),
      categories: [...cats].sort(),
      reachKm: cats.has('cash') && cats.size === 1 ? null : Math.round(between(r, s.reachKm) * 10) / 10,
      capacity: whole(r, s.capacity),
      availability,
    });
  }

  const needCount = Math.max(3, Math.round(s.needs * scale));
  const curve = Array.from({ length: s.horizon }, (_, t) => s.intensity(t));
  const needs: Need[] = [];
  for (let i = 0; i < needCount; i++) {
    const arrival = pickIndex(r, curve);
    const urgency = pickWeighted(r, s.urgency);
    needs.push({
      id: `n${i + 1}`,
      arrival,
      category: pickWeighted(r, s.categories),
      area: areaBy(needWeight),
      urgency,
      neededBy: arrival + Math.round(between(r, s.dueIn[urgency])),
    });
  }
  needs.sort((a, b) => a.arrival - b.arrival);
  return { name: s.name, roundMinutes: s.round, horizonMinutes: s.horizon, areas, distances, helpers, needs };
}

function pickIndex(r: () => number, weights: number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}
