// Agreements: the network's settings, adopted by its members' decisions. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { foundingAgreements } from './defaults.ts';
import { messages } from './messages.ts';
import { agreementRoutes } from './routes.tsx';
import { foundingRoutes } from './founding.tsx';
import { loadNetwork, networkVersion } from './middleware.ts';

export const agreements: Domain = {
  name: 'agreements',
  access,
  messages,
  agreements: foundingAgreements,
  tables: ['agreements', 'network_founding', 'network_state'],
  middleware: [loadNetwork()],
  reads: [networkVersion],
  routes: [foundingRoutes, agreementRoutes],
  nav: [{ href: '/agreements', label: 'nav.agreements', place: 'more', order: 70 }],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { adoptAgreement } from './commands.ts';
export { agreementsInForce, networkAgreements } from './queries.ts';
export { agreementLabel } from './text.ts';
export { DEFAULT_CATEGORIES } from './defaults.ts';
export { networkNow } from './middleware.ts';
