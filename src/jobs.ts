// In-process scheduled work (no cron). The jobs are the domains' own (src/domains.ts, each domain's index.ts): closing
// proposals on time, matching needs a restart left queued, expiry, reminders, the check-in, digests and the rest.
// Runs once at start, so anything missed while the server was down catches up, then every minute. Each job runs on
// its own: one that fails is logged, tried again at the next run, and stops no other; how each last went is kept
// (deps.jobs) for `kropotkin status` and /health.
import type { Deps } from './web/context.ts';
import type { Job } from './web/domain.ts';

/** Runs every job once, in the registry's order; then, if any failed, throws naming them (each was logged already). */
export async function runJobs(deps: Deps): Promise<void> {
  const failed: string[] = [];
  for (const job of deps.registry.jobs) if (!(await runJob(deps, job))) failed.push(job.name);
  if (failed.length) throw new JobsFailed(failed);
}

/** The jobs running now, by the deps they run with: a job is never run twice at once (one on its own timer). */
const running = new WeakMap<Deps, Set<string>>();

/** Runs one job, unless it is running already; false when it failed (logged, and kept in deps.jobs). */
async function runJob(deps: Deps, job: Job): Promise<boolean> {
  const now = running.get(deps) ?? new Set<string>();
  running.set(deps, now);
  if (now.has(job.name)) return true;
  now.add(job.name);
  try {
    const status = deps.jobs.get(job.name) ?? { lastSuccess: null, lastFailure: null, failures: 0 };
    deps.jobs.set(job.name, status);
    try {
      // Each job asks the clock itself: one that ran long leaves the next with the time it really is.
      await job.run(deps, deps.clock());
      status.lastSuccess = deps.clock();
      status.failures = 0;
      return true;
    } catch (e) {
      status.lastFailure = { at: deps.clock(), message: (e as Error).message };
      status.failures += 1;
      // Only the error's text: never a member's data (a job's error names tables and values, not people).
      deps.log(`scheduled work "${job.name}" failed (${status.failures} in a row): ${(e as Error).message}`);
      return false;
    }
  } finally {
    now.delete(job.name);
  }
}

export class JobsFailed extends Error {
  constructor(readonly jobs: string[]) {
    super(`scheduled work failed: ${jobs.join(', ')}`);
  }
}

export function startJobs(deps: Deps, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobs(deps);
    } catch (e) {
      if (!(e instanceof JobsFailed)) deps.log(`scheduled work failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timers = [setInterval(tick, everyMs)];
  // Work someone waits on runs also on its own, more often (a text's answer within the minute).
  for (const job of deps.registry.jobs)
    if (job.everyMs) timers.push(setInterval(() => void runJob(deps, job), Math.min(job.everyMs, everyMs)));
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
