// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /members/:id': { who: 'members', about: 'member' },
  'POST /members/:id/flag': { who: 'others', about: 'member' },
  'POST /members/:id/pause': { who: 'others', about: 'member' },
  'POST /members/:id/pause/confirm': { who: 'others', about: 'member' },
  'POST /members/:id/removal': { who: 'others', about: 'member' },
  'POST /members/:id/removal/second': { who: 'others', about: 'member' },
  'POST /posts/:id/flag': { who: 'others', about: 'post' },
  'POST /messages/:id/flag': { who: 'owner', about: 'message' }, // the partner wrote it: the other side of the thread flags it
  'GET /safety': { who: 'members' },
};
