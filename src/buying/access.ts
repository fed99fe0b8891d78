// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /buying': { who: 'members' },
  'GET /buying/new': { who: 'members' },
  'POST /buying': { who: 'members' },
  'GET /buying/:id': { who: 'members', about: 'order' },
  'GET /buying/:id/fill.json': { who: 'members', about: 'order' },
  'POST /buying/:id/wants': { who: 'members', about: 'order' },
  'POST /buying/:id/cancel': { who: 'owner', about: 'order' },
  // What was really taken: noted by who it is for (the owner) or who opened the order (the partner).
  'POST /buying/wants/:id/taken': { who: 'pair', about: 'orderWant' },
};
