// Crisis mode: on by standing agreement, or called by one member and confirmed by a second for 48 hours; the board
// puts urgent needs first while it is on. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { crisisAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { plain } from '../notifications/index.ts';
import { crisisRoutes } from './routes.ts';
import { crisisWaiting } from './queries.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    crisis_called: true;
    crisis_asked: true;
  }
}

export const crisis: Domain = {
  name: 'crisis',
  access,
  messages,
  agreements: crisisAgreements,
  tables: ['crisis_calls'],
  routes: [crisisRoutes],
  notifications: [
    plain('crisis_called', 'notification.crisisCalled', () => '/crisis'),
    plain('crisis_asked', 'notification.crisisAsked', () => '/crisis'),
  ],
  waitsForYou: crisisWaiting,
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { crisisState, type CrisisState } from './queries.ts';
export { crisisFor } from './routes.ts';
export { CrisisBanner } from './views.tsx';
