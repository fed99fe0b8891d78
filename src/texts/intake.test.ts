import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../web/domain.ts';
import { domains } from '../domains.ts';
import { translator } from '../web/i18n/index.ts';
import { areasNamed, chosen, fold, keywordOf, nextStep, readNeed, sameWord, urgencyOf } from './intake.ts';

const { catalogs } = buildRegistry(domains);
const en = translator('en', catalogs);
const es = translator('es', catalogs);
const fr = translator('fr', catalogs);
const ar = translator('ar', catalogs);
const ht = translator('ht', catalogs);
const all = new Map([
  ['en', en],
  ['es', es],
  ['fr', fr],
  ['ar', ar],
  ['ht', ht],
]);
const categories = ['food', 'groceries', 'rides', 'childcare', 'medical'].map((key) => ({
  key,
  label: en(`category.${key}` as never),
}));
const AREAS = ['Eastside', 'Riverside', 'Old Town', 'East Hills'];

describe('reading a text', () => {
  it('folds case and accents, Arabic marks too', () => {
    expect(fold('ÁLTO Niño')).toBe('alto nino');
    expect(fold('مُسَاعَدَة')).toBe('مساعدة');
  });

  it('knows STOP, START and HELP in any shipped language, and a need in the person’s own', () => {
    expect(keywordOf('stop', es, all)).toMatchObject({ keyword: 'stop' });
    expect(keywordOf('ALTO por favor', en, all)).toMatchObject({ keyword: 'stop', lang: 'es', rest: '' });
    expect(keywordOf('Ayuda', en, all)).toMatchObject({ keyword: 'help', lang: 'es' });
    expect(keywordOf('NECESITO comida', en, all)).toEqual({ keyword: 'need', lang: 'es', rest: 'comida' });
    expect(keywordOf('need: a ride', en, all)).toEqual({ keyword: 'need', lang: null, rest: 'a ride' });
    expect(keywordOf('Stopping by later', en, all)).toBeNull();
    expect(keywordOf('', en, all)).toBeNull();
  });

  it('knows the shipped catalogs’ words: French, Arabic, Haitian Creole', () => {
    expect(keywordOf('BESOIN de courses', en, all)).toEqual({ keyword: 'need', lang: 'fr', rest: 'de courses' });
    expect(keywordOf('Arrêt', en, all)).toMatchObject({ keyword: 'stop', lang: 'fr' });
    expect(keywordOf('أحتاج طعام', en, all)).toEqual({ keyword: 'need', lang: 'ar', rest: 'طعام' });
    expect(keywordOf('توقف', en, all)).toMatchObject({ keyword: 'stop', lang: 'ar' });
    expect(keywordOf('bezwen manje', en, all)).toEqual({ keyword: 'need', lang: 'ht', rest: 'manje' });
    expect(keywordOf('Kanpe', en, all)).toMatchObject({ keyword: 'stop', lang: 'ht' });
    const arCategories = ['food', 'groceries'].map((key) => ({ key, label: ar(`category.${key}` as never) }));
    expect(readNeed('بقالة للأسرة اليوم', ar, arCategories, AREAS)).toMatchObject({
      category: 'groceries',
      urgency: 'urgent',
    });
  });

  it('finds the kind of help, the area and how soon in the words, singular or plural', () => {
    expect(readNeed('a ride to the clinic today', en, categories, AREAS)).toEqual({
      category: 'rides',
      urgency: 'urgent',
      what: 'a ride to the clinic today',
    });
    expect(readNeed('grocery run in old town', en, categories, AREAS)).toMatchObject({
      category: 'groceries',
      area: 'Old Town',
    });
    expect(sameWord('meal', 'medical')).toBe(false);
    expect(sameWord('leg', 'legal')).toBe(false);
    expect(nextStep({ category: 'food' })).toBe('area');
    expect(nextStep({ category: 'food', area: 'Eastside', urgency: 'soon' })).toBeNull();
  });

  it('reads answers by number or by name, and says when it cannot tell', () => {
    expect(chosen('2', ['a', 'b'])).toBe('b');
    expect(chosen('3', ['a', 'b'])).toBeNull();
    expect(chosen('two', ['a', 'b'])).toBeNull();
    expect(areasNamed('river', AREAS)).toEqual(['Riverside']);
    expect(areasNamed('east', AREAS)).toEqual(['Eastside', 'East Hills']);
    expect(areasNamed('x', AREAS)).toEqual([]);
    expect(urgencyOf('3', en)).toBe('whenever');
    expect(urgencyOf('hoy', es)).toBe('urgent');
    expect(urgencyOf('maybe', en)).toBeNull();
  });
});
