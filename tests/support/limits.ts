// Tests that act many times as one member (the access matrix, the fuzzers, benchmarks) first raise the daily limits the
// way a network would: by the members' decision.
import { expect } from 'vitest';
import { passHours, type Client, type TestWorld } from './app.ts';
import { runJobs } from '../../src/jobs.ts';

import { registry } from '../../src/domains.ts';

const DAILY_LIMITS = registry.agreements.filter((a) => a.daily).map((a) => a.key);

/**
 * Proposes each daily limit at `to` and lets them pass by consent: first the limit on proposals (so one member may
 * propose the rest in a day), then the others.
 */
export async function raiseDailyLimits(world: TestWorld, proposer: Client, to = 1000) {
  const rounds = [['daily_proposals'], DAILY_LIMITS.filter((k) => k !== 'daily_proposals')];
  for (const keys of rounds) {
    for (const key of keys) {
      const res = await proposer.post('/decisions', {
        title: `Raise ${key}`,
        process: 'consent',
        closes_in: '24',
        agreement: key,
        agreement_value: String(to),
      });
      expect(res.status, await res.clone().text()).toBe(303);
    }
    passHours(world, 25);
    await runJobs(world.deps);
  }
}
