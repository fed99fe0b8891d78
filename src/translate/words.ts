// The members' approved translations, laid over the shipped words (web/i18n translator's overlay), and what a
// proposed translation must keep: the same names filled in as the English message, a message that parses, and only
// plural forms the language has.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { argumentsOf, pluralFormsOf, type Overlay } from '../web/i18n/index.ts';
import type { MessageKey } from '../web/i18n/index.ts';

type Q = Kysely<Database>;

/** The approved words of one database, kept in memory and replaced when one is approved (one server per database). */
const cache = new WeakMap<object, Promise<Overlay>>();

async function load(db: Q): Promise<Overlay> {
  const rows = await db
    .selectFrom('translations')
    .select(['lang', 'key', 'text'])
    .where('approved_at', 'is not', null)
    .where('replaced_at', 'is', null)
    .execute();
  const out: Record<string, Record<string, string>> = {};
  for (const r of rows) (out[r.lang] ??= {})[r.key] = r.text;
  return out;
}

export const approvedWords = (db: Q): Promise<Overlay> => {
  let words = cache.get(db);
  if (!words) {
    words = load(db);
    cache.set(db, words);
    words.catch(() => cache.delete(db));
  }
  return words;
};

/** After an approval: read them again. */
export const forgetWords = (db: Q) => void cache.delete(db);

/** Why a translation of `english` into `lang` cannot stand, or null when it can. */
export function whyNot(english: string, text: string, lang: string): MessageKey | null {
  let names: string[];
  try {
    names = argumentsOf(text, lang);
  } catch {
    return 'error.translationUnreadable';
  }
  if (names.join(',') !== argumentsOf(english).join(',')) return 'error.translationNames';
  let known: string[] = [];
  try {
    known = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  } catch {
    known = ['zero', 'one', 'two', 'few', 'many', 'other'];
  }
  const forms = pluralFormsOf(text, lang);
  if (forms.some((f) => !known.includes(f as Intl.LDMLPluralRule))) return 'error.translationForms';
  if (pluralFormsOf(english, 'en').length && !forms.includes('other')) return 'error.translationForms';
  return null;
}
