// What a closed proposal does by itself: a passed agreement change is adopted; a passed removal removes the member
// (or the post); a removal that does not pass leaves the member be and shows the post again; fund decisions make
// funds, change their rules or decide a request; a role decision fills the role.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { logSafety } from '../safety/log.ts';
import { removeMember } from '../members/commands.ts';
import { removePost } from '../exchange/commands.ts';
import type { ProposalView } from './queries.ts';
import { applyFundOutcome } from '../fund/actions.ts';
import { fillRole } from '../roles/commands.ts';

type Tx = Transaction<Database>;

export async function applyOutcome(tx: Tx, p: ProposalView, now: Date): Promise<void> {
  const passed = p.outcome === 'passed';
  if (p.kind === 'agreement' && passed && p.action?.type === 'set_agreement') {
    await tx
      .insertInto('agreements')
      .values({ key: p.action.key, value: JSON.stringify(p.action.value), adopted_by: 'decision', decision_id: p.id, adopted_at: now })
      .execute();
  }
  if ((p.kind === 'fund' || p.kind === 'fund_request') && p.action && p.action.type !== 'set_agreement' && p.action.type !== 'fill_role') {
    await applyFundOutcome(tx, p.id, p.action, passed, now);
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
