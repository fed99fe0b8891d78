// Notifications: the list every member has, and the hourly digest mail. A service: the domains that notify declare
// their kinds (how one reads and where it leads). See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { notificationRoutes } from './routes.tsx';
import { sendDigests } from './digest.ts';
import { forgetOldNotifications, unreadCountOf } from './queries.ts';

export const notifications: Domain = {
  name: 'notifications',
  access,
  messages,
  tables: ['notifications'],
  routes: [notificationRoutes],
  jobs: [
    { name: 'forget old notifications', run: (deps, now) => forgetOldNotifications(deps.db, now) },
    {
      name: 'mail digests',
      last: true, // after every other job, so what they noticed this minute goes out with it
      run: (deps, now) => sendDigests(deps.db, deps.registry, deps.keys, deps.mailer, deps.config.publicUrl, now),
    },
  ],
  nav: [
    {
      href: '/notifications',
      label: 'nav.notifications',
      place: 'daily',
      order: 90,
      badge: unreadCountOf,
    },
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export {
  notify,
  notifySelected,
  notifyUnlessUnread,
  settleNotifications,
  type NewNotification,
  type NotificationView,
} from './queries.ts';
export { oneLine, plain, shorten } from './text.ts';
