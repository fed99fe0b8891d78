// The fund: money given, asked for, paid and owed, on a ledger members can read. See web/domain.ts.
import { fundWaiting } from './waiting.ts';
import { defineAction, type Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { fundAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { fundRoutes } from './routes.ts';
import { fundApiRoutes } from './api.ts';
import { remindPledges } from './pledges.ts';
import { forgetOldKeys } from './idempotency.ts';
import { expireFundNotes } from './retention.ts';
import { networkAgreements } from '../agreements/index.ts';
import { applyFundOutcome, fundActionPayload, type FundAction } from './actions.ts';
import { fundActionText, fundProposalTitle } from './text.ts';
import { fundNotices } from './notices.ts';

/** A fund decision: make a fund, change its rules, approve a request beyond them, write off what is owed. */
const fundAction = (handles: FundAction['type']) =>
  defineAction<FundAction>({
    handles,
    payload: fundActionPayload,
    apply: (tx, closing, a) => applyFundOutcome(tx, closing.proposalId, a, closing.passed, closing.now),
    title: (t, lang, a) => fundProposalTitle(t, lang, a),
    explain: (t, lang, a) => fundActionText(t, lang, a).join(' '),
  });

export const fund: Domain = {
  name: 'fund',
  access,
  waitsForYou: fundWaiting,
  messages,
  agreements: fundAgreements,
  tables: [
    'fund_accounts',
    'fund_balances',
    'fund_rules',
    'fund_requests',
    'fund_records',
    'fund_pledges',
    'fund_expected',
    'ledger_entries',
    'ledger_lines',
    'idempotency_keys',
  ],
  routes: [fundRoutes, fundApiRoutes],
  jobs: [
    { name: 'remind of monthly pledges', run: (deps, now) => remindPledges(deps.db, now) },
    { name: 'forget old idempotency keys', run: (deps, now) => forgetOldKeys(deps.db, now) },
    {
      name: 'expire notes of settled requests',
      run: async (deps, now) =>
        expireFundNotes(deps.db, (await networkAgreements(deps.db, deps.registry)).metDetailsDays, now, deps.log),
    },
  ],
  nav: [{ href: '/fund', label: 'nav.fund', place: 'more', order: 20 }],
  notifications: fundNotices,
  actions: [
    fundAction('create_fund'),
    fundAction('set_fund_rules'),
    fundAction('approve_request'),
    fundAction('write_off'),
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { currencyOf } from './agreements.ts';
export { openCircleAccount } from './commands.ts';
export { writeRecord } from './entries.ts';
export { newIdempotencyKey, once, type Once } from './idempotency.ts';
export { commonsAccount, enterHours, hoursBalance, hoursTotals, HOURS, type HoursTotals } from './hours.ts';
export { ask, type Asked } from './commands.ts';
export { potAccount, requestById } from './queries.ts';
