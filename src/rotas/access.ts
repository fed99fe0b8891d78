// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /rotas': { who: 'members' },
  'GET /rotas/new': { who: 'members' },
  'POST /rotas/new': { who: 'members' },
  'GET /rotas/:id': { who: 'members', about: 'rota' },
  'POST /rotas/:id/slots': { who: 'members', about: 'rota' },
  'POST /rotas/slots/:id/sign-up': { who: 'members', about: 'slot' },
  'POST /rotas/slots/:id/drop': { who: 'members', about: 'slot' },
  'POST /rotas/slots/:id/swap': { who: 'members', about: 'slot' },
  'POST /rotas/places/:id/take': { who: 'members', about: 'place' }, // the owner is answered 409: not one's own place
  'POST /calendar/new': { who: 'members' },
  'POST /calendar/revoke': { who: 'members' },
  'GET /calendar/:file': { who: 'anyone', about: 'feed' }, // a secret address, like a link
};
