// The exchange's notifications: each names a match (its thread) or, before there is one, a post; the text says what
// the post asks or offers.
import type { Kysely } from 'kysely';
import type { Database, PostKind } from '../db/types.ts';
import type { NotificationKind, NotificationKindDef, NotificationSubject, Told } from '../web/domain.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { isUuid } from '../web/edges.ts';
import { shorten } from '../notifications/index.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    matching_need: true;
    matching_offer: true;
    claimed: true;
    requested: true;
    message: true;
    released: true;
    met: true;
  }
}

/** A post a notification is about, and the match when it names one. */
export type PostSubject = { postId: string; what: string; kind: PostKind; matchId: string | null };

/** Posts and matches, looked up by id together (a subject is one or the other). */
export const postOrMatch: NotificationSubject<PostSubject> = {
  tables: ['posts', 'matches'],
  load: async (db: Kysely<Database>, subjects) => {
    const ids = subjects.filter((s) => isUuid(s));
    const found = new Map<string, PostSubject>();
    if (ids.length === 0) return found;
    const posts = await db.selectFrom('posts').select(['id', 'what', 'kind']).where('id', 'in', ids).execute();
    for (const p of posts) found.set(p.id, { postId: p.id, what: p.what, kind: p.kind, matchId: null });
    const matches = await db
      .selectFrom('matches')
      .innerJoin('posts', (j) =>
        j.on((eb) => eb('posts.id', '=', eb.fn.coalesce('matches.need_id', 'matches.offer_id'))),
      )
      .select(['matches.id', 'posts.id as post_id', 'posts.what', 'posts.kind'])
      .where('matches.id', 'in', ids)
      .execute();
    for (const m of matches) found.set(m.id, { postId: m.post_id, what: m.what, kind: m.kind, matchId: m.id });
    return found;
  },
};

/** The match's thread, or the post when there is no match to open. */
export const toMatch = (n: Told<PostSubject>) => (n.about?.matchId ? `/matches/${n.about.matchId}` : toPost(n));
export const toPost = (n: Told<PostSubject>) => (n.about ? `/posts/${n.about.postId}` : '/notifications');

/** A kind of notification about a need or offer: its text names what the post asks or offers. */
export function aboutPost(
  kind: NotificationKind,
  message: MessageKey,
  link: (n: Told<PostSubject>) => string,
): NotificationKindDef<PostSubject> {
  return {
    kind,
    about: postOrMatch,
    text: (t, _lang, n) => t(message, { what: n.about ? shorten(n.about.what, 80) : '' }),
    link,
  };
}
