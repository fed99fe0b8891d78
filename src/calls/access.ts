// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /calls': { who: 'members' },
  'GET /calls/me': { who: 'members' },
  'POST /calls/me': { who: 'members' },
  'POST /calls/me/stop': { who: 'members' },
  'GET /calls/neighbours/new': { who: 'members' },
  'POST /calls/neighbours': { who: 'members' },
  'POST /calls/people/:id/stop': { who: 'owner', about: 'callPerson' },
  'GET /calls/new': { who: 'members' },
  'POST /calls': { who: 'members' },
  'GET /calls/rounds/:id': { who: 'members', about: 'callRound' },
  'POST /calls/rounds/:id/take': { who: 'members', about: 'callRound' },
  // The call a caller holds: the person's number is for them alone, while they hold it.
  'GET /calls/:id': { who: 'owner', about: 'heldCall', secret: true },
  'POST /calls/:id/outcome': { who: 'owner', about: 'heldCall' },
  'POST /calls/:id/release': { who: 'owner', about: 'heldCall' },
};
