// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /translate': { who: 'members' },
  'GET /translate/go': { who: 'members' },
  'GET /translate/:lang': { who: 'members', about: 'uiMessage' },
  'GET /translate/:lang/export': { who: 'members', about: 'uiMessage' },
  'GET /translate/:lang/:key': { who: 'members', about: 'uiMessage' },
  'POST /translate/:lang/:key': { who: 'members', about: 'uiMessage' },
  'POST /translate/proposals/:id/approve': { who: 'others', about: 'translation' },
};
