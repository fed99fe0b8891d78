// Decisions: proposals, ballots and tallies. A service: what a passed proposal does is declared by the domain whose
// action it carries (its DecisionAction); the agreement changes are this folder's own. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { decisionAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { decisionRoutes } from './routes.ts';
import { closeDueProposals, remindClosingSoon } from './commands.ts';
import { setAgreement } from './actions.ts';
import { aboutProposal } from './notices.ts';

export const decisions: Domain = {
  name: 'decisions',
  access,
  messages,
  agreements: decisionAgreements,
  tables: ['proposals', 'ballots', 'proposal_comments'],
  routes: [decisionRoutes],
  jobs: [
    { name: 'close due proposals', run: (deps, now) => closeDueProposals(deps.db, deps.registry, now) },
    { name: 'remind of proposals closing soon', run: (deps, now) => remindClosingSoon(deps.db, now) },
  ],
  nav: [{ href: '/decisions', label: 'nav.decisions', place: 'more', order: 10 }],
  actions: [setAgreement],
  notifications: [
    aboutProposal('proposal_opened', 'notification.proposalOpened'),
    aboutProposal('proposal_closing', 'notification.proposalClosing'),
    aboutProposal('proposal_closed', 'notification.proposalClosed'),
    aboutProposal('proposal_comment', 'notification.proposalComment'),
    aboutProposal('proposal_extended', 'notification.proposalExtended'),
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { markSeconded, openOnce, openProposal, proposeAction, secondOpenRemoval, type Proposing } from './commands.ts';
export { DecisionFields } from './fields.tsx';
export { inCircle, memberIds, openProposalWith, proposalOutcomes, type Action } from './queries.ts';
export { ACTION_PROPOSAL_DEFAULTS, decisionFields } from './schema.ts';
export { standardRules, type Result } from './tally.ts';
