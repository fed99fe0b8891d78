// Savings circles: members pay in each round and one receives, in an order they decide. See web/domain.ts.
import { defineAction, type Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import type { Result } from '../decisions/index.ts';
import { circleRoutes } from './routes.ts';
import { applyCircleOutcome, circleActionPayload, type CircleAction } from './commands.ts';
import { circleActionText, circleProposalTitle } from './text.ts';
import { plain } from '../notifications/index.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    circle_round: true;
  }
}

/** A circle's own decision: defer a member's payment, or name a round's recipient. */
const circleAction = (handles: CircleAction['type']) =>
  defineAction<CircleAction>({
    handles,
    payload: circleActionPayload,
    apply: (tx, closing, a) =>
      applyCircleOutcome(
        tx,
        closing.proposalId,
        a,
        closing.outcome as Result['outcome'],
        closing.result as Result | null,
        closing.options,
      ),
    title: (t, _lang, a) => circleProposalTitle(t, a),
    explain: (t, _lang, a) => circleActionText(t, a),
  });

export const circles: Domain = {
  name: 'circles',
  access,
  messages,
  tables: ['circles', 'circle_members', 'circle_rounds', 'circle_deferrals'],
  routes: [circleRoutes],
  nav: [{ href: '/circles', label: 'nav.circles', place: 'more', order: 35 }],
  actions: [circleAction('circle_defer'), circleAction('circle_recipient')],
  notifications: [
    plain(
      'circle_round',
      'notification.circleRound',
      (circle) => (circle ? `/circles/${circle}` : '/notifications'),
      'circles',
    ),
  ],
};
