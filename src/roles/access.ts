// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /roles': { who: 'members' },
  'GET /roles/new': { who: 'members' },
  'GET /roles/:name': { who: 'members', about: 'role', secret: true },
  'POST /roles/:name/handover': { who: 'holder', about: 'role' },
  'GET /roles/:name/propose': { who: 'members', about: 'role' },
  'POST /roles/:name/propose': { who: 'members', about: 'role' },
  'GET /roles/:name/change': { who: 'members', about: 'role' },
  'POST /roles/new': { who: 'members' },
  'POST /roles/:name/change': { who: 'members', about: 'role' },
  'POST /roles/:name/volunteer': { who: 'members', about: 'volunteerRole' },
  'POST /roles/terms/:id/step-down': { who: 'holder', about: 'holderTerm' },
};
