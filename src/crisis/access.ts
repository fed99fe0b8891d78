// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /crisis': { who: 'members' },
  'POST /crisis/ask': { who: 'members' },
  'POST /crisis/confirm': { who: 'members' },
};
