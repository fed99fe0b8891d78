// Who may see a circle: anyone while it gathers members; once it has started, only its members (to anyone else it, and
// its rounds, do not exist). What a member may do inside one the database decides (payments, receipts, deferrals).
import type { SessionMember } from '../web/context.ts';
import type { CircleView } from './queries.ts';

type Who = SessionMember | null;

export const can = {
  seeCircle: (who: Who, circle: Pick<CircleView, 'startedAt' | 'members'>) =>
    !!who && (!circle.startedAt || circle.members.some((m) => m.id === who.id)),
};
