// The decisions' notifications: a proposal opened, closing soon, closed. Each names the proposal; its text gives the
// title as the network words it and, once closed, the outcome.
import type { ProposalKind } from '../db/types.ts';
import type { NotificationKindDef, NotificationSubject } from '../web/domain.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { isUuid } from '../web/edges.ts';
import { shorten } from '../notifications/index.ts';
import { outcomeLabel, proposalTitle } from './text.ts';
import type { Outcome } from './tally.ts';
import type { Action } from './queries.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    proposal_opened: true;
    proposal_closing: true;
    proposal_closed: true;
    proposal_comment: true;
    proposal_extended: true;
  }
}

type ProposalSubject = {
  id: string;
  kind: ProposalKind;
  title: string;
  subjectMemberName: string | null;
  outcome: string | null;
  action?: Action;
};

const proposals: NotificationSubject<ProposalSubject> = {
  tables: ['proposals'],
  load: async (db, subjects) => {
    const ids = subjects.filter((s) => isUuid(s));
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('proposals')
      .leftJoin('members as subject', 'subject.id', 'proposals.subject_member_id')
      .select([
        'proposals.id',
        'proposals.kind',
        'proposals.title',
        'proposals.outcome',
        'proposals.action',
        'subject.display_name as subject_name',
      ])
      .where('proposals.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          kind: r.kind,
          title: r.title,
          subjectMemberName: r.subject_name,
          outcome: r.outcome,
          action: (r.action as Action | null) ?? undefined,
        },
      ]),
    );
  },
};

/** A notification about a proposal: its title (as the network words it) and, once closed, the outcome. */
export const aboutProposal = (
  kind: 'proposal_opened' | 'proposal_closing' | 'proposal_closed' | 'proposal_comment' | 'proposal_extended',
  message: MessageKey,
): NotificationKindDef<ProposalSubject> => ({
  kind,
  about: proposals,
  aboutDecisions: true,
  text: (t, { lang }, n, registry) => {
    const p = n.about;
    if (!p) return t(message, { what: '', outcome: '' });
    const outcome = p.outcome ? outcomeLabel(t, p.outcome as Outcome) : '';
    return t(message, { what: shorten(proposalTitle(t, registry, p, lang), 80), outcome });
  },
  link: (n) =>
    n.subject ? `/decisions/${n.subject}${kind === 'proposal_comment' ? '#discussion' : ''}` : '/decisions',
});
