// The exchange: needs and offers, matching, claims and private threads, and what expires when. See web/domain.ts.
import { withdrawAllOf } from './commands.ts';
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { exchangeAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { slipRoutes } from './slip-routes.ts';
import { exchangeRoutes } from './routes.ts';
import { drainMatchQueue } from './match-queue.ts';
import { expirePosts } from './commands.ts';
import { aboutPost, toMatch, toPost } from './notices.ts';
import { applyRetention } from './retention.ts';
import { dayIn, zoneOf } from '../web/zone.ts';
import { networkAgreements } from '../agreements/index.ts';

export const exchange: Domain = {
  name: 'exchange',
  access,
  messages,
  agreements: exchangeAgreements,
  tables: ['posts', 'matches', 'messages', 'match_queue'],
  routes: [exchangeRoutes, slipRoutes],
  // A member who leaves: their open posts withdrawn and their help under way released, as after a removal.
  memberLeft: (tx, memberId, now) => withdrawAllOf(tx, memberId, now),
  jobs: [
    { name: 'match needs a restart left queued', run: (deps) => drainMatchQueue(deps.db) },
    {
      name: 'expire needs and offers',
      // "Needed by" a day means until that day is over where the network is.
      run: async (deps, now) => expirePosts(deps.db, dayIn(zoneOf(await deps.network()), now), now),
    },
    {
      name: 'expire details of finished posts',
      run: async (deps, now) =>
        applyRetention(deps.db, (await networkAgreements(deps.db, deps.registry)).metDetailsDays, now, deps.log),
    },
  ],
  notifications: [
    aboutPost('matching_need', 'notification.matchingNeed', toMatch),
    aboutPost('matching_offer', 'notification.matchingOffer', toMatch),
    aboutPost('claimed', 'notification.claimed', toMatch),
    aboutPost('requested', 'notification.requested', toMatch),
    aboutPost('message', 'notification.message', toMatch),
    aboutPost('released', 'notification.released', toPost), // the match is over: its thread is closed to them
    aboutPost('met', 'notification.met', toMatch),
  ],
  nav: [
    { href: '/board', label: 'nav.board', place: 'daily', order: 10 },
    { href: '/posts/new?kind=need', label: 'nav.postNeed', place: 'daily', order: 20 },
    { href: '/posts/new?kind=offer', label: 'nav.postOffer', place: 'daily', order: 30 },
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { dispatchMatch, hidePost, removePost, restorePost, withdrawAllOf } from './commands.ts';
export { can } from './policy.ts';
export { areaMetRates, dispatchable, postById, postsOf, type DispatchablePost, type PostView } from './queries.ts';
export { aboutPost, toMatch, toPost } from './notices.ts';
export { urgencyKey } from './views.tsx';
export { createPost, markMet, sendMessage, withdrawPost } from './commands.ts';
export { hasOpenNeed, liveMatchOf, lastMessagesFromOthers, type MatchView } from './queries.ts';
export { boardFilterSchema, postSchema, type BoardFilter, type PostInput } from './schema.ts';
export { boardPosts } from './queries.ts';
