// Reading the library: the list (newest first, one line per item and its versions), an item with its versions in
// other languages, and its discussion.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type ItemView = {
  id: string;
  title: string;
  language: string;
  about: string;
  url: string | null;
  body: string | null;
  addedBy: string;
  addedByName: string;
  addedAt: Date;
  versionOf: string | null;
};

const columns = [
  'library_items.id',
  'library_items.title',
  'library_items.language',
  'library_items.about',
  'library_items.url',
  'library_items.body',
  'library_items.added_by as addedBy',
  'members.display_name as addedByName',
  'library_items.added_at as addedAt',
  'library_items.version_of as versionOf',
] as const;

const live = (db: Q) =>
  db
    .selectFrom('library_items')
    .innerJoin('members', 'members.id', 'library_items.added_by')
    .select(columns)
    .where('library_items.taken_down_at', 'is', null);

/** The newest items first (at most `limit`), in a language if given. */
export async function libraryItems(db: Q, opts: { language?: string; limit: number }): Promise<ItemView[]> {
  let q = live(db).orderBy('library_items.added_at', 'desc').limit(opts.limit);
  if (opts.language) q = q.where('library_items.language', '=', opts.language);
  return q.execute();
}

export async function libraryItem(db: Q, id: string): Promise<ItemView | undefined> {
  return live(db).where('library_items.id', '=', id).executeTakeFirst();
}

/** The item's other versions: the one it translates and the others of that one. */
export async function versionsOf(db: Q, item: ItemView): Promise<ItemView[]> {
  const root = item.versionOf ?? item.id;
  return live(db)
    .where((eb) => eb.or([eb('library_items.id', '=', root), eb('library_items.version_of', '=', root)]))
    .where('library_items.id', '!=', item.id)
    .orderBy('library_items.language')
    .execute();
}

export type CommentView = { id: string; body: string; name: string; at: Date };

export async function commentsOn(db: Q, itemId: string): Promise<CommentView[]> {
  return db
    .selectFrom('library_comments')
    .innerJoin('members', 'members.id', 'library_comments.member_id')
    .select([
      'library_comments.id',
      'library_comments.body',
      'members.display_name as name',
      'library_comments.created_at as at',
    ])
    .where('library_comments.item_id', '=', itemId)
    .orderBy('library_comments.created_at')
    .limit(500)
    .execute();
}
