// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  // Other networks' servers: the actor document, WebFinger and the inboxes. Fedify reads only signed activities, and
  // the network keeps only what a partner sends (a request to become partners aside, bounded: federation/inbound.ts).
  'GET /.well-known/webfinger': { who: 'anyone' },
  'GET /ap/actors/:identifier': { who: 'anyone', about: 'groupActor' },
  'POST /ap/actors/:identifier/inbox': { who: 'anyone', about: 'groupActor' },
  'POST /ap/inbox': { who: 'anyone' },
  // What partners share, the partners, and proposing one.
  'GET /partners': { who: 'members' },
  'POST /partners': { who: 'members' },
  // What we share with a partner, or ending the partnership: a member proposes it, the members decide.
  'POST /partners/:id/terms': { who: 'members', about: 'partner' },
  // "I can help" with a partner's need, and the thread that follows: only the member in it reads or writes it.
  'POST /partners/posts/:id/help': { who: 'members', about: 'partnerNeed' },
  'GET /partners/threads/:id': { who: 'owner', about: 'partnerThread', secret: true },
  'POST /partners/threads/:id': { who: 'owner', about: 'partnerThread', secret: true },
};
