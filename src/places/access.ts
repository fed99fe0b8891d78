// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /places': { who: 'members' },
  'GET /places/new': { who: 'members' },
  'POST /places': { who: 'members' },
  'GET /places/:id': { who: 'members', about: 'tendedPlace' },
  'POST /places/:id/report': { who: 'members', about: 'tendedPlace' },
  'POST /places/:id/restocked': { who: 'members', about: 'tendedPlace' },
  'POST /places/:id/tend': { who: 'members', about: 'tendedPlace' },
  'POST /places/:id/stock': { who: 'members', about: 'tendedPlace' },
  'GET /places/:id/sign': { who: 'members', about: 'tendedPlace' },
  'POST /places/:id/retire': { who: 'owner', about: 'tendedPlace' },
  // The page a place's sign opens: anyone passing says what they see (three choices, no words), without an account.
  'GET /places/:id/public': { who: 'anyone', about: 'tendedPlace' },
  'POST /places/:id/public/report': { who: 'anyone', about: 'tendedPlace' },
};
