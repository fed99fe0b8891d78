// The life of a need and an offer. Needs: open → matched → met, and withdrawn / expired; a released match
// puts its need back to open. Offers: open → closed (past available-until) or withdrawn.
import type { NeedStatus, OfferStatus, PostKind, PostStatus } from '../db/types.ts';

const needMoves: Record<NeedStatus, NeedStatus[]> = {
  open: ['matched', 'withdrawn', 'expired'],
  matched: ['open', 'met'],
  met: [],
  withdrawn: [],
  expired: [],
};

const offerMoves: Record<OfferStatus, OfferStatus[]> = {
  open: ['closed', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

export function canMove(kind: PostKind, from: PostStatus, to: PostStatus): boolean {
  if (kind === 'need') return (needMoves[from as NeedStatus] ?? []).includes(to as NeedStatus);
  return (offerMoves[from as OfferStatus] ?? []).includes(to as OfferStatus);
}

export function isOpen(status: PostStatus): boolean {
  return status === 'open';
}

/** Urgent first, then soon, then whenever. */
export const URGENCIES = ['urgent', 'soon', 'whenever'] as const;
