// In-process scheduled work (no cron): closing proposals on time, matching needs a restart left queued, expiry of needs and offers, pauses that lapse,
// details of finished posts that expire, role terms ending, rota slots short of people, the check-in, load warnings,
// monthly pledge reminders, digests, and clearing spent tokens.
// Runs once at start, so anything missed while the server was down catches up, then every minute.
import { drainMatchQueue } from './exchange/match-queue.ts';
import type { Deps } from './web/context.ts';
import { expirePosts } from './exchange/commands.ts';
import { sendDigests } from './notifications/digest.ts';
import { today } from './web/forms.ts';
import { clearSpentCredentials } from './members/sessions.ts';
import { clearEmailConfirmations } from './members/email.ts';
import { closeDueProposals, remindClosingSoon } from './decisions/commands.ts';
import { liftLapsedPauses } from './safety/commands.ts';
import { applyRetention } from './exchange/retention.ts';
import { networkAgreements } from './agreements/queries.ts';
import { remindPledges } from './fund/pledges.ts';
import { forgetOldKeys } from './fund/idempotency.ts';
import { remindEndingTerms } from './roles/commands.ts';
import { askForSlots } from './rotas/commands.ts';
import { foldCheckinAnswers, openCheckinIfDue } from './care/checkin.ts';
import { warnIfLoadConcentrated } from './care/warnings.ts';

export async function runJobs(deps: Deps): Promise<void> {
  const now = deps.clock();
  const { db } = deps;
  await closeDueProposals(db, now);
  await liftLapsedPauses(db, now);
  await remindClosingSoon(db, now);
  await drainMatchQueue(db); // needs a restart left unmatched
  await expirePosts(db, today(now), now);
  const agreed = await networkAgreements(db);
  // Check-in answers counted in a batch leave no trace of one answer beside its transaction: the purge rewrites them.
  const counted = await foldCheckinAnswers(db, now);
  await applyRetention(db, agreed.metDetailsDays, now, deps.log, counted > 0);
  await remindEndingTerms(db, now);
  await askForSlots(db, now);
  await openCheckinIfDue(db, agreed.checkinWeeks, now);
  await warnIfLoadConcentrated(db, agreed.loadTopShare, now);
  await remindPledges(db, now);
  await forgetOldKeys(db, now);
  await clearSpentCredentials(db, now);
  await clearEmailConfirmations(db, now);
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
