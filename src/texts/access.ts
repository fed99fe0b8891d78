// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  // The phone's webhook: anyone may knock; only a body signed with the phone's key is read.
  'POST /texts/android': { who: 'anyone' },
};
