import { describe, expect, it } from 'vitest';
import { stems, suggestThemes, type OpenAnswer } from './themes.ts';
import { generateAnswers } from '../../bench/themes.ts';

const counter = () => {
  let n = 0;
  return () => `theme-${++n}`;
};

describe('suggesting themes from open answers', () => {
  it('stems words in the answer’s language and leaves out its stop words', () => {
    expect(stems('The landlord raised the rents', 'en').map((s) => s.stem)).toEqual(['landlord', 'rais', 'rent']);
    expect(stems('Subieron los alquileres', 'es').map((s) => s.stem)).toEqual(['sub', 'alquiler']);
    // Words that say what a need is about are never dropped as stop words.
    expect(stems('looking for work to help at home', 'en').map((s) => s.word)).toEqual([
      'looking',
      'work',
      'help',
      'home',
    ]);
    expect(stems('', 'en')).toEqual([]);
    expect(stems('x'.repeat(100_000), 'zz')).toHaveLength(1); // an unknown language: words as they are, bounded
  });

  it('groups generated answers by their true theme, each language apart, the same way every time', () => {
    const answers = generateAnswers(300, 3);
    const first = suggestThemes(answers, { newId: counter() });
    const again = suggestThemes(answers, { newId: counter() });
    expect(again).toEqual(first);
    const truth = new Map(answers.map((a) => [a.id, a.truth]));
    const lang = new Map(answers.map((a) => [a.id, a.lang]));
    let majority = 0;
    for (const th of first) {
      expect(new Set(th.answerIds.map((id) => lang.get(id))).size).toBe(1);
      const counts = new Map<string, number>();
      for (const id of th.answerIds) counts.set(truth.get(id)!, (counts.get(truth.get(id)!) ?? 0) + 1);
      majority += Math.max(...counts.values());
      expect(th.words.length).toBeGreaterThan(0);
    }
    expect(majority / answers.length).toBeGreaterThan(0.7); // 300 answers; 2,000 reach about 0.9 (npm run bench)
    expect(first.flatMap((t) => t.answerIds).sort()).toEqual(answers.map((a) => a.id).sort());
  });

  it('keeps a theme’s id when its answers stay together, and never gives one id to two themes', () => {
    const answers = generateAnswers(300, 3);
    const newId = counter();
    const first = suggestThemes(answers, { newId });
    const more = [...answers, ...generateAnswers(30, 5)];
    const second = suggestThemes(more, { newId, previous: first });
    const ids = second.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kept = second.filter((t) => first.some((f) => f.id === t.id));
    expect(kept.length).toBeGreaterThan(first.length / 2);
  });

  it('puts answers with no words left in no theme, and copes with one or none', () => {
    const few: OpenAnswer[] = [
      { id: 'a', text: 'the and of', lang: 'en' },
      { id: 'b', text: 'Rent is too high', lang: 'en' },
    ];
    const themes = suggestThemes(few, { newId: counter() });
    expect(themes.flatMap((t) => t.answerIds)).toEqual(['b']);
    expect(suggestThemes([], { newId: counter() })).toEqual([]);
  });
});
