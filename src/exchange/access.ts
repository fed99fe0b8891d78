// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /board': { who: 'members' },
  'GET /posts/new': { who: 'members' },
  'POST /posts': { who: 'members' },
  'GET /posts/for-someone': { who: 'members' },
  'POST /posts/for-someone': { who: 'members' },
  'GET /slip': { who: 'anyone' },
  'POST /slip': { who: 'anyone' }, // the slip's code is what shows anything
  'GET /posts/:id': { who: 'members', about: 'post' },
  'GET /posts/:id/edit': { who: 'owner', about: 'post' },
  'POST /posts/:id/edit': { who: 'owner', about: 'post' },
  'POST /posts/:id/withdraw': { who: 'owner', about: 'post' },
  'POST /posts/:id/respond': { who: 'members', about: 'post' }, // the owner is answered 409: not one's own need
  'GET /matches/:id': { who: 'pair', about: 'match', secret: true },
  'POST /matches/:id/messages': { who: 'pair', about: 'match' },
  'POST /matches/:id/release': { who: 'pair', about: 'match' },
  'POST /matches/:id/met': { who: 'owner', about: 'match' }, // the one who asked says it was met
  'GET /me': { who: 'members' },
  'POST /me/break': { who: 'members' },
  'POST /me/back': { who: 'members' },
  'GET /api/suggestions': { who: 'members' },
  'GET /api/board/stamp': { who: 'members' },
  'GET /api/posts': { who: 'members' },
  'POST /api/posts': { who: 'members' },
  'POST /api/posts/:id/respond': { who: 'members', about: 'post' }, // likewise
};
