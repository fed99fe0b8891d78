// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /mutuality': { who: 'members' },
  'GET /mutuality/summary': { who: 'members' },
  'GET /mutuality.csv': { who: 'members' },
  'GET /checkin': { who: 'members' },
  'POST /checkin': { who: 'members' },
};
