// The surge scenario format (documented in BENCHMARKS.md): a city's areas and distances, helpers with what they help
// with, how far they go, how many needs each availability window can take and when they are free, and needs arriving
// over time. Times are minutes from the scenario's start.
import fs from 'node:fs';
import { z } from 'zod';

const minutes = z.number().int().min(0);

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    /** Minutes between dispatch rounds. */
    roundMinutes: z.number().int().min(1).max(1440),
    /** The simulated span: windows repeat and rounds run until here. */
    horizonMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
    areas: z.array(z.string().min(1)).min(1),
    /** distances[i][j]: between areas i and j, symmetric, in km. */
    distances: z.array(z.array(z.number().min(0))),
    helpers: z.array(
      z.object({
        id: z.string().min(1),
        area: z.string().min(1),
        categories: z.array(z.string().min(1)).min(1),
        /** The farthest this helper goes, in km; null for anywhere (cash, phone calls). */
        reachKm: z.number().min(0).nullable(),
        /** Needs this helper can take in each window. */
        capacity: z.number().int().min(1),
        availability: z.array(z.object({ from: minutes, until: minutes, every: minutes.optional() })).min(1),
      }),
    ),
    needs: z.array(
      z.object({
        id: z.string().min(1),
        arrival: minutes,
        category: z.string().min(1),
        area: z.string().min(1),
        urgency: z.enum(['urgent', 'soon', 'whenever']),
        neededBy: minutes,
      }),
    ),
  })
  .superRefine((s, ctx) => {
    const areas = new Set(s.areas);
    if (s.distances.length !== s.areas.length || s.distances.some((r) => r.length !== s.areas.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['distances'],
        message: 'distances must be a square matrix, one row and column per area',
      });
    }
    s.helpers.forEach((h, i) => {
      if (!areas.has(h.area))
        ctx.addIssue({ code: 'custom', path: ['helpers', i, 'area'], message: `unknown area ${h.area}` });
      h.availability.forEach((w, k) => {
        if (w.until <= w.from)
          ctx.addIssue({
            code: 'custom',
            path: ['helpers', i, 'availability', k],
            message: 'until must be after from',
          });
        if (w.every !== undefined && w.every < w.until - w.from)
          ctx.addIssue({
            code: 'custom',
            path: ['helpers', i, 'availability', k, 'every'],
            message: 'windows must not overlap',
          });
      });
    });
    s.needs.forEach((n, i) => {
      if (!areas.has(n.area))
        ctx.addIssue({ code: 'custom', path: ['needs', i, 'area'], message: `unknown area ${n.area}` });
      if (n.neededBy < n.arrival)
        ctx.addIssue({ code: 'custom', path: ['needs', i, 'neededBy'], message: 'neededBy is before arrival' });
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type Helper = Scenario['helpers'][number];
export type Need = Scenario['needs'][number];

export function readScenario(file: string): Scenario {
  const parsed = scenarioSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} is not a valid scenario:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Compact JSON: one helper or need per line, so a scenario diffs and reads well. */
export function writeScenario(file: string, s: Scenario) {
  const rows = (xs: unknown[]) => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  const text = `{
  "name": ${JSON.stringify(s.name)},
  "roundMinutes": ${s.roundMinutes},
  "horizonMinutes": ${s.horizonMinutes},
  "areas": ${JSON.stringify(s.areas)},
  "distances": [
${rows(s.distances)}
  ],
  "helpers": [
${rows(s.helpers)}
  ],
  "needs": [
${rows(s.needs)}
  ]
}
`;
  fs.writeFileSync(file, text);
}

/** Each occurrence of a helper's windows within the horizon. */
export function windowsOf(h: Helper, horizon: number): { from: number; until: number }[] {
  const out: { from: number; until: number }[] = [];
  for (const w of h.availability) {
    for (let k = 0; ; k++) {
      const shift = (w.every ?? 0) * k;
      if (w.from + shift >= horizon || (k > 0 && !w.every)) break;
      out.push({ from: w.from + shift, until: Math.min(horizon, w.until + shift) });
    }
  }
  return out;
}
