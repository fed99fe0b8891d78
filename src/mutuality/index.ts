// Mutuality and care: how sideways the network's help is, shown to everyone; the anonymous check-in; the warning when
// a few carry most of the load; each member's own load. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { mutualityAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { mutualityRoutes } from './routes.ts';
import { networkAgreements } from '../agreements/index.ts';
import { foldCheckinAnswers, openCheckinIfDue } from './checkin.ts';
import { warnIfLoadConcentrated } from './warnings.ts';
import { plain } from '../notifications/index.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    checkin: true;
    load_warning: true;
  }
}

export const mutuality: Domain = {
  name: 'mutuality',
  access,
  messages,
  agreements: mutualityAgreements,
  tables: ['checkin_rounds', 'checkin_counts', 'checkin_pending', 'checkin_answered', 'network_warnings'],
  routes: [mutualityRoutes],
  notifications: [
    plain('checkin', 'notification.checkin', () => '/checkin'),
    plain('load_warning', 'notification.loadWarning', () => '/mutuality'),
  ],
  jobs: [
    { name: 'count check-in answers', run: (deps, now) => foldCheckinAnswers(deps.db, now, deps.log) },
    {
      name: 'open the check-in',
      run: async (deps, now) =>
        openCheckinIfDue(deps.db, (await networkAgreements(deps.db, deps.registry)).checkinWeeks, now),
    },
    {
      name: 'warn when load concentrates',
      run: async (deps, now) =>
        warnIfLoadConcentrated(deps.db, (await networkAgreements(deps.db, deps.registry)).loadTopShare, now),
    },
  ],
  nav: [{ href: '/mutuality', label: 'nav.mutuality', place: 'more', order: 40 }],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { loadOf, type Load } from './load.ts';
