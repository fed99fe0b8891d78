// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';
import { PHOTO_MOST_BYTES } from './photos.ts';

export const access: Record<string, RouteAccess> = {
  'GET /things': { who: 'members' },
  'GET /things/new': { who: 'members' },
  'POST /things': { who: 'members' },
  'GET /things/:id': { who: 'members', about: 'thing' },
  'POST /things/:id/borrow': { who: 'members', about: 'thing' },
  'POST /things/:id/return': { who: 'members', about: 'thing' },
  'POST /things/:id/renew': { who: 'members', about: 'thing' },
  'POST /things/:id/line': { who: 'members', about: 'thing' },
  'POST /things/:id/line/leave': { who: 'members', about: 'thing' },
  'POST /things/:id/report': { who: 'members', about: 'thing' },
  'GET /things/:id/label': { who: 'members', about: 'thing' },
  'POST /things/:id/retire': { who: 'owner', about: 'thing' },
  'GET /things/:id/photo': { who: 'members', about: 'thing' },
  'POST /things/:id/photo': { who: 'owner', about: 'thing', upload: PHOTO_MOST_BYTES },
  'POST /things/:id/photo/remove': { who: 'owner', about: 'thing' },
};
