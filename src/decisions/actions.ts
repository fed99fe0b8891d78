// What a closed proposal does by itself: a passed agreement change is adopted; a passed removal removes the member
// (or the post); a removal that does not pass leaves the member be and shows the post again; fund decisions make
// funds, change their rules, decide a request or write off what is owed; a role decision defines a role or fills it; a circle's
// decision defers a payment or names a round's recipient.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { logSafety } from '../safety/log.ts';
import { removeMember } from '../members/commands.ts';
import { removePost } from '../exchange/commands.ts';
import type { ProposalView } from './queries.ts';
import { applyFundOutcome } from '../fund/actions.ts';
import { currencyIsFixed } from '../fund/queries.ts';
import { defineRole, fillRole } from '../roles/commands.ts';
import { applyCircleOutcome } from '../circles/commands.ts';

type Tx = Transaction<Database>;

export async function applyOutcome(tx: Tx, p: ProposalView, now: Date): Promise<void> {
  const passed = p.outcome === 'passed';
  const a = p.action;
  // What the proposal carries decides what it does; removals are about their subject and carry no action.
  switch (a?.type) {
    case 'set_agreement':
      // Money moved while the proposal was open: the currency stays as it is (see currencyIsFixed).
      if (passed && !(a.key === 'currency' && (await currencyIsFixed(tx)))) {
        await tx.insertInto('agreements')
          .values({ key: a.key, value: JSON.stringify(a.value), adopted_by: 'decision', decision_id: p.id, adopted_at: now })
          .execute();
      }
      break;
    case 'create_fund':
    case 'set_fund_rules':
    case 'approve_request':
    case 'write_off':
      await applyFundOutcome(tx, p.id, a, passed, now);
      break;
    case 'fill_role':
      if (passed) await fillRole(tx, p.id, a, now);
      break;
    case 'define_role':
      if (passed) await defineRole(tx, p.id, a, now);
      break;
    case 'circle_defer':
    case 'circle_recipient':
      await applyCircleOutcome(tx, p.id, a, p.outcome!, p.result, p.options);
      break;
  }
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
