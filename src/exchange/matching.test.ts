import { describe, expect, it } from 'vitest';
import { dateFit, findNearDuplicate, rankCandidates, similarity, words, type Candidate } from './matching.ts';

const at = (n: number) => new Date(Date.UTC(2026, 10, n));
const candidate = (over: Partial<Candidate> & { id: string }): Candidate => ({
  category: 'rides',
  area: 'Eastside',
  textRank: 0,
  date: null,
  createdAt: at(1),
  ...over,
});

describe('ranking matches', () => {
  it('puts the same category above shared words alone, and shared words above nothing', () => {
    const ranked = rankCandidates({ kind: 'need', category: 'rides', area: 'Eastside' }, [
      candidate({ id: 'words-only', category: 'food', textRank: 0.1 }),
      candidate({ id: 'category', category: 'rides', textRank: 0 }),
      candidate({ id: 'neither', category: 'legal', textRank: 0 }),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['category', 'words-only']);
  });

  it('prefers more words in common, then the same area, then fitting dates', () => {
    const want = { kind: 'need' as const, category: 'rides', area: 'Eastside', date: '2026-12-10' };
    const ranked = rankCandidates(want, [
      candidate({ id: 'other-area', area: 'Riverside', textRank: 0.05 }),
      candidate({ id: 'ends-early', date: '2026-12-01', textRank: 0.05 }),
      candidate({ id: 'best', date: '2026-12-31', textRank: 0.05 }),
      candidate({ id: 'more-words', area: 'Riverside', textRank: 0.2 }),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['more-words', 'best', 'ends-early', 'other-area']);
  });

  it('breaks ties by who has waited longest and keeps to the limit', () => {
    const list = [3, 1, 2].map((d) => candidate({ id: `day${d}`, createdAt: at(d) }));
    expect(rankCandidates({ kind: 'need', category: 'rides' }, list, 2).map((c) => c.id)).toEqual(['day1', 'day2']);
  });

  it('judges dates from either side', () => {
    const offer = candidate({ id: 'o', date: '2026-12-05' });
    expect(dateFit({ kind: 'need', date: '2026-12-10' }, offer)).toBe(0.5);
    expect(dateFit({ kind: 'need', date: '2026-12-01' }, offer)).toBe(1);
    expect(dateFit({ kind: 'offer', date: '2026-12-20' }, candidate({ id: 'n', date: '2026-12-10' }))).toBe(1);
    expect(dateFit({ kind: 'need' }, offer)).toBe(1);
  });
});

describe('the duplicate guard', () => {
  it('reads words without case or accents', () => {
    expect([...words('Médico, MEDICO y médico!')]).toEqual(['medico']);
  });

  it('finds a near repeat of one of my open needs in the same category only', () => {
    const mine = [
      { id: 'a', what: 'Ride to the clinic on Tuesday', category: 'rides' },
      { id: 'b', what: 'Groceries for my family', category: 'groceries' },
    ];
    expect(findNearDuplicate('ride to the clinic tuesday', 'rides', mine)?.id).toBe('a');
    expect(findNearDuplicate('Ride to the clinic on Tuesday', 'medical', mine)).toBeUndefined();
    expect(findNearDuplicate('Help moving a sofa on Saturday', 'rides', mine)).toBeUndefined();
  });

  it('scores similarity between 0 and 1', () => {
    expect(similarity('a b c', 'a b c')).toBe(1);
    expect(similarity('ride clinic', 'sofa moving')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });
});

describe('contact details on the board', () => {
  it('catches phone numbers and email addresses, and lets dates, sizes and counts through', async () => {
    const { holdsContactDetails } = await import('./schema.ts');
    for (const text of ['call me 555-0199-22', 'text +1 (612) 555 0199', 'write to ada@example.org', '0612345678']) {
      expect(holdsContactDetails(text), text).toBe(true);
    }
    for (const text of [
      'Diapers size 4, 2 packs',
      'Ride on 2026-12-01 at 9:30',
      'Before 12/01/2026',
      'Rent help, 150 dollars',
      'Room 12B',
    ]) {
      expect(holdsContactDetails(text), text).toBe(false);
    }
  });
});
