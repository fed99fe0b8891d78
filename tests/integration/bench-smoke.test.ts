// The benchmarks at a tiny size, so they cannot rot: `npm run bench` runs them at full size (BENCHMARKS.md).
// Figures here are checked for sense, not speed (timed tests are flaky on shared machines).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { greedyDispatch, proposeDispatch } from '../../src/dispatch/optimise.ts';
import { generate, PRESETS } from '../../bench/surge/generate.ts';
import { surgeFigures, upperBound } from '../../bench/surge/simulate.ts';
import { scenarioSchema } from '../../bench/surge/scenario.ts';
import { writePath } from '../../bench/write-path.ts';
import { movingBench } from '../../bench/moving.ts';
import { engine, freshDatabase } from '../support/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe(`benchmarks at a tiny size (${engine})`, () => {
  it('replays each surge preset: the optimiser meets at most the upper bound and at least what greedy meets', () => {
    for (const preset of PRESETS) {
      const s = generate(preset, { scale: 0.03, seed: 3 });
      expect(scenarioSchema.safeParse(s).success).toBe(true);
      const f = surgeFigures(s, proposeDispatch, greedyDispatch);
      expect(f.upperBound).toBe(upperBound(s));
      expect(f.met).toBeLessThanOrEqual(f.upperBound);
      expect(f.greedyMet).toBeLessThanOrEqual(f.upperBound);
      expect(f.met).toBeGreaterThanOrEqual(f.greedyMet);
      expect(f.metVsUpperBound).toBeGreaterThan(0.5);
      expect(f.rounds).toBeGreaterThan(0);
    }
  });

  it('previews a small sheet as CSV and .xlsx and imports it, every well-formed row becoming a member or a post', async () => {
    const f = await movingBench(60, 1);
    expect(f.rows).toBe(60);
    expect(f.csvPreviewMs).toBeGreaterThan(0);
    expect(f.xlsxPreviewMs).toBeGreaterThan(0);
    const o = f.outcome as { members: number; needs: number; offers: number; skipped: number };
    expect(o.members).toBeGreaterThan(30);
    expect(o.needs).toBeGreaterThanOrEqual(o.members);
    expect(o.skipped).toBeLessThan(6);
  });

  it('prints the figures for a scenario file as JSON, and refuses a bad file clearly', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/surge/cli.ts', '--scenario', 'bench/scenarios/neighbourhood-week.json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const f = JSON.parse(out);
    expect(f).toMatchObject({ scenario: 'neighbourhood week', needs: 450, helpers: 320 });
    expect(f.met).toBeLessThanOrEqual(f.upperBound);
    let failed = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/surge/cli.ts', '--scenario', 'package.json'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      failed = String((e as { stderr: string }).stderr);
    }
    expect(failed).toContain('is not a valid scenario');
  });

  it('measures the write path against a bare insert on this engine', async () => {
    const fresh = engine === 'postgresql' ? await freshDatabase() : undefined;
    if (fresh) await fresh.db.destroy(); // writePath opens the database itself
    try {
      const r = await writePath({ background: 20, requests: 8, databaseUrl: fresh?.url });
      expect(r.engine).toBe(engine);
      expect(r.postNeedPerSec).toBeGreaterThan(0);
      expect(r.ratio).toBeGreaterThan(0);
    } finally {
      if (fresh) await fresh.close().catch(() => {});
    }
  });
});
