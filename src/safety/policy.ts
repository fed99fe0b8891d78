// Who may flag, pause, or propose removing whom. Nobody acts on themselves, and nobody on a removed member.
import type { SessionMember } from '../web/context.ts';
import type { MemberProfile, PauseState } from './queries.ts';

type Who = SessionMember | null;

export const can = {
  actOn: (who: Who, m: MemberProfile) => !!who && who.id !== m.id && !m.removed,
  /** A message can be flagged by the other member of its thread; to anyone else it does not exist. */
  seeMessage: (who: Who, msg: { helperId: string; askerId: string }) =>
    !!who && (who.id === msg.helperId || who.id === msg.askerId),
  flagMessage: (who: Who, msg: { authorId: string | null }) => !!who && msg.authorId !== who.id,
};

export type MemberPolicy = {
  flag: boolean;
  askPause: boolean;
  confirmPause: boolean;
  openRemoval: boolean;
  secondRemoval: boolean;
};

export function memberPolicy(who: Who, m: MemberProfile, pause: PauseState): MemberPolicy {
  const other = can.actOn(who, m);
  return {
    flag: other,
    askPause: other && !pause.asked && !pause.active,
    confirmPause: other && !!pause.asked && pause.asked.askedBy !== who?.id,
    openRemoval: other && !pause.removal,
    /** Another member than the one who opened it seconds a removal; only then are the subject's posts hidden. */
    secondRemoval: other && !!pause.removal && !pause.removal.seconded && pause.removal.openedBy !== who?.id,
  };
}
