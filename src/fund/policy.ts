// Who may do what with the fund. Every member may ask, give, pledge and see the ledger; treasurers record what moved;
// a second member confirms. Whether someone holds the treasurer role is read by the route and passed in.
import type { RecordView, RequestView } from './queries.ts';

type Who = { id: string } | null;

/** A record that waits for a second member: neither confirmed nor withdrawn, and of a kind that needs one. */
export const awaitsConfirmation = (rec: RecordView) => rec.confirmBy !== 'none' && !rec.confirmedAt && !rec.withdrawnAt;

export const can = {
  recordMovement: (who: Who, treasurer: boolean) => !!who && treasurer,
  pay: (who: Who, r: RequestView, treasurer: boolean) =>
    !!who && treasurer && r.status === 'approved' && !r.waitingRecordId && who.id !== r.memberId,
  /** The line a member wrote when asking is for them and for the treasurers who pay it. */
  seeNote: (who: Who, r: RequestView, treasurer: boolean) => !!who && (who.id === r.memberId || treasurer),
  seeName: (who: Who, r: { memberId: string | null; named: boolean }, treasurer: boolean) =>
    !!who && (r.named || who.id === r.memberId || treasurer),
  markReceived: (who: Who, r: RequestView) => !!who && who.id === r.memberId && r.status === 'paid' && !r.receivedAt,
  withdraw: (who: Who, r: RequestView) =>
    !!who && who.id === r.memberId && (r.status === 'proposed' || r.status === 'approved') && !r.waitingRecordId,
  /** A treasurer confirms a contribution arrived; anyone but the recorder and the one paid confirms the rest. */
  confirmRecord: (who: Who, rec: RecordView, treasurer: boolean) => {
    if (!who || !awaitsConfirmation(rec) || who.id === rec.recordedBy) return false;
    if (rec.confirmBy === 'treasurer') return treasurer;
    return who.id !== rec.payeeId && who.id !== rec.memberId && !rec.reversedPayeeIds.includes(who.id);
  },
  withdrawRecord: (who: Who, rec: RecordView) => !!who && who.id === rec.recordedBy && awaitsConfirmation(rec),
  /** A member's own contribution is recorded by them: their name shows only if they chose, to them and to treasurers. */
  seeRecorder: (who: Who, rec: RecordView, treasurer: boolean) =>
    !!who && (rec.kind !== 'contribution' || rec.named || who.id === rec.recordedBy || treasurer),
};

export type RecordPolicy = { confirm: boolean; withdraw: boolean; seeRecorder: boolean };

export function recordPolicy(who: Who, rec: RecordView, treasurer: boolean): RecordPolicy {
  return {
    confirm: can.confirmRecord(who, rec, treasurer),
    withdraw: can.withdrawRecord(who, rec),
    seeRecorder: can.seeRecorder(who, rec, treasurer),
  };
}

export type RequestPolicy = {
  pay: boolean;
  seeNote: boolean;
  seeName: boolean;
  markReceived: boolean;
  withdraw: boolean;
};

export function requestPolicy(who: Who, r: RequestView, treasurer: boolean): RequestPolicy {
  return {
    pay: can.pay(who, r, treasurer),
    seeNote: can.seeNote(who, r, treasurer),
    seeName: can.seeName(who, r, treasurer),
    markReceived: can.markReceived(who, r),
    withdraw: can.withdraw(who, r),
  };
}
