// How the fund reads in the member's language: fund names, rules in plain words, and what a fund decision does.
import type { Translate } from '../web/i18n/index.ts';
import { duration } from '../web/agreement.ts';
import { formatMoney } from '../web/money.ts';
import type { FundRules } from './rules.ts';
import type { FundAction } from './actions.ts';

/** The common pot has no stored name; sub-funds are named by the decision that made them. */
export const fundName = (t: Translate, name: string | null) => name ?? t('fund.pot');

/** The standing rules as sentences a member can check a request against. */
export function rulesText(t: Translate, lang: string, rules: FundRules, currency: string): string[] {
  const money = (n: number) => formatMoney(lang, n, currency);
  const lines = [
    rules.limit === 0
      ? t('fund.rule.noLimit')
      : rules.keep > 0
        ? t('fund.rule.limitKeep', {
            amount: money(rules.limit),
            days: duration(lang, 'day', rules.days),
            keep: money(rules.keep),
          })
        : t('fund.rule.limit', { amount: money(rules.limit), days: duration(lang, 'day', rules.days) }),
    rules.second_above === 0
      ? t('fund.rule.secondAlways')
      : t('fund.rule.secondAbove', { amount: money(rules.second_above) }),
  ];
  if (rules.floor > 0) lines.push(t('fund.rule.floor', { amount: money(rules.floor) }));
  if (rules.revolving) lines.push(t('fund.rule.revolving'));
  return lines;
}

export function fundProposalTitle(t: Translate, lang: string, a: FundAction): string {
  switch (a.type) {
    case 'create_fund':
      return t('proposal.createFundTitle', { name: a.name });
    case 'set_fund_rules':
      return t('proposal.fundRulesTitle', { name: fundName(t, a.fund_name) });
    case 'approve_request':
      return t('proposal.fundRequestTitle', {
        amount: formatMoney(lang, a.amount, a.currency),
        fund: fundName(t, a.fund_name),
      });
    case 'write_off':
      return t('proposal.writeOffTitle', {
        amount: formatMoney(lang, a.amount, a.currency),
        fund: fundName(t, a.fund_name),
      });
  }
}

/** What the proposal will do if it passes, in one or more sentences. */
export function fundActionText(t: Translate, lang: string, a: FundAction): string[] {
  switch (a.type) {
    case 'create_fund':
    case 'set_fund_rules':
      return rulesText(t, lang, a.rules, a.currency);
    case 'approve_request':
      return [
        t('proposal.fundRequestAction', {
          amount: formatMoney(lang, a.amount, a.currency),
          fund: fundName(t, a.fund_name),
          who: a.member_name ?? t('fund.aMember'),
        }),
      ];
    case 'write_off':
      return [
        t('proposal.writeOffAction', {
          amount: formatMoney(lang, a.amount, a.currency),
          fund: fundName(t, a.fund_name),
        }),
      ];
  }
}
