// Our locale table (issue 21): direction by the table, not the runtime (Dhivehi is right to left), and words found
// along each language's chain (Haitian Creole → French → English), message by message.
import { describe, expect, it } from 'vitest';
import { chainOf, directionOf, LOCALES } from './locales.ts';
import { direction, fromAcceptLanguage, pickLanguage, translator, type Catalogs } from './index.ts';

describe('the locale table', () => {
  it('says right to left where the script is, whatever the runtime thinks', () => {
    for (const l of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'dv', 'ckb', 'yi', 'sd', 'ug'])
      expect(directionOf(l), l).toBe('rtl');
    for (const l of ['en', 'es-MX', 'ht', 'so', 'am', 'xx']) expect(directionOf(l), l).toBe('ltr');
    expect(direction('dv')).toBe('rtl');
  });

  it('chains each language to English, without loops', () => {
    expect(chainOf('ht')).toEqual(['ht', 'fr', 'en']);
    expect(chainOf('HT-ht')).toEqual(['ht', 'fr', 'en']);
    expect(chainOf('gl')).toEqual(['gl', 'es', 'pt', 'en']);
    expect(chainOf('en')).toEqual(['en']);
    expect(chainOf('zz')).toEqual(['zz', 'en']);
    for (const code of Object.keys(LOCALES)) {
      const chain = chainOf(code);
      expect(chain.at(-1), code).toBe('en');
      expect(new Set(chain).size, code).toBe(chain.length);
      for (const f of LOCALES[code]!.fallback) expect(Object.hasOwn(LOCALES, f), `${code} → ${f}`).toBe(true);
    }
  });

  it('finds each message along the chain, in the language it was found in', () => {
    const catalogs = {
      en: { 'a.b': 'Hello {name}', 'a.c': '{n, plural, one {# member} other {# members}}' },
      fr: { 'a.b': 'Bonjour {name}' },
    } as unknown as Catalogs;
    const t = translator('ht', catalogs);
    expect(t('a.b' as never, { name: 'Ti' })).toBe('Bonjour Ti');
    expect(t('a.c' as never, { n: 2 })).toBe('2 members');
    expect(t('a.d' as never)).toBe('a.d');
  });

  it('picks a shipped language: the wanted one, then one the person also reads, then a fallback, then English', () => {
    expect(pickLanguage('ht', ['en', 'fr'])).toBe('fr');
    expect(pickLanguage('ht', ['en', 'es'])).toBe('en');
    expect(pickLanguage('es-MX', ['en', 'es'])).toBe('es');
    expect(fromAcceptLanguage('ht, es;q=0.5', ['en', 'es'])).toBe('es');
    expect(fromAcceptLanguage('ht, es;q=0.5', ['en', 'es', 'fr'])).toBe('es');
    expect(fromAcceptLanguage('ht', ['en', 'es', 'fr'])).toBe('fr');
    expect(fromAcceptLanguage('dv', ['en', 'es'])).toBe('en');
  });
});
