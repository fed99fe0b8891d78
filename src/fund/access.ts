// Who may reach each of this domain's routes (web/domain.ts, RouteAccess; the access matrix checks every one).
import type { RouteAccess } from '../web/domain.ts';

export const access: Record<string, RouteAccess> = {
  'GET /fund': { who: 'members' },
  'GET /fund/ask': { who: 'members' },
  'POST /fund/ask': { who: 'members' },
  'GET /fund/requests/:id': { who: 'members', about: 'request', secret: true },
  'POST /fund/requests/:id/pay': { who: 'holder', about: 'request' },
  'POST /fund/requests/:id/received': { who: 'owner', about: 'paidRequest' },
  'POST /fund/requests/:id/withdraw': { who: 'owner', about: 'request' },
  'GET /fund/give': { who: 'members' },
  'POST /fund/give': { who: 'members' },
  'POST /fund/pledge': { who: 'members' },
  'POST /fund/pledges/:id/end': { who: 'owner', about: 'pledge' },
  'GET /fund/move': { who: 'holder' },
  'POST /fund/move': { who: 'holder' },
  'POST /fund/entries/:id/reverse': { who: 'holder', about: 'entry' },
  'GET /fund/records/:id': { who: 'members', about: 'record' },
  'POST /fund/records/:id/confirm': { who: 'second', about: 'pendingRecord' }, // a second member: not who recorded it, not who is paid
  'POST /fund/records/:id/withdraw': { who: 'holder', about: 'pendingRecord' }, // the one who recorded it, while unconfirmed
  'POST /fund/expected/:id/return': { who: 'holder', about: 'expected' },
  'POST /fund/expected/:id/partly': { who: 'holder', about: 'expected' },
  'POST /fund/expected/:id/write-off': { who: 'members', about: 'expected' }, // any member may ask the members to write it off
  'GET /fund/ledger': { who: 'members' },
  'GET /fund/ledger.csv': { who: 'members' },
  'GET /fund/statement': { who: 'members' },
  'GET /fund/propose': { who: 'members' },
  'POST /fund/propose': { who: 'members' },
  'GET /api/fund': { who: 'members' },
  'POST /api/fund/requests': { who: 'members' },
  'POST /api/fund/records': { who: 'members' }, // any member records a contribution; other kinds need the treasurer (checked by kind, and in the database)
  'POST /api/fund/records/:id/confirm': { who: 'second', about: 'pendingRecord' },
};
