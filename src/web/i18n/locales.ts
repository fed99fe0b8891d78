// Our own table of the languages members speak: each one's name in its own words, its writing direction, and where
// its words come from when a message has no translation yet (Haitian Creole → French → English). Node's ICU lacks
// some of these languages and reports Dhivehi as left-to-right, so neither is asked of it (issue 21).

export type LocaleInfo = {
  /** Its name in its own words, for pickers. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Where a missing message is looked for next, in order; English always ends the chain. */
  fallback: readonly string[];
};

const ltr = (name: string, ...fallback: string[]): LocaleInfo => ({ name, dir: 'ltr', fallback });
const rtl = (name: string, ...fallback: string[]): LocaleInfo => ({ name, dir: 'rtl', fallback });

export const LOCALES: Readonly<Record<string, LocaleInfo>> = {
  en: ltr('English'),
  es: ltr('Español'),
  so: ltr('Soomaali'),
  hmn: ltr('Hmoob'),
  ar: rtl('العربية'),
  fr: ltr('Français'),
  pt: ltr('Português', 'es'),
  zh: ltr('中文'),
  vi: ltr('Tiếng Việt'),
  ht: ltr('Kreyòl ayisyen', 'fr'),
  ru: ltr('Русский'),
  uk: ltr('Українська', 'ru'),
  fa: rtl('فارسی'),
  prs: rtl('دری', 'fa'),
  am: ltr('አማርኛ'),
  ti: ltr('ትግርኛ', 'am'),
  om: ltr('Afaan Oromoo'),
  tl: ltr('Tagalog'),
  ko: ltr('한국어'),
  sw: ltr('Kiswahili'),
  ne: ltr('नेपाली', 'hi'),
  my: ltr('မြန်မာ'),
  km: ltr('ខ្មែរ'),
  ps: rtl('پښتو', 'fa'),
  ur: rtl('اردو'),
  de: ltr('Deutsch'),
  it: ltr('Italiano'),
  pl: ltr('Polski'),
  he: rtl('עברית'),
  yi: rtl('ייִדיש', 'he'),
  tr: ltr('Türkçe'),
  bn: ltr('বাংলা'),
  hi: ltr('हिन्दी'),
  dv: rtl('ދިވެހި'),
  ckb: rtl('کوردی', 'ar'),
  sd: rtl('سنڌي', 'ur'),
  ug: rtl('ئۇيغۇرچە'),
  ca: ltr('Català', 'es'),
  gl: ltr('Galego', 'es', 'pt'),
  eu: ltr('Euskara', 'es'),
  qu: ltr('Runa Simi', 'es'),
  gn: ltr('Avañeʼẽ', 'es'),
  wo: ltr('Wolof', 'fr'),
  ff: ltr('Fulfulde', 'fr'),
  ln: ltr('Lingála', 'fr'),
  rw: ltr('Ikinyarwanda', 'fr'),
  ha: ltr('Hausa'),
  yo: ltr('Yorùbá'),
  ig: ltr('Igbo'),
};

/** The language of a tag as this table knows it: "es-MX" is "es", "HT" is "ht". */
export const baseOf = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Where a language's words come from, in order: itself, its fallbacks (and theirs), then English. */
export function chainOf(tag: string): string[] {
  const out: string[] = [];
  const walk = (lang: string) => {
    if (!lang || out.includes(lang)) return;
    out.push(lang);
    for (const next of LOCALES[lang]?.fallback ?? []) walk(next);
  };
  walk(baseOf(tag));
  if (!out.includes('en')) out.push('en');
  return out;
}

/** Right to left for Arabic, Hebrew, Dhivehi, Persian, Urdu…, by this table (not by the runtime's ICU). */
export const directionOf = (tag: string): 'ltr' | 'rtl' =>
  Object.hasOwn(LOCALES, baseOf(tag)) ? LOCALES[baseOf(tag)]!.dir : 'ltr';
