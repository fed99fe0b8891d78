// How decisions read in the member's language: process names, answers, outcomes, titles of proposals members did not
// write themselves (reviews of flagged posts, removals), and what an action will change.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import { isAgreementKey } from '../agreements/defaults.ts';
import { agreementLabel, agreementValueText } from '../agreements/text.ts';
import type { ProposalKind } from '../db/types.ts';
import type { Outcome, Process } from './tally.ts';

export const processName = (t: Translate, p: Process) => t(`process.${p}` as MessageKey);
export const processHint = (t: Translate, p: Process) => t(`process.${p}.hint` as MessageKey);
export const answerLabel = (t: Translate, answer: string) => t(`answer.${answer}` as MessageKey);
export const outcomeLabel = (t: Translate, o: Outcome) => t(`outcome.${o}` as MessageKey);

export function proposalTitle(t: Translate, p: { kind: ProposalKind; title: string; subjectMemberName?: string | null }): string {
  if (p.kind === 'remove_member') return t('proposal.removeMemberTitle', { name: p.subjectMemberName ?? '?' });
  if (p.kind === 'remove_post') return t('proposal.removePostTitle');
  return p.title;
}

/** "Kinds of help becomes: food, rides, bikes" */
export function actionText(t: Translate, lang: string, action: { type: string; key: string; value: unknown } | null): string | null {
  if (!action || action.type !== 'set_agreement' || !isAgreementKey(action.key)) return null;
  return t('proposal.actionSet', { agreement: agreementLabel(t, action.key), value: agreementValueText(t, lang, action.key, action.value) });
}
