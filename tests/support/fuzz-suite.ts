// One share of the routes, fuzzed (tests/support/fuzz.ts). Run in the main pass only: the check that a rejected
// request changed nothing reads the write-ahead log's position (on an embedded server of the fixture's own), and what
// it checks (validation, answers, the app's own writes) does not depend on the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from './db.ts';
import { type Fixture, FUZZ_BUDGET, fuzzFixture, fuzzRoute, fuzzRoutes, runsPerRoute, stats } from './fuzz.ts';

export function fuzzSuite(share: number, shares: number) {
  describe.runIf(engine === 'embedded')(`generated bad input, share ${share + 1} of ${shares}`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await fuzzFixture();
    }, 120_000);
    afterAll(async () => f?.world.close());

    it(`shares ${FUZZ_BUDGET} generated requests among the routes: never a 5xx, every refusal explained, nothing stored`, async () => {
      const routes = fuzzRoutes(f.world);
      const runs = runsPerRoute(routes.length);
      expect(routes.length).toBeGreaterThan(80);
      if (process.env.FUZZ_LIST) console.log(routes.map((r) => `${r.method} ${r.path}`).join('\n'));
      const mine = routes.filter((_, i) => i % shares === share);
      if (process.env.FUZZ_SURVEY) {
        // Local debugging: a few runs per route, every route's first failure listed.
        const failures: string[] = [];
        for (const route of mine)
          await fuzzRoute(f, route, Number(process.env.FUZZ_SURVEY)).catch((e) =>
            failures.push(
              `${route.method} ${route.path}: ${String((e as { cause?: Error }).cause?.message ?? e).slice(0, 400)}`,
            ),
          );
        console.log('fuzz stats', stats);
        expect(failures).toEqual([]);
        return;
      }
      for (const route of mine) expect(await fuzzRoute(f, route, runs)).toBeGreaterThanOrEqual(runs);
    }, 600_000);
  });
}
