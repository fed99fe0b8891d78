// Building on it (issue 22): the JSON API, version 1 (/api/v1), for the apps and scripts members choose, described by
// an OpenAPI document made from its zod schemas, and the personal access tokens members make and revoke for it.
// See v1.ts, tokens.ts and ADR 044.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { bearerToken } from './middleware.ts';
import { tokenPages } from './pages.tsx';
import { forgetRevokedTokens } from './tokens.ts';
import { v1 } from './v1.ts';

export const api: Domain = {
  name: 'api',
  access,
  messages,
  tables: ['api_tokens'],
  middleware: [bearerToken()],
  routes: [v1, tokenPages],
  nav: [{ href: '/settings/tokens', label: 'nav.apiTokens', place: 'more', order: 95 }],
  jobs: [{ name: 'forget revoked tokens', run: (deps, now) => forgetRevokedTokens(deps.db, now) }],
};
