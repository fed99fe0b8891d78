// What a closed proposal does by itself: a passed agreement change is adopted; a passed removal removes the member
// (or the post); a removal that does not pass leaves the member be and shows the post again; fund decisions make
// funds, change their rules, decide a request or write off what is owed; a role decision fills the role; a circle's
// decision defers a payment or names a round's recipient.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { logSafety } from '../safety/log.ts';
import { removeMember } from '../members/commands.ts';
import { removePost } from '../exchange/commands.ts';
import type { ProposalView } from './queries.ts';
import { applyFundOutcome } from '../fund/actions.ts';
import { fillRole } from '../roles/commands.ts';
import { applyCircleOutcome } from '../circles/commands.ts';

type Tx = Transaction<Database>;

export async function applyOutcome(tx: Tx, p: ProposalView, now: Date): Promise<void> {
  const passed = p.outcome === 'passed';
  if (p.kind === 'agreement' && passed && p.action?.type === 'set_agreement') {
    await tx
      .insertInto('agreements')
      .values({ key: p.action.key, value: JSON.stringify(p.action.value), adopted_by: 'decision', decision_id: p.id, adopted_at: now })
      .execute();
  }
  const a = p.action;
  if ((p.kind === 'fund' || p.kind === 'fund_request') && a && (a.type === 'create_fund' || a.type === 'set_fund_rules' || a.type === 'approve_request' || a.type === 'write_off')) {
    await applyFundOutcome(tx, p.id, a, passed, now);
  }
  if (p.kind === 'circle' && a && (a.type === 'circle_defer' || a.type === 'circle_recipient')) {
    await applyCircleOutcome(tx, p.id, a, p.outcome!, p.result, p.options);
  }
  if (p.kind === 'role' && passed && p.action?.type === 'fill_role') await fillRole(tx, p.id, p.action, now);
  if (p.kind === 'remove_member' && p.subjectMemberId) {
    if (passed) await removeMember(tx, p.subjectMemberId, now);
    await logSafety(tx, { act: passed ? 'member_removed' : 'member_stays', member_id: p.subjectMemberId, proposal_id: p.id, at: now });
  }
  if (p.kind === 'remove_post' && p.subjectPostId) {
    if (passed) await removePost(tx, p.subjectPostId, now);
    else await tx.updateTable('posts').set({ hidden_at: null }).where('id', '=', p.subjectPostId).execute();
    await logSafety(tx, { act: passed ? 'post_removed' : 'post_restored', post_id: p.subjectPostId, proposal_id: p.id, at: now });
  }
}
