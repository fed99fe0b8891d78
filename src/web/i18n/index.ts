// Message catalogs and the translator. Every string on a page comes from here; es must have every key en has.
// Messages are ICU MessageFormat (see format below); src/web/i18n/i18n.test.ts parses every one in both languages.
import fs from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { own } from '../lookup.ts';
import { en } from './en.ts';
import { baseOf, chainOf, directionOf, LOCALES } from './locales.ts';
import { es } from './es.ts';

const CATALOGS = new URL('./catalogs/', import.meta.url);

/**
 * Every message key: the words many domains share (en.ts here), and each domain's own, which its messages.ts adds by
 * declaration merging (`interface Messages extends Words {}`) and its index.ts hands the registry (web/domain.ts).
 */
export interface Messages extends SharedWords {}
type SharedWords = typeof en;
export type MessageKey = keyof Messages & string;
/** One language's words: every key, merged from the shared catalog and the domains' (Registry.catalogs). */
export type Catalog = Record<MessageKey, string>;
/** Every language's catalog; English always among them. */
export type Catalogs = Readonly<Record<string, Catalog>> & { readonly en: Catalog };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Some words in every language Kropotkin ships: English, and each other language with exactly the same keys. */
export type WordsByLanguage = Record<string, Record<string, string>>;

/** The shared words, in every language Kropotkin ships (the domains' are merged in by the registry). */
export const sharedWords: WordsByLanguage = { en, es };

/**
 * Whole catalogs of more languages, one file each (catalogs/<lang>.json: every key, shared and every domain's — the
 * form /translate/<lang>/export writes, so members' translations can come back to the project as one). A key a file
 * lacks is looked for along the language's chain, as for any language.
 */
export const shippedCatalogs: WordsByLanguage = Object.fromEntries(
  fs
    .readdirSync(CATALOGS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.slice(0, -5), JSON.parse(fs.readFileSync(new URL(f, CATALOGS), 'utf8')) as Record<string, string>]),
);

/** The languages Kropotkin ships words for. */
export const languages: readonly string[] = [...Object.keys(sharedWords), ...Object.keys(shippedCatalogs)];

/** A domain's words: English, and Spanish with exactly the same keys. */
export function defineMessages<E extends Record<string, string>>(
  english: E,
  spanish: Record<keyof E, string>,
): WordsByLanguage {
  return { en: english, es: spanish as Record<string, string> };
}

/** Languages written right to left; the layout flips with `dir="rtl"`. */

export function direction(lang: string): 'ltr' | 'rtl' {
  return directionOf(lang);
}

/** The language to show for a wanted one: itself, its base language, the first of its fallbacks shipped, or English. */
export function pickLanguage(wanted: string | undefined, available: readonly string[] = languages): string {
  if (!wanted) return 'en';
  if (available.includes(wanted)) return wanted;
  return chainOf(wanted).find((l) => available.includes(l)) ?? 'en';
}

/** First language from an Accept-Language header that has a catalog. */
export function fromAcceptLanguage(header: string | undefined, available: readonly string[] = languages): string {
  if (!header) return 'en';
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((w) => w.tag && !Number.isNaN(w.q))
    .sort((a, b) => b.q - a.q);
  // A language the person reads, shipped, before a fallback of one they prefer ("ht, es;q=0.5": Spanish, not English).
  for (const w of wanted) if (available.includes(baseOf(w.tag))) return baseOf(w.tag);
  for (const w of wanted) {
    const next = chainOf(w.tag).find((l) => l !== 'en' && available.includes(l));
    if (next) return next;
  }
  return 'en';
}

/**
 * Messages are ICU MessageFormat (intl-messageformat): `{name}` puts a value in, and
 * `{count, plural, one {# member} other {# members}}` chooses the words a number needs in the language (and
 * `select` by a word). Each message is compiled once per language and kept.
 */
const compiled = new Map<string, IntlMessageFormat>();

function format(lang: string, key: string, text: string, params: Params): string {
  const id = `${lang}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  try {
    return String(message.format(params));
  } catch {
    // A value the message names was not given: show the rest, the name in its braces (as before ICU), never fail a page.
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }
}

/**
 * Words in a language, from the merged catalogs (Registry.catalogs): a key it lacks is looked for along its chain
 * (locales.ts: Haitian Creole, then French, then English), and said in the language it was found in.
 */
export function translator(lang: string, catalogs: Catalogs, approved?: Overlay): Translate {
  // In each language of the chain, the members' approved translations first, then the shipped catalog.
  const chain = chainOf(lang).flatMap((l) => {
    const catalog = own(catalogs, l) as Readonly<Record<string, string>> | undefined;
    const theirs = approved ? own(approved, l) : undefined;
    return [...(theirs ? [{ lang: l, catalog: theirs }] : []), ...(catalog ? [{ lang: l, catalog }] : [])];
  });
  return (key, params) => {
    for (const { lang: found, catalog } of chain) {
      const text = catalog[key];
      if (text !== undefined) return params ? format(found, key, text, params) : text;
    }
    return key;
  };
}

/** Translations members proposed and other members approved, by language and key (src/translate/). */
export type Overlay = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The names a message fills in ({name}, {count, plural…}), sorted: a translation must keep exactly these. */
export function argumentsOf(message: string, lang = 'en'): string[] {
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type !== 0 && e.type !== 7 && e.value) names.add(e.value); // 0: literal text, 7: the # of a plural
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return [...names].sort();
}

/** The plural categories a message uses (one, few, many, other…; not =0), for checking a translation's forms. */
export function pluralFormsOf(message: string, lang: string): string[] {
  type Element = { type: number; options?: Record<string, { value: Element[] }> };
  const forms = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type === 6 && e.options) for (const k of Object.keys(e.options)) if (!k.startsWith('=')) forms.add(k);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return [...forms];
}

/** The translator with words the network named itself laid over it (its kinds of help, its root causes…): a key the
 * network named reads as named; every other as before. */
export function withWords(t: Translate, words: Readonly<Record<string, string>> | undefined): Translate {
  return words ? (key, params) => own(words, key) ?? t(key, params) : t;
}

/** Names of languages in their own words, for pickers (locales.ts). */
export const languageNames: Record<string, string> = Object.fromEntries(
  Object.entries(LOCALES).map(([code, l]) => [code, l.name]),
);

/** A language's name in its own words, or its code when the table does not know it. */
export const languageName = (code: string) => own(languageNames, code) ?? code;

const SEARCH_CONFIGS: Record<string, string> = {
  en: 'english',
  es: 'spanish',
  fr: 'french',
  pt: 'portuguese',
  de: 'german',
  it: 'italian',
  ru: 'russian',
  ar: 'arabic',
  tr: 'turkish',
  ne: 'nepali',
  pl: 'simple',
  sw: 'simple',
};

/** Every text-search configuration a post can be stored with. */
export const searchConfigs: readonly string[] = [...new Set([...Object.values(SEARCH_CONFIGS), 'simple'])];

/** PostgreSQL text-search configurations for languages it can stem; others use 'simple'. */
export function searchConfig(lang: string): string {
  return own(SEARCH_CONFIGS, lang.split('-')[0]!) ?? 'simple';
}

/** A number or an address kept left to right inside a sentence in any direction (U+2066 … U+2069): pages and the
 * flyer's PDF alike (texts/). */
export const isolate = (text: string) => `\u2066${text}\u2069`;
