import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { catalogs, direction, fromAcceptLanguage, pickLanguage, translator } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('ship Spanish complete: every English key, the same placeholders, nothing left in English', () => {
    const es = catalogs.es!;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(es[key], key).toBeTruthy();
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter((k) => es[k] === en[k] && en[k].length > 6);
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('es');
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
