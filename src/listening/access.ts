// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
// Every member may listen, enter answers given on paper and sort: doing so lists them among the cycle's listeners.
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /listening': { who: 'members' },
  'GET /listening/new': { who: 'members' },
  'POST /listening/new': { who: 'members' },
  'GET /listening/:id': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/answer': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/listen': { who: 'members', about: 'listeningCycle' },
  'GET /listening/:id/paper': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/paper': { who: 'members', about: 'listeningCycle' },
  'GET /listening/:id/conversations': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/conversations': { who: 'members', about: 'listeningCycle' },
  'POST /listening/notes/:id/followed-up': { who: 'owner', about: 'listeningNote' },
  'GET /listening/:id/themes': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/suggest': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/sort': { who: 'members', about: 'listeningCycle' },
  'POST /listening/:id/conclusions': { who: 'members', about: 'listeningCycle' },
  'GET /listening/:id/report': { who: 'members', about: 'listeningCycle' },
  'POST /listening/themes/:id': { who: 'members', about: 'listeningTheme' },
  'POST /listening/themes/:id/merge': { who: 'members', about: 'listeningTheme' },
  'GET /listening/themes/:id/propose': { who: 'members', about: 'listeningTheme' },
  'POST /listening/themes/:id/propose': { who: 'members', about: 'listeningTheme' },
};
