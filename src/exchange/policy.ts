// Who may do what with needs, offers and matches. One small function per action; web/edges.ts's authorize() throws.
import type { SessionMember } from '../web/context.ts';
import type { MatchView, PostView } from './queries.ts';

type Who = SessionMember | null;

export const can = {
  seePost: (who: Who, post: PostView) => !!who && (!post.hidden || who.id === post.memberId),
  // Reading a hidden post's page: its author, and every member while members review it (they decide on it). Never on
  // the board, and nothing else is done to it meanwhile (every action loads it through seePost).
  readPost: (who: Who, post: PostView) => can.seePost(who, post) || (!!who && !!post.review),
  editPost: (who: Who, post: PostView) => !!who && who.id === post.memberId && post.status === 'open',
  respondToPost: (who: Who, post: PostView) =>
    !!who && who.id !== post.memberId && post.status === 'open' && !post.hidden,
  flagPost: (who: Who, post: PostView) => !!who && who.id !== post.memberId && !post.hidden,
  seeMatch: (who: Who, m: MatchView) => !!who && (who.id === m.helperId || who.id === m.askerId),
  writeInMatch: (who: Who, m: MatchView) => can.seeMatch(who, m) && m.status === 'active',
  releaseMatch: (who: Who, m: MatchView) => can.seeMatch(who, m) && m.status === 'active',
  markMet: (who: Who, m: MatchView) => !!who && who.id === m.askerId && m.status === 'active',
};

export type PostPolicy = { edit: boolean; respond: boolean; flag: boolean };

export function postPolicy(who: Who, post: PostView): PostPolicy {
  return { edit: can.editPost(who, post), respond: can.respondToPost(who, post), flag: can.flagPost(who, post) };
}
