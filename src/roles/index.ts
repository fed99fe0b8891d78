// Roles: who holds which responsibility, for a term, chosen by decision. See web/domain.ts.
import { defineAction, type Domain } from '../web/domain.ts';
import { roleRoutes } from './routes.ts';
import { defineRole, fillRole, remindEndingTerms, type DefineRole, type FillRole } from './commands.ts';
import { defineRoleText, defineRoleTitle, fillRoleText, fillRoleTitle, roleTitle } from './text.ts';
import { oneLine } from '../notifications/index.ts';
import type { NotificationView } from '../notifications/index.ts';

export const roles: Domain = {
  name: 'roles',
  tables: ['roles', 'role_terms', 'role_handovers'],
  routes: [roleRoutes],
  jobs: [{ name: 'remind of ending role terms', run: (deps, now) => remindEndingTerms(deps.db, now) }],
  notifications: [
    {
      kind: 'role_ending',
      text: (t, _lang, n: NotificationView) =>
        t('notification.roleEnding', { role: n.role ? oneLine(roleTitle(t, n.role)) : '' }),
      link: (n: NotificationView) => (n.role ? `/roles/${n.role.name}` : '/notifications'),
    },
  ],
  actions: [
    defineAction<FillRole>({
      handles: 'fill_role',
      apply: async (tx, closing, a) => {
        if (closing.passed) await fillRole(tx, closing.proposalId, a, closing.now);
      },
      title: (t, lang, a) => fillRoleTitle(t, lang, a),
      explain: (t, lang, a) => fillRoleText(t, lang, a),
    }),
    defineAction<DefineRole>({
      handles: 'define_role',
      apply: async (tx, closing, a) => {
        if (closing.passed) await defineRole(tx, closing.proposalId, a, closing.now);
      },
      title: (t, _lang, a) => defineRoleTitle(t, a),
      explain: (t, lang, a) => defineRoleText(t, lang, a),
    }),
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { DISPATCHER, holders, holdsRole, roleDefs, rolesOf, type Holder } from './queries.ts';
export { roleTitle } from './text.ts';
