// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /found': { who: 'nobody' }, // the network is founded: the founding page is gone for everyone (410)
  'POST /found': { who: 'nobody' },
  'GET /agreements': { who: 'members' },
};
