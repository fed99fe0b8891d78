// In-process scheduled work (no cron): expiry of needs and offers, digests, and clearing spent tokens.
// Runs once at start, so anything missed while the server was down catches up, then every minute.
import type { Deps } from './web/context.ts';
import { expirePosts } from './exchange/commands.ts';
import { sendDigests } from './notifications/digest.ts';
import { today } from './web/forms.ts';
import { clearSpentCredentials } from './members/sessions.ts';

export async function runJobs(deps: Deps): Promise<void> {
  const now = deps.clock();
  const { db } = deps;
  await expirePosts(db, today(now), now);
  await clearSpentCredentials(db, now);
  await sendDigests(db, deps.keys, deps.mailer, deps.config.publicUrl, now);
}

export function startJobs(deps: Deps, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobs(deps);
    } catch (e) {
      deps.log(`scheduled work failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
