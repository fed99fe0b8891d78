// /health: whether the scheduled work is keeping up, for a host's monitor. It says which job last succeeded when and
// how many times in a row each has failed, never why (an error's text stays in the log and in `kropotkin status`).
import { Hono } from 'hono';
import type { AppEnv, JobStatus } from './context.ts';

/** A job that failed this many runs in a row (a minute apart) makes /health answer 503. */
export const FAILING_AFTER = 3;

export type JobReport = {
  name: string;
  lastSuccess: string | null;
  failuresInARow: number;
  lastFailure?: { at: string; message: string } | null;
};

/** The jobs' state as plain data; `withErrors` adds each last failure's text (for the host's console only). */
export function jobReport(jobs: JobStatus, names: readonly string[], withErrors = false): JobReport[] {
  return names.map((name) => {
    const s = jobs.get(name);
    const report: JobReport = {
      name,
      lastSuccess: s?.lastSuccess?.toISOString() ?? null,
      failuresInARow: s?.failures ?? 0,
    };
    if (withErrors)
      report.lastFailure = s?.lastFailure
        ? { at: s.lastFailure.at.toISOString(), message: s.lastFailure.message }
        : null;
    return report;
  });
}

export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/health', (c) => {
  const deps = c.get('deps');
  const jobs = jobReport(
    deps.jobs,
    deps.registry.jobs.map((j) => j.name),
  );
  const failing = jobs.some((j) => j.failuresInARow >= FAILING_AFTER);
  return c.json({ status: failing ? 'failing' : 'ok', jobs }, failing ? 503 : 200);
});
