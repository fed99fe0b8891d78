// Who may do what with proposals. Any member may open one and vote; the subject of a removal may not vote on it.
import type { SessionMember } from '../web/context.ts';
import type { ProposalView } from './queries.ts';

type Who = SessionMember | null;

export const can = {
  vote: (who: Who, p: ProposalView, now: Date) =>
    !!who && p.status === 'open' && p.closesAt > now && who.id !== p.subjectMemberId,
  seeResults: (who: Who, p: ProposalView, voted: boolean) =>
    !!who && (p.status === 'closed' || p.rules.results === 'always' || (p.rules.results === 'after_vote' && voted)),
  seeWhoVotedHow: (who: Who, p: ProposalView) => !!who && !p.anonymous,
  makeAnonymous: (who: Who, p: ProposalView) => !!who && who.id === p.openedBy && !p.anonymous && p.status === 'open',
};

export type ProposalPolicy = { vote: boolean; seeResults: boolean; seeNames: boolean; makeAnonymous: boolean };

export function proposalPolicy(who: Who, p: ProposalView, voted: boolean, now: Date): ProposalPolicy {
  return {
    vote: can.vote(who, p, now),
    seeResults: can.seeResults(who, p, voted),
    seeNames: can.seeWhoVotedHow(who, p),
    makeAnonymous: can.makeAnonymous(who, p),
  };
}

/**
 * The talk around a proposal: anyone who can see it comments while it is open (the member a removal is about too);
 * the opener extends it before it closes; the opener writes, once, what was decided (anyone, when nobody opened it).
 */
export const canTalk = {
  comment: (who: Who, p: ProposalView) => !!who && p.status === 'open',
  extend: (who: Who, p: ProposalView, now: Date) =>
    !!who && who.id === p.openedBy && p.status === 'open' && p.closesAt > now,
  writeStatement: (who: Who, p: ProposalView) =>
    !!who && p.status === 'closed' && !p.statement && (p.openedBy === null || p.openedBy === who.id),
};
