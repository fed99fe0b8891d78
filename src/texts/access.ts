// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  // The phone's webhook is for nobody but the phone: not there (404) until the host sets up a phone gateway, and then
  // only a body signed with the phone's key is read (403 otherwise; tests/integration/texts-android.test.ts).
  'POST /texts/android': { who: 'nobody' },
  // Flyers and cards to print, in any of the network's languages.
  'GET /texts': { who: 'members' },
  'GET /texts/flyer': { who: 'members' },
  'GET /texts/flyer.pdf': { who: 'members' },
};
