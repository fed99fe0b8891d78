// Reading translations: how far each language has come on the flows everyone needs (join, sign in, ask, offer, help,
// talk in a thread), the messages of a language with their English and their text in force, one message with its
// open proposals, and a language's words for export.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Catalogs, Overlay } from '../web/i18n/index.ts';

type Q = Kysely<Database>;

/** The messages of the flows everyone needs, by where they are: joining, signing in, the board, asking, offering,
 * helping and talking in a thread, the navigation, and what a form says back. */
export const ESSENTIAL = [
  'join.',
  'signIn.',
  'welcome.',
  'home.',
  'nav.',
  'form.',
  'board.',
  'post.',
  'match.',
  'me.',
  'urgency.',
];
export const isEssential = (key: string) => ESSENTIAL.some((p) => key.startsWith(p));

/** Where a message appears, by its first word: a hint for the translator. */
export const placeOf = (key: string) => key.split('.')[0]!;

/** A language's words as members read them: the shipped catalog with the approved translations over it. */
export function wordsOf(lang: string, catalogs: Catalogs, approved: Overlay): Readonly<Record<string, string>> {
  const shipped = (catalogs as Record<string, Readonly<Record<string, string>> | undefined>)[lang] ?? {};
  return { ...shipped, ...(approved[lang] ?? {}) };
}

export type Progress = { lang: string; essential: number; essentialDone: number; all: number; allDone: number };

export function progressOf(lang: string, catalogs: Catalogs, approved: Overlay): Progress {
  const keys = Object.keys(catalogs.en);
  const words = wordsOf(lang, catalogs, approved);
  const done = (k: string) => lang === 'en' || k in words;
  const essential = keys.filter(isEssential);
  return {
    lang,
    essential: essential.length,
    essentialDone: essential.filter(done).length,
    all: keys.length,
    allDone: keys.filter(done).length,
  };
}

export const openProposals = (db: Q, lang: string, key?: string) => {
  let q = db
    .selectFrom('translations')
    .innerJoin('members', 'members.id', 'translations.proposed_by')
    .select([
      'translations.id',
      'translations.key',
      'translations.text',
      'translations.proposed_by as proposedBy',
      'members.display_name as proposerName',
      'translations.proposed_at as proposedAt',
    ])
    .where('translations.lang', '=', lang)
    .where('translations.approved_at', 'is', null)
    .where('translations.replaced_at', 'is', null)
    .orderBy('translations.proposed_at')
    .limit(200);
  if (key) q = q.where('translations.key', '=', key);
  return q.execute();
};

export const translationById = (db: Q, id: string) =>
  db.selectFrom('translations').select(['id', 'lang', 'key', 'proposed_by']).where('id', '=', id).executeTakeFirst();
