// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /events': { who: 'members' },
  'GET /events/new': { who: 'members' },
  'POST /events': { who: 'members' },
  'GET /events/:id': { who: 'members', about: 'event' },
  'POST /events/:id/rsvp': { who: 'members', about: 'event' },
  'POST /events/:id/cancel': { who: 'owner', about: 'event' },
  'GET /events/:id/flyer': { who: 'members', about: 'event' },
  // Open to all only when the event says so (the fixture's does): never the exact place, never who comes.
  'GET /events/:id/public': { who: 'anyone', about: 'event' },
};
