// How a circle's own decisions read: putting off a payment, choosing a round's recipient.
import type { Translate } from '../web/i18n/index.ts';
import type { CircleAction } from './commands.ts';

export function circleProposalTitle(t: Translate, a: CircleAction): string {
  return a.type === 'circle_defer'
    ? t('proposal.circleDeferTitle', { name: a.member_name, round: a.round_number })
    : t('proposal.circleRecipientTitle', { round: a.round_number });
}

export function circleActionText(t: Translate, a: CircleAction): string {
  return a.type === 'circle_defer'
    ? t('proposal.circleDeferAction', { name: a.member_name, round: a.round_number })
    : t('proposal.circleRecipientAction', { round: a.round_number });
}
