// Notifications: the list every member has (the hourly digest mail of it is the members' own, members/digest.ts). A service: the domains that notify declare
// their kinds (how one reads and where it leads). See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { notificationRoutes } from './routes.tsx';
import { forgetOldNotifications, unreadCountOf } from './queries.ts';

export const notifications: Domain = {
  name: 'notifications',
  access,
  messages,
  tables: ['notifications'],
  routes: [notificationRoutes],
  jobs: [{ name: 'forget old notifications', run: (deps, now) => forgetOldNotifications(deps.db, now) }],
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
  markAllRead,
  markEmailed,
  markRead,
  notificationsOf,
  notify,
  notifySelected,
  notifyUnlessUnread,
  settleNotifications,
  type NewNotification,
  type NotificationView,
} from './queries.ts';
export { notificationText, oneLine, plain, shorten } from './text.ts';
