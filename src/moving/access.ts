// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';
import { MOST_BYTES } from './read.ts';

export const access: Record<string, RouteAccess> = {
  // Any member may bring a sheet; importing it is the members' decision.
  'GET /import': { who: 'members' },
  'POST /import': { who: 'members', upload: MOST_BYTES + 64 * 1024 },
  // A sheet holds people's contacts: only the member who brought it opens it, matches it and sees its dry run.
  'GET /import/:id': { who: 'owner', about: 'sheet', secret: true },
  'POST /import/:id/columns': { who: 'owner', about: 'sheet', secret: true },
  'POST /import/:id/values': { who: 'owner', about: 'sheet', secret: true },
  'GET /import/:id/dry-run': { who: 'owner', about: 'sheet', secret: true },
  'POST /import/:id/propose': { who: 'owner', about: 'sheet', secret: true },
  'POST /import/:id/forget': { who: 'owner', about: 'sheet', secret: true },
  // Moving out: what every member may see, in open formats.
  'GET /export': { who: 'members' },
  'GET /export/:file': { who: 'members', about: 'exportFile' },
};
