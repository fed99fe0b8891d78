// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /': { who: 'anyone' },
  'GET /join/:token': { who: 'nobody', about: 'unknownToken' },
  'POST /join/:token': { who: 'nobody', about: 'unknownToken' },
  'GET /welcome': { who: 'members' },
  'GET /sign-in': { who: 'anyone' },
  'POST /sign-in/email': { who: 'anyone' },
  'GET /sign-in/link': { who: 'nobody' }, // open to all, but without a live one-time link it is gone (410) for everyone; mail.test.ts uses real links
  'POST /sign-in/link': { who: 'nobody' }, // likewise
  'POST /sign-in/code': { who: 'anyone' },
  'POST /sign-out': { who: 'anyone' },
  'POST /settings/recovery-code': { who: 'members' },
  'POST /settings/leave': { who: 'members' },
  'GET /members': { who: 'members' },
  'POST /members/:id/sign-in-code': { who: 'others', about: 'member' }, // for another member, never oneself
  // Acting for another member who is there and asks for it (members/acting.ts); never for oneself.
  'GET /members/:id/act': { who: 'others', about: 'member' },
  'POST /members/:id/act': { who: 'others', about: 'member' },
  'POST /acting/end': { who: 'members' },
  'POST /members/codes/:id/second': { who: 'second', about: 'signInCode' }, // neither its member nor its maker
  'POST /members/slips/:id/second': { who: 'others', about: 'slip' }, // anyone but who brought them in
  'POST /language': { who: 'anyone' },
  'GET /settings': { who: 'members' },
  'POST /settings': { who: 'members' },
  'POST /settings/passkeys/remove': { who: 'members' },
  'POST /settings/sign-out-everywhere': { who: 'members' },
  'GET /email/confirm': { who: 'nobody' }, // without a live link mailed to an address it is gone (410) for everyone; lifecycle and invites tests use real ones
  'POST /email/confirm': { who: 'nobody' }, // likewise
  'GET /email/confirmed': { who: 'anyone' },
  'GET /invites': { who: 'members' },
  'POST /invites/:id/second': { who: 'nobody', about: 'invite' }, // this network lets invites work without a second
  'POST /invites': { who: 'members' },
  'POST /invites/:id/end': { who: 'owner', about: 'invite' },
  'POST /invites/end': { who: 'members' },
  'POST /invites/:id/end/confirm': { who: 'notAsker', about: 'askedInvite' }, // not the member who asked
  'POST /passkeys/register/options': { who: 'members' },
  'POST /passkeys/register/verify': { who: 'members' },
  'POST /passkeys/sign-in/options': { who: 'anyone' },
  'POST /passkeys/sign-in/verify': { who: 'anyone' },
};
