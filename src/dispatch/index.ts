// Dispatch: while crisis mode is on, dispatchers match many needs to helpers at once. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { aboutPost } from '../notifications/index.ts';
import { dispatchRoutes } from './routes.ts';

export const dispatch: Domain = {
  name: 'dispatch',
  routes: [dispatchRoutes],
  notifications: [
    aboutPost('dispatched', 'notification.dispatched', (n) =>
      n.matchId ? `/matches/${n.matchId}` : n.postId ? `/posts/${n.postId}` : '/notifications',
    ),
    aboutPost('dispatch_lost', 'notification.dispatchLost', (n) => (n.postId ? `/posts/${n.postId}` : '/dispatch')),
  ],
};
