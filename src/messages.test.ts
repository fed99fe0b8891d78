import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  argumentsOf,
  direction,
  fromAcceptLanguage,
  pickLanguage,
  pluralFormsOf,
  shippedCatalogs,
  translator,
  type MessageKey,
} from './web/i18n/index.ts';
import { buildRegistry } from './web/domain.ts';
import { domains } from './domains.ts';

// The catalogs as the app has them: the shared words and every domain's (each domain's messages.ts), merged.
const { catalogs } = buildRegistry(domains);
const en = catalogs.en;

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The values an ICU message names (simple ones, and those choosing a plural or a select), however deep. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type !== 0 && e.type !== 7 && e.value) names.add(e.value); // 0: literal text, 7: the # of a plural
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst() as Element[]);
  return [...names].sort();
}

/** Every source file of the app but the catalogs (web/i18n, each domain's messages.ts) and the tests. */
function appSource(): string {
  const src = path.dirname(fileURLToPath(import.meta.url));
  const read = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'i18n' || e.name === 'static' ? [] : read(p);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && e.name !== 'messages.ts'
        ? [fs.readFileSync(p, 'utf8')]
        : [];
    });
  return read(src).join('\n');
}

/** Families of keys the code builds from a word (`category.${c}`, labelOr(t, 'agreement', key)). */
const BUILT = ['category.', 'cause.', 'agreement.'];

describe('message catalogs', () => {
  it('ship Spanish complete: every English key, the same placeholders, nothing left in English', () => {
    const es = catalogs.es!;
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(es[key], key).toBeTruthy();
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const untranslated = (Object.keys(en) as MessageKey[]).filter((k) => es[k] === en[k] && en[k].length > 6);
    expect(untranslated).toEqual([]);
  });

  it('ship whole catalogs of more languages (web/i18n/catalogs): every key, the same names, the language’s own plurals', () => {
    expect(Object.keys(shippedCatalogs).sort()).toEqual(expect.arrayContaining(['ar', 'fr', 'ht']));
    for (const [lang, words] of Object.entries(shippedCatalogs)) {
      const forms = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
      for (const key of Object.keys(en) as MessageKey[]) {
        const text = words[key];
        expect(text, `${lang} ${key}`).toBeTruthy();
        expect(argumentsOf(text!, lang), `${lang} ${key}`).toEqual(argumentsOf(en[key]));
        for (const form of pluralFormsOf(text!, lang))
          expect(forms.has(form as never), `${lang} ${key}: ${form}`).toBe(true);
      }
      expect(
        Object.keys(words).filter((k) => !Object.hasOwn(en, k)),
        `${lang}: keys the app does not have`,
      ).toEqual([]);
    }
  });

  it('are all ICU MessageFormat that parses, in both languages', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  it('chooses the words a number needs, in each language', () => {
    const en = translator('en', catalogs);
    const es = translator('es', catalogs);
    expect(en('circle.summary', { amount: '$10', period: 'week', count: 1 })).toBe('$10 every week, 1 member');
    expect(en('circle.summary', { amount: '$10', period: 'week', count: 3 })).toBe('$10 every week, 3 members');
    expect(en('result.roundActive', { active: 1, exhausted: 0 })).toBe('1 ballot counted, 0 with no option left.');
    expect(es('nav.unread', { count: 1 })).toBe('1 nuevo');
    expect(es('nav.unread', { count: 4 })).toBe('4 nuevos');
    expect(es('fund.pledgedTotal', { amount: '10 €', count: 1 })).toBe('Compromisos mensuales: 10 € de 1 miembro');
  });

  it('never puts a bare number before a counted word ("1 members"): a number that counts goes through plural', () => {
    // A plain placeholder followed by a word that has a singular: the number must choose the word. Keys named …Many
    // are shown only for more than one.
    const counted =
      /\{\w+\} (members?|ballots?|people|persons?|needs?|offers?|entries|votes?|days?|hours?|weeks?|months?|minutes?|times|posts?|miembros?|personas?|votos?|papeletas?|días?|horas?|semanas?|meses|minutos?|veces|necesidades|ofertas?|nuevos?|entradas?)\b/;
    const bare: string[] = [];
    for (const [lang, catalog] of Object.entries(catalogs))
      for (const [key, message] of Object.entries(catalog as Record<string, string>))
        if (!key.endsWith('Many') && counted.test(message.replace(/\{\w+, (plural|select)[^]*$/, '')))
          bare.push(`${lang} ${key}: ${message}`);
    expect(bare).toEqual([]);
  });

  it('never says "(optional)" itself: the form adds it to every field that is', () => {
    const said = Object.entries(catalogs).flatMap(([lang, catalog]) =>
      Object.entries(catalog as Record<string, string>)
        .filter(([key, m]) => key !== 'form.optional' && /\((optional|opcional)\)/i.test(m))
        .map(([key]) => `${lang} ${key}`),
    );
    expect(said).toEqual([]);
  });

  it('has no key the code never uses (and the type check refuses a key that is missing)', () => {
    const source = appSource();
    const built = [...new Set([...BUILT, ...[...source.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map((m) => m[1]!)])];
    const unused = Object.keys(en).filter(
      (key) => !source.includes(`'${key}'`) && !source.includes(`"${key}"`) && !built.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('has every message key the code names for a problem ("error.…", often a zod message the type check cannot see)', () => {
    const named = [...new Set([...appSource().matchAll(/['"`](error\.[A-Za-z0-9_.]+)['"`]/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('es', catalogs);
    expect(t('join.title', { network: 'Red Este' })).toBe('Únete a Red Este');
    expect(t('join.title')).toBe('Únete a {network}');
  });

  it('sets direction right-to-left for Arabic, Persian, Hebrew, Urdu and Pashto', () => {
    for (const l of ['ar', 'fa', 'he', 'ur', 'ps', 'ar-EG']) expect(direction(l)).toBe('rtl');
    for (const l of ['en', 'es', 'so', 'hmn']) expect(direction(l)).toBe('ltr');
  });

  it('picks a catalog for a wanted language, falling back to English', () => {
    expect(pickLanguage('es-MX')).toBe('es');
    expect(pickLanguage('so')).toBe('en');
    expect(fromAcceptLanguage('so;q=1, es;q=0.8, en;q=0.5')).toBe('es');
    expect(fromAcceptLanguage('garbage;;q=x')).toBe('en');
    expect(fromAcceptLanguage(undefined)).toBe('en');
  });
});
