// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /decisions': { who: 'members' },
  'GET /decisions/new': { who: 'members' },
  'POST /decisions': { who: 'members' },
  'GET /decisions/:id': { who: 'members', about: 'proposal' },
  'POST /decisions/:id/vote': { who: 'members', about: 'proposal' },
  'POST /decisions/:id/anonymous': { who: 'owner', about: 'proposal' },
  'POST /decisions/:id/comments': { who: 'members', about: 'proposal' },
  'POST /decisions/:id/statement': { who: 'owner', about: 'closedProposal' },
  'POST /decisions/:id/extend': { who: 'owner', about: 'proposal' },
};
