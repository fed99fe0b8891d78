// Roles: who holds which responsibility, for a term, chosen by decision. See web/domain.ts.
import { defineAction, type Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { roleRoutes } from './routes.ts';
import {
  defineRole,
  defineRolePayload,
  fillRole,
  fillRolePayload,
  remindEndingTerms,
  type DefineRole,
  type FillRole,
} from './commands.ts';
import { holdsAnyRole, roleDefs } from './queries.ts';
import { defineRoleText, defineRoleTitle, fillRoleText, fillRoleTitle, roleTitle } from './text.ts';
import { oneLine } from '../notifications/index.ts';
import type { Told } from '../web/domain.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    role_ending: true;
  }
}

export const roles: Domain = {
  name: 'roles',
  access,
  messages,
  tables: ['roles', 'role_terms', 'role_handovers'],
  holdsTrust: holdsAnyRole,
  routes: [roleRoutes],
  nav: [{ href: '/roles', label: 'nav.roles', place: 'more', order: 38 }],
  jobs: [{ name: 'remind of ending role terms', run: (deps, now) => remindEndingTerms(deps.db, now) }],
  notifications: [
    {
      kind: 'role_ending',
      about: {
        tables: ['roles'],
        load: async (db, names) =>
          new Map((await roleDefs(db)).filter((r) => names.includes(r.name)).map((r) => [r.name, r])),
      },
      text: (t, _lang, n: Told<{ name: string; title: string }>) =>
        t('notification.roleEnding', { role: n.about ? oneLine(roleTitle(t, n.about)) : '' }),
      link: (n) => (n.subject ? `/roles/${n.subject}` : '/notifications'),
    },
  ],
  actions: [
    defineAction<FillRole>({
      handles: 'fill_role',
      payload: fillRolePayload,
      apply: async (tx, closing, a) => {
        if (closing.passed) await fillRole(tx, closing.proposalId, a, closing.now);
      },
      title: (t, lang, a) => fillRoleTitle(t, lang, a),
      explain: (t, lang, a) => fillRoleText(t, lang, a),
    }),
    defineAction<DefineRole>({
      handles: 'define_role',
      payload: defineRolePayload,
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
