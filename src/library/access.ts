// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /library': { who: 'members' },
  'GET /library/new': { who: 'members' },
  'POST /library': { who: 'members' },
  'GET /library/:id': { who: 'members', about: 'libraryItem' },
  'POST /library/:id/comments': { who: 'members', about: 'libraryItem' },
  'POST /library/:id/take-down': { who: 'owner', about: 'libraryItem' },
};
