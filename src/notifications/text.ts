// How a notification reads, in the member's language. Shared by the list page and the digest mail.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import type { NotificationKind } from '../db/types.ts';
import type { NotificationView } from './queries.ts';
import { outcomeLabel, proposalTitle } from '../decisions/text.ts';
import type { Outcome } from '../decisions/tally.ts';
import { formatMoney } from '../fund/money.ts';
import { fundName } from '../fund/text.ts';
import { roleTitle } from '../roles/text.ts';
import { formatDateTime } from '../web/parts.tsx';

const TEXT: Record<NotificationKind, MessageKey> = {
  matching_need: 'notification.matchingNeed',
  matching_offer: 'notification.matchingOffer',
  claimed: 'notification.claimed',
  requested: 'notification.requested',
  message: 'notification.message',
  released: 'notification.released',
  met: 'notification.met',
  proposal_opened: 'notification.proposalOpened',
  proposal_closing: 'notification.proposalClosing',
  proposal_closed: 'notification.proposalClosed',
  fund_approved: 'notification.fundApproved',
  fund_declined: 'notification.fundDeclined',
  fund_to_pay: 'notification.fundToPay',
  fund_paid: 'notification.fundPaid',
  fund_to_confirm: 'notification.fundToConfirm',
  pledge_reminder: 'notification.pledgeReminder',
  circle_round: 'notification.circleRound',
  role_ending: 'notification.roleEnding',
  slot_open: 'notification.slotOpen',
  slot_dropped: 'notification.slotDropped',
  slot_taken: 'notification.slotTaken',
  checkin: 'notification.checkin',
  load_warning: 'notification.loadWarning',
  dispatched: 'notification.dispatched',
  dispatch_lost: 'notification.dispatchLost',
  crisis_called: 'notification.crisisCalled',
};

export function notificationText(t: Translate, n: NotificationView, lang: string): string {
  if (n.proposal) {
    const outcome = n.proposal.outcome ? outcomeLabel(t, n.proposal.outcome as Outcome) : '';
    return t(TEXT[n.kind], { what: shorten(proposalTitle(t, n.proposal, lang), 80), outcome });
  }
  if (n.fund) return t(TEXT[n.kind], { amount: formatMoney(lang, n.fund.amount, n.fund.currency), fund: oneLine(fundName(t, n.fund.fundName)) });
  if (n.role) return t(TEXT[n.kind], { role: oneLine(roleTitle(t, n.role)) });
  if (n.slot) return t(TEXT[n.kind], { what: `${shorten(n.slot.title, 60)}, ${formatDateTime(lang, n.slot.startsAt)}` });
  if (n.kind === 'pledge_reminder' || n.kind === 'circle_round' || n.kind === 'checkin' || n.kind === 'load_warning' || n.kind === 'crisis_called') return t(TEXT[n.kind]);
  return t(TEXT[n.kind], { what: n.postWhat ? shorten(n.postWhat, 80) : '' });
}

export function notificationLink(n: NotificationView): string {
  if (n.proposal) return `/decisions/${n.proposal.id}`;
  if (n.fund?.requestId) return `/fund/requests/${n.fund.requestId}`;
  if (n.fund?.recordId) return `/fund/records/${n.fund.recordId}`;
  if (n.kind === 'pledge_reminder') return '/fund/give';
  if (n.kind === 'circle_round' && n.circleId) return `/circles/${n.circleId}`;
  if (n.role) return `/roles/${n.role.name}`;
  if (n.slot) return `/rotas/${n.slot.rotaId}#slot-${n.slot.id}`;
  if (n.kind === 'checkin') return '/checkin';
  if (n.kind === 'load_warning') return '/mutuality';
  if (n.kind === 'crisis_called') return '/crisis';
  if (n.kind === 'dispatch_lost') return n.postId ? `/posts/${n.postId}` : '/dispatch';
  if (n.matchId && n.kind !== 'released') return `/matches/${n.matchId}`;
  return n.postId ? `/posts/${n.postId}` : '/notifications';
}

/**
 * Member-written text on one line, shortened. Line breaks would let a post or a title pass in the digest mail for lines
 * of the network's own (“Reply with your password…”).
 */
export function shorten(text: string, max: number): string {
  const line = oneLine(text.slice(0, max * 4));
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
