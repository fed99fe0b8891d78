// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  // The JSON API: a member, by token or session; each route answers only what that member may see or do.
  'GET /api/v1/me': { who: 'members' },
  'GET /api/v1/posts': { who: 'members' },
  'POST /api/v1/posts': { who: 'members' },
  'GET /api/v1/posts/:id': { who: 'members', about: 'post' },
  'POST /api/v1/posts/:id/withdraw': { who: 'owner', about: 'post' },
  'GET /api/v1/notifications': { who: 'members' },
  // How to ask: the document says nothing of the network.
  'GET /api/v1/openapi.json': { who: 'anyone' },
  // A member's own tokens.
  'GET /settings/tokens': { who: 'members' },
  'POST /settings/tokens': { who: 'members' },
  'POST /settings/tokens/:id/revoke': { who: 'owner', about: 'apiToken' },
  // A member's own webhooks.
  'POST /settings/webhooks': { who: 'members' },
  'POST /settings/webhooks/:id/remove': { who: 'owner', about: 'webhook' },
};
