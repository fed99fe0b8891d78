// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  // The directory is public, like the listings it starts from: networks find each other without an account.
  'GET /directory': { who: 'anyone' },
  // Our profile and its contact form exist once the members decided to be listed (otherwise: not found).
  'GET /directory/profile.json': { who: 'anyone', about: 'listedNetwork' },
  'GET /directory/contact': { who: 'anyone', about: 'listedNetwork' },
  'POST /directory/contact': { who: 'anyone', about: 'listedNetwork' },
  // What visitors wrote to the network: every member reads it.
  'GET /directory/messages': { who: 'members' },
};
