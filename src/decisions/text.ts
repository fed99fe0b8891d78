// How decisions read in the member's language: process names, answers, outcomes, titles of proposals members did not
// write themselves (reviews of flagged posts, removals), and what an action will change.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import { isAgreementKey } from '../agreements/defaults.ts';
import { agreementLabel, agreementValueText } from '../agreements/text.ts';
import type { ProposalKind } from '../db/types.ts';
import type { Outcome, Process } from './tally.ts';
import type { Action } from './queries.ts';
import { fundActionText, fundProposalTitle } from '../fund/text.ts';
import { defineRoleText, defineRoleTitle, fillRoleText, fillRoleTitle } from '../roles/text.ts';
import { circleActionText, circleProposalTitle } from '../circles/text.ts';

export const processName = (t: Translate, p: Process) => t(`process.${p}` as MessageKey);
export const processHint = (t: Translate, p: Process) => t(`process.${p}.hint` as MessageKey);
export const answerLabel = (t: Translate, answer: string) => t(`answer.${answer}` as MessageKey);
export const outcomeLabel = (t: Translate, o: Outcome) => t(`outcome.${o}` as MessageKey);

export function proposalTitle(t: Translate, p: { kind: ProposalKind; title: string; subjectMemberName?: string | null; action?: Action }, lang = 'en'): string {
  if (p.kind === 'remove_member') return t('proposal.removeMemberTitle', { name: p.subjectMemberName ?? '?' });
  if (p.kind === 'remove_post') return t('proposal.removePostTitle');
  const a = p.action;
  switch (a?.type) {
    case 'fill_role':
      return fillRoleTitle(t, lang, a);
    case 'define_role':
      return defineRoleTitle(t, a);
    case 'circle_defer':
    case 'circle_recipient':
      return circleProposalTitle(t, a);
    case 'create_fund':
    case 'set_fund_rules':
    case 'approve_request':
    case 'write_off':
      return fundProposalTitle(t, lang, a);
    default:
      return p.title;
  }
}

/** "Kinds of help becomes: food, rides, bikes"; for fund and role decisions, what they will do. */
export function actionText(t: Translate, lang: string, action: Action): string | null {
  if (!action) return null;
  if (action.type === 'fill_role') return fillRoleText(t, lang, action);
  if (action.type === 'define_role') return defineRoleText(t, lang, action);
  if (action.type === 'circle_defer' || action.type === 'circle_recipient') return circleActionText(t, action);
  if (action.type !== 'set_agreement') return fundActionText(t, lang, action).join(' ');
  if (!isAgreementKey(action.key)) return null;
  return t('proposal.actionSet', { agreement: agreementLabel(t, action.key), value: agreementValueText(t, lang, action.key, action.value) });
}
