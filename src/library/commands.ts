// Changing the library: adding an item (a version of another points at the first of them all), taking one's own
// down, and saying something under an item. The daily limits and a pause are the database's (KR030, KR015).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type NewItem = {
  title: string;
  language: string;
  about: string;
  url: string;
  body: string;
  versionOf: string | null;
};

export async function addItem(db: Q, memberId: string, item: NewItem, now: Date): Promise<string> {
  // A version of a version is a version of the first: the versions of one reading sit side by side.
  const root = item.versionOf
    ? ((
        await db
          .selectFrom('library_items')
          .select(['id', 'version_of'])
          .where('id', '=', item.versionOf)
          .where('taken_down_at', 'is', null)
          .executeTakeFirst()
      )?.version_of ?? item.versionOf)
    : null;
  const exists = root
    ? await db.selectFrom('library_items').select('id').where('id', '=', root).executeTakeFirst()
    : null;
  const { id } = await db
    .insertInto('library_items')
    .values({
      added_by: memberId,
      added_at: now,
      title: item.title,
      language: item.language,
      about: item.about,
      url: item.url || null,
      body: item.body || null,
      version_of: exists ? root : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The member who added an item takes it down; its versions stay. */
export async function takeDown(db: Q, itemId: string, memberId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('library_items')
    .set({ taken_down_at: now })
    .where('id', '=', itemId)
    .where('added_by', '=', memberId)
    .where('taken_down_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addComment(db: Q, itemId: string, memberId: string, body: string, now: Date) {
  await db
    .insertInto('library_comments')
    .values({ item_id: itemId, member_id: memberId, body, created_at: now })
    .execute();
}
