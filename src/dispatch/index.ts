// Dispatch: while crisis mode is on, dispatchers match many needs to helpers at once. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { dispatchAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { aboutPost, toMatch, toPost } from '../exchange/index.ts';
import { dispatchRoutes } from './routes.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    dispatched: true;
    dispatch_lost: true;
  }
}

export const dispatch: Domain = {
  name: 'dispatch',
  access,
  messages,
  agreements: dispatchAgreements,
  routes: [dispatchRoutes],
  notifications: [
    aboutPost('dispatched', 'notification.dispatched', toMatch),
    aboutPost('dispatch_lost', 'notification.dispatchLost', (n) => (n.about ? toPost(n) : '/dispatch')),
  ],
};
