// Building on it (issue 22): the JSON API, version 1 (/api/v1), for the apps and scripts members choose, described by
// an OpenAPI document made from its zod schemas, and the personal access tokens members make and revoke for it.
// Members' webhooks tell the programs they choose what they may see as it happens. See v1.ts, tokens.ts, webhooks.ts
// and ADR 044.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { bearerToken } from './middleware.ts';
import { tokenPages } from './pages.tsx';
import { forgetRevokedTokens } from './tokens.ts';
import { v1 } from './v1.ts';
import { deliverWebhooks, forgetDeliveries, gatherEvents } from './webhooks.ts';

export const api: Domain = {
  name: 'api',
  access,
  messages,
  tables: ['api_tokens', 'webhooks', 'webhook_deliveries'],
  middleware: [bearerToken()],
  routes: [v1, tokenPages],
  nav: [{ href: '/settings/tokens', label: 'nav.apiTokens', place: 'more', order: 95 }],
  jobs: [
    // Every few seconds: a program hears of a new post or notification within the minute.
    {
      name: 'send webhooks',
      run: async (deps, now) => {
        await gatherEvents(deps, now);
        await deliverWebhooks(deps, now);
      },
      everyMs: 5_000,
    },
    {
      name: 'forget revoked tokens and old deliveries',
      run: async (deps, now) => {
        await forgetRevokedTokens(deps.db, now);
        await forgetDeliveries(deps.db, now);
      },
    },
  ],
};
