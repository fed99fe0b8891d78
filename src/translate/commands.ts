// Changing translations: proposing one (checked against the English message: the same names filled in, plural forms
// the language has), approving another member's (the one in force is replaced, and the new words apply at once).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';
import { forgetWords } from './words.ts';

type Q = Kysely<Database>;

/** Proposes a translation; a member's open proposal for the same message is replaced by the new one. */
export async function propose(db: Q, memberId: string, p: { lang: string; key: string; text: string }, now: Date) {
  return db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('translations')
      .where('lang', '=', p.lang)
      .where('key', '=', p.key)
      .where('proposed_by', '=', memberId)
      .where('approved_at', 'is', null)
      .where('replaced_at', 'is', null)
      .execute();
    const { id } = await tx
      .insertInto('translations')
      .values({ lang: p.lang, key: p.key, text: p.text, proposed_by: memberId, proposed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** Another member approves it: it is in force from now, in place of the one before. */
export async function approve(db: Q, id: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    const t = await tx
      .selectFrom('translations')
      .select(['lang', 'key', 'proposed_by', 'approved_at', 'replaced_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!t) throw errors.notFound();
    if (t.proposed_by === memberId) throw errors.forbidden('own_translation', 'error.translationOwn');
    if (t.approved_at || t.replaced_at) throw errors.conflict('translation_answered', 'error.translationAnswered');
    await tx
      .updateTable('translations')
      .set({ replaced_at: now })
      .where('lang', '=', t.lang)
      .where('key', '=', t.key)
      .where('approved_at', 'is not', null)
      .where('replaced_at', 'is', null)
      .execute();
    await tx
      .updateTable('translations')
      .set({ approved_by: memberId, approved_at: now })
      .where('id', '=', id)
      .execute();
  });
  forgetWords(db);
}
