// Pure matching logic: how well an open post answers the one being typed, and whether a new need repeats an old one.
import { SYNONYMS } from './synonyms.ts';

export type Wanted = {
  kind: 'need' | 'offer';
  category?: string | undefined;
  area?: string | undefined;
  date?: string | null | undefined;
};
export type Candidate = {
  id: string;
  category: string;
  area: string;
  /** PostgreSQL ts_rank of the candidate's text against the words typed; 0 when none are shared. */
  textRank: number;
  /** needed_by of a need, available_until of an offer. */
  date: string | null;
  createdAt: Date;
};

export const WEIGHTS = { category: 4, text: 3, area: 2, date: 1 } as const;

/**
 * Whether the dates fit: an offer that lasts until the need's date (or is open-ended) fits fully; one that ends
 * earlier can still help before it ends, so it fits half.
 */
export function dateFit(wanted: Wanted, candidate: Candidate): number {
  const needDate = wanted.kind === 'need' ? wanted.date : candidate.date;
  const offerUntil = wanted.kind === 'need' ? candidate.date : wanted.date;
  if (!needDate || !offerUntil) return 1;
  return offerUntil >= needDate ? 1 : 0.5;
}

export function score(wanted: Wanted, c: Candidate, maxTextRank: number): number {
  const text = maxTextRank > 0 ? c.textRank / maxTextRank : 0;
  return (
    WEIGHTS.category * (wanted.category === c.category ? 1 : 0) +
    WEIGHTS.text * text +
    WEIGHTS.area * (wanted.area && wanted.area === c.area ? 1 : 0) +
    WEIGHTS.date * dateFit(wanted, c)
  );
}

/**
 * Ranks candidates by category, words in common, area and dates. A candidate that shares neither category nor any
 * word is no match at all. Ties go to the one waiting longest.
 */
export function rankCandidates<C extends Candidate>(
  wanted: Wanted,
  candidates: C[],
  limit = 5,
): (C & { score: number })[] {
  const relevant = candidates.filter((c) => c.category === wanted.category || c.textRank > 0);
  const maxText = Math.max(0, ...relevant.map((c) => c.textRank));
  return relevant
    .map((c) => ({ ...c, score: score(wanted, c, maxText) }))
    .sort((a, b) => b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime())
    .slice(0, limit);
}

/** The most words a search is made of: any more only cost time (a query of thousands of terms never ended). */
export const MAX_SEARCH_WORDS = 48;

/**
 * The first distinct words of a text, and (unless `plain`) the words that mean the same help in any language
 * (synonyms.ts), capped in characters before they are read and in number after; what was typed comes first.
 */
export function searchWords(text: string, opts: { plain?: boolean } = {}): string {
  const typed = text.slice(0, 1000);
  return (opts.plain ? [...words(typed)] : withSynonyms(typed)).slice(0, MAX_SEARCH_WORDS).join(' ');
}

/** A word without a plural's ending, for looking it up ("rides" finds "ride"'s group). */
const bare = (w: string) =>
  w.length > 4 && w.endsWith('es') ? w.slice(0, -2) : w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w;

const SYNONYM_INDEX = new Map<string, Set<number>>();
SYNONYMS.forEach((group, i) => {
  for (const word of group)
    for (const key of new Set([word, bare(word)])) {
      const at = SYNONYM_INDEX.get(key) ?? new Set<number>();
      at.add(i);
      SYNONYM_INDEX.set(key, at);
    }
});

/** The typed words, then the words of every synonym group one of them belongs to, without repeats. */
export function withSynonyms(text: string): string[] {
  const typed = [...words(text)];
  const out = new Set(typed);
  for (const w of typed)
    for (const i of new Set([...(SYNONYM_INDEX.get(w) ?? []), ...(SYNONYM_INDEX.get(bare(w)) ?? [])]))
      for (const s of SYNONYMS[i]!) out.add(s);
  return [...out];
}

/** Lower-case words without accents, at least two letters long. */
export function words(text: string): Set<string> {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(plain.match(/[\p{L}\p{N}]{2,}/gu) ?? []);
}

export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

export const DUPLICATE_THRESHOLD = 0.6;

/** The first of my open needs that the new text nearly repeats (same category, mostly the same words). */
export function findNearDuplicate<P extends { what: string; category: string }>(
  text: string,
  category: string,
  mine: P[],
): P | undefined {
  return mine.find((p) => p.category === category && similarity(text, p.what) >= DUPLICATE_THRESHOLD);
}
