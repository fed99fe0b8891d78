// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /circles': { who: 'members' },
  'GET /circles/new': { who: 'members' },
  'POST /circles': { who: 'members' },
  'GET /circles/:id': { who: 'members', about: 'circle' },
  'POST /circles/:id/join': { who: 'members', about: 'circle' },
  'POST /circles/:id/leave': { who: 'members', about: 'circle' }, // leaving a forming circle one is not in changes nothing
  'POST /circles/:id/start': { who: 'owner', about: 'circle' },
  'POST /circles/rounds/:id/pay': { who: 'pair', about: 'round' },
  'POST /circles/rounds/:id/receive': { who: 'pair', about: 'round' },
  'POST /circles/rounds/:id/defer': { who: 'pair', about: 'round' },
};
