// Who may do what with the fund. Every member may ask, give, pledge and see the ledger; treasurers record what moved;
// a second member confirms. Whether someone holds the treasurer role is read by the route and passed in.
import type { SessionMember } from '../members/sessions.ts';
import type { RequestView } from './queries.ts';

type Who = SessionMember | null;

export const canFund = {
  recordMovement: (who: Who, treasurer: boolean) => !!who && treasurer,
  pay: (who: Who, r: RequestView, treasurer: boolean) => !!who && treasurer && r.status === 'approved' && !r.waitingRecordId && who.id !== r.memberId,
  /** The line a member wrote when asking is for them and for the treasurers who pay it. */
  seeNote: (who: Who, r: RequestView, treasurer: boolean) => !!who && (who.id === r.memberId || treasurer),
  seeName: (who: Who, r: { memberId: string | null; named: boolean }, treasurer: boolean) =>
    !!who && (r.named || who.id === r.memberId || treasurer),
  markReceived: (who: Who, r: RequestView) => !!who && who.id === r.memberId && r.status === 'paid' && !r.receivedAt,
  withdraw: (who: Who, r: RequestView) => !!who && who.id === r.memberId && (r.status === 'proposed' || r.status === 'approved') && !r.waitingRecordId,
};

export type RequestPolicy = { pay: boolean; seeNote: boolean; seeName: boolean; markReceived: boolean; withdraw: boolean };

export function requestPolicy(who: Who, r: RequestView, treasurer: boolean): RequestPolicy {
  return {
    pay: canFund.pay(who, r, treasurer),
    seeNote: canFund.seeNote(who, r, treasurer),
    seeName: canFund.seeName(who, r, treasurer),
    markReceived: canFund.markReceived(who, r),
    withdraw: canFund.withdraw(who, r),
  };
}
