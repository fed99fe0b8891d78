// How decisions read in the member's language: process names, answers, outcomes, titles of proposals members did not
// write themselves (reviews of flagged posts, removals), and what an action will change.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import type { ProposalKind } from '../db/types.ts';
import type { Outcome, Process } from './tally.ts';
import type { Action } from './queries.ts';
import type { Registry } from '../web/domain.ts';

export const processName = (t: Translate, p: Process) => t(`process.${p}` as MessageKey);
export const processHint = (t: Translate, p: Process) => t(`process.${p}.hint` as MessageKey);
export const answerLabel = (t: Translate, answer: string) => t(`answer.${answer}` as MessageKey);
export const outcomeLabel = (t: Translate, o: Outcome) => t(`outcome.${o}` as MessageKey);

/** A proposal's title: for removals and for actions a domain declares, the network's own words, translated. */
export function proposalTitle(
  t: Translate,
  registry: Registry,
  p: { kind: ProposalKind | string; title: string; subjectMemberName?: string | null; action?: Action },
  lang = 'en',
): string {
  if (p.kind === 'remove_member') return t('proposal.removeMemberTitle', { name: p.subjectMemberName ?? '?' });
  if (p.kind === 'remove_post') return t('proposal.removePostTitle');
  const def = p.action ? registry.action(p.action.type) : undefined;
  return def?.title
    ? def.title(t, lang, p.action as never, { title: p.title, subjectMemberName: p.subjectMemberName ?? null })
    : p.title;
}

/** "Kinds of help becomes: food, rides, bikes"; for fund and role decisions, what they will do. */
export function actionText(t: Translate, registry: Registry, lang: string, action: Action): string | null {
  if (!action) return null;
  return registry.action(action.type)?.explain?.(t, lang, action as never, registry) ?? null;
}
