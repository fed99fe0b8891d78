// Safety: flags, pauses and removals, decided by members. See web/domain.ts.
import { defineAction, type Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { safetyAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { safetyRoutes } from './routes.ts';
import { liftLapsedPauses } from './commands.ts';
import { logSafety } from './log.ts';
import { FlagForm } from './views.tsx';
import { safetyWaiting } from './waiting.ts';
import { plain } from '../notifications/index.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    pause_asked: true;
    removal_to_second: true;
  }
}
import { removeMember } from '../members/index.ts';
import { removePost, restorePost, withdrawAllOf } from '../exchange/index.ts';

export const safety: Domain = {
  name: 'safety',
  access,
  messages,
  agreements: safetyAgreements,
  tables: ['flags', 'pauses', 'removal_asks', 'safety_log'],
  routes: [safetyRoutes],
  jobs: [{ name: 'record lapsed pauses', run: (deps, now) => liftLapsedPauses(deps.db, now) }],
  nav: [{ href: '/safety', label: 'nav.safety', place: 'more', order: 80 }],
  parts: { flag: (v, p) => FlagForm({ v, ...p }) },
  waitsForYou: safetyWaiting,
  notifications: [
    // The subject is the member the pause or removal is about; their page is where a second member acts.
    plain('pause_asked', 'notification.pauseAsked', (member) => (member ? `/members/${member}` : '/safety')),
    plain('removal_to_second', 'notification.removalToSecond', (member) => (member ? `/members/${member}` : '/safety')),
  ],
  actions: [
    // A removal that passes removes the member; one that does not leaves them be. Either way the safety log says so.
    defineAction<null>({
      handles: 'remove_member',
      apply: async (tx, closing) => {
        const memberId = closing.subjectMemberId;
        if (!memberId) return;
        if (closing.passed) {
          await removeMember(tx, memberId, closing.now);
          await withdrawAllOf(tx, memberId, closing.now);
        }
        await logSafety(tx, {
          act: closing.passed ? 'member_removed' : 'member_stays',
          member_id: memberId,
          proposal_id: closing.proposalId,
          at: closing.now,
        });
      },
    }),
    // A review of a flagged post: passing removes it; failing shows it again. The safety log says which.
    defineAction<null>({
      handles: 'remove_post',
      apply: async (tx, closing) => {
        const postId = closing.subjectPostId;
        if (!postId) return;
        if (closing.passed) await removePost(tx, postId, closing.now);
        else await restorePost(tx, postId);
        await logSafety(tx, {
          act: closing.passed ? 'post_removed' : 'post_restored',
          post_id: postId,
          proposal_id: closing.proposalId,
          at: closing.now,
        });
      },
    }),
  ],
};
