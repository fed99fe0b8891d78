// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /time': { who: 'members' },
  'GET /time/new': { who: 'members' },
  'POST /time': { who: 'members' },
  // The other member of the record answers it; who recorded it may take it back.
  'POST /time/:id/confirm': { who: 'pair', about: 'hoursRecord' },
  'POST /time/:id/decline': { who: 'pair', about: 'hoursRecord' },
  'POST /time/:id/withdraw': { who: 'owner', about: 'hoursRecord' },
};
