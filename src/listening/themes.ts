// Suggesting themes from open answers, on this machine (issue 19): each language's answers apart, each answer becomes
// a TF-IDF vector of its word stems (snowball-stemmers, without the language's stop words from stopwords-iso), brought
// down to a few dimensions by latent semantic analysis (ml-matrix's SVD), and grouped by k-means (ml-kmeans,
// k-means++ from fixed seeds, so the same answers give the same themes) with the number of themes chosen by the
// silhouette on a sample; each theme is named by its commonest words. Nothing
// leaves the machine. Themes are suggestions: members rename, merge, split and move answers afterwards. Given the
// themes of the last run, a new run keeps a theme's id when most of its answers are still together.
import { kmeans } from 'ml-kmeans';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { newStemmer } from 'snowball-stemmers';
import { createRequire } from 'node:module';

// stopwords-iso is one JSON file: required, as plain ESM would need an import attribute the compiled start lacks.
const stopwordsIso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

export type OpenAnswer = { id: string; text: string; lang: string };
export type SuggestedTheme = { id: string; answerIds: string[]; words: string[] };
export type PreviousTheme = { id: string; answerIds: readonly string[] };

/** Snowball's algorithm for each language Kropotkin may hear answers in; others are not stemmed. */
const ALGORITHMS: Record<string, string> = {
  en: 'english',
  es: 'spanish',
  fr: 'french',
  pt: 'portuguese',
  it: 'italian',
  de: 'german',
  nl: 'dutch',
  ca: 'catalan',
  ro: 'romanian',
  ru: 'russian',
  tr: 'turkish',
  ar: 'arabic',
};

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer | null>();
function stemmerFor(lang: string): Stemmer | null {
  if (!stemmers.has(lang)) {
    const algorithm = Object.hasOwn(ALGORITHMS, lang) ? ALGORITHMS[lang]! : null;
    stemmers.set(lang, algorithm ? newStemmer(algorithm) : null);
  }
  return stemmers.get(lang)!;
}
/**
 * Words stopwords-iso's long lists leave out that say what a need is about (its English list has "work", "home",
 * "help", "need"…): kept.
 */
const KEEP: Record<string, readonly string[]> = {
  en: [
    'work',
    'working',
    'works',
    'worked',
    'home',
    'homes',
    'help',
    'need',
    'needs',
    'place',
    'problem',
    'problems',
    'old',
    'high',
    'looking',
    'money',
    'school',
    'house',
    'houses',
    'food',
    'car',
    'hours',
    'job',
    'jobs',
    'sick',
    'water',
    'light',
    'family',
    'children',
    'kids',
    'doctor',
    'pay',
    'paid',
    'cost',
    'costs',
    'free',
    'open',
    'care',
  ],
  es: [
    'trabajo',
    'trabajos',
    'trabajar',
    'horas',
    'hora',
    'lugar',
    'casa',
    'ayuda',
    'agua',
    'luz',
    'salud',
    'escuela',
    'dinero',
    'pagar',
    'familia',
    'niños',
    'médico',
    'comida',
    'alto',
    'cuidado',
  ],
};
const stops = new Map<string, Set<string>>();
function stopWords(lang: string): Set<string> {
  let s = stops.get(lang);
  if (!s) {
    const keep = new Set(Object.hasOwn(KEEP, lang) ? KEEP[lang] : []);
    s = new Set((Object.hasOwn(stopwordsIso, lang) ? stopwordsIso[lang]! : []).filter((w) => !keep.has(w)));
    stops.set(lang, s);
  }
  return s;
}

/** The stems of an answer's words (letters only, two or more, stop words left out), with a word each stem came from. */
export function stems(text: string, lang: string): { stem: string; word: string }[] {
  const stop = stopWords(lang);
  const stemmer = stemmerFor(lang);
  const out: { stem: string; word: string }[] = [];
  for (const m of text
    .toLowerCase()
    .slice(0, 4000)
    .matchAll(/\p{L}+/gu)) {
    const word = m[0];
    if (word.length < 2 || stop.has(word)) continue;
    out.push({ stem: stemmer ? stemmer.stem(word) : word, word });
  }
  return out;
}

/** At most this many themes are suggested in one language. */
export const MAX_THEMES = 8;
const VOCABULARY = 600;
/** Answers are compared in a space of this many dimensions (latent semantic analysis): words that occur together
 * count as alike, so "landlord" and "rent" meet even in answers that share no word. */
const DIMENSIONS = 10;
const SEEDS = [1, 2, 3, 4, 5];
const SILHOUETTE_SAMPLE = 300;

type Doc = { id: string; terms: { stem: string; word: string }[] };

/**
 * Groups the answers into suggested themes, each language apart (answers in two languages rarely share a word;
 * members merge the themes that say the same). `previous` are the themes as members left them: a new theme whose
 * answers are mostly one previous theme's takes its id. Answers with no words left (empty, or stop words only) are in
 * no theme. Deterministic for the same answers.
 */
export function suggestThemes(
  answers: readonly OpenAnswer[],
  opts: { previous?: readonly PreviousTheme[]; newId: () => string; maxThemes?: number },
): SuggestedTheme[] {
  const byLang = new Map<string, Doc[]>();
  for (const a of answers) {
    const terms = stems(a.text, a.lang);
    if (terms.length) byLang.set(a.lang, [...(byLang.get(a.lang) ?? []), { id: a.id, terms }]);
  }
  // Run again, a language keeps as many themes as it had (new answers join them rather than reshape them all).
  const langOf = new Map(answers.map((a) => [a.id, a.lang]));
  const had = new Map<string, (readonly string[])[]>();
  for (const p of opts.previous ?? []) {
    const lang = p.answerIds.map((id) => langOf.get(id)).find(Boolean);
    if (lang) had.set(lang, [...(had.get(lang) ?? []), p.answerIds]);
  }
  const taken = new Set<string>();
  const themes: SuggestedTheme[] = [];
  for (const lang of [...byLang.keys()].sort()) {
    const docs = byLang.get(lang)!;
    const { groups, wordOf } = group(docs, opts.maxThemes ?? MAX_THEMES, had.get(lang));
    for (const members of groups) themes.push(named(docs, members, opts.previous, opts.newId, wordOf, taken));
  }
  return themes.sort((x, y) => y.answerIds.length - x.answerIds.length);
}

/** The answers of one language in groups (indexes into `docs`), and the commonest word for each stem. */
function group(docs: Doc[], maxThemes: number, before?: (readonly string[])[]) {
  const wordOf = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const t of new Set(d.terms.map((x) => x.stem))) df.set(t, (df.get(t) ?? 0) + 1);
    for (const { stem, word } of d.terms) {
      const words = wordOf.get(stem) ?? new Map<string, number>();
      words.set(word, (words.get(word) ?? 0) + 1);
      wordOf.set(stem, words);
    }
  }
  const most = Math.min(maxThemes, Math.floor(docs.length / 3));
  if (most < 2) return { groups: [docs.map((_, i) => i)], wordOf };
  // TF-IDF over the terms in at least two answers (the commonest first), each answer a unit vector.
  const vocab = [...df]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, VOCABULARY)
    .map(([t]) => t);
  if (vocab.length < 2) return { groups: [docs.map((_, i) => i)], wordOf };
  const index = new Map(vocab.map((t, i) => [t, i]));
  const tfidf = docs.map((d) => {
    const v = new Array<number>(vocab.length).fill(0);
    for (const { stem } of d.terms) {
      const i = index.get(stem);
      if (i !== undefined) v[i]! += 1;
    }
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * Math.log(docs.length / df.get(vocab[i]!)!);
    return unit(v);
  });
  // Latent semantic analysis: the answers in the space of the strongest few singular vectors.
  const svd = new SingularValueDecomposition(new Matrix(tfidf), {
    computeLeftSingularVectors: true,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  const dims = Math.min(DIMENSIONS, svd.diagonal.length);
  const u = svd.leftSingularVectors;
  const points = docs.map((_, i) => unit(Array.from({ length: dims }, (_, j) => u.get(i, j) * svd.diagonal[j]!)));
  let best: { clusters: number[]; score: number } | null = null;
  // Run again: k-means starts from where the previous themes' answers now lie, so new answers join them.
  const at = new Map(docs.map((d, i) => [d.id, i]));
  const starts = (before ?? [])
    .map((ids) => ids.map((id) => at.get(id)).filter((i): i is number => i !== undefined))
    .filter((members) => members.length > 0)
    .map((members) => unit(points[0]!.map((_, j) => members.reduce((s, i) => s + points[i]![j]!, 0))));
  if (starts.length >= 2) {
    const r = kmeans(points, starts.length, { initialization: starts, maxIterations: 60 });
    const groups = new Map<number, number[]>();
    r.clusters.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
    return { groups: [...groups.values()], wordOf };
  }
  for (let k = 2; k <= most; k++) {
    // The best of a few seeded starts (k-means++ can settle badly), by the distance of points to their centres.
    let chosen: { clusters: number[]; error: number } | null = null;
    for (const seed of SEEDS) {
      const r = kmeans(points, k, { initialization: 'kmeans++', seed, maxIterations: 60 });
      const error = r.computeInformation(points).reduce((sum, c) => sum + c.error, 0);
      if (!chosen || error < chosen.error) chosen = { clusters: r.clusters, error };
    }
    const score = silhouette(points, chosen!.clusters, k);
    if (!best || score > best.score) best = { clusters: chosen!.clusters, score };
  }
  const groups = new Map<number, number[]>();
  best!.clusters.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
  return { groups: [...groups.values()], wordOf };
}

function unit(v: number[]): number[] {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

/** A theme from the answers at `members`: its words, and the id of the previous theme most of them were in. */
function named(
  docs: Doc[],
  members: number[],
  previous: readonly PreviousTheme[] | undefined,
  newId: () => string,
  wordOf: Map<string, Map<string, number>>,
  taken = new Set<string>(),
): SuggestedTheme {
  const answerIds = members.map((i) => docs[i]!.id);
  const counts = new Map<string, number>();
  for (const i of members)
    for (const stem of new Set(docs[i]!.terms.map((t) => t.stem))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 4)
    .map(([stem]) => [...(wordOf.get(stem) ?? new Map([[stem, 1]]))].sort((a, b) => b[1] - a[1])[0]![0]);
  // Keep an id when more than half of this theme's answers that were sorted before were in that theme.
  let id: string | undefined;
  const here = new Set(answerIds);
  let bestShare = 0.5;
  for (const p of previous ?? []) {
    if (taken.has(p.id) || p.answerIds.length === 0) continue;
    const overlap = p.answerIds.filter((a) => here.has(a)).length;
    const share = overlap / Math.min(p.answerIds.length, answerIds.length);
    if (share > bestShare) [bestShare, id] = [share, p.id];
  }
  if (id) taken.add(id);
  return { id: id ?? newId(), answerIds, words };
}

/** The mean silhouette of a sample of the points (cosine distance on unit vectors); higher is better grouped. */
function silhouette(vectors: number[][], clusters: number[], k: number): number {
  const n = vectors.length;
  const step = Math.max(1, Math.floor(n / SILHOUETTE_SAMPLE));
  const dist = (a: number[], b: number[]) => {
    let dot = 0;
    for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
    return 1 - dot;
  };
  let total = 0;
  let counted = 0;
  for (let i = 0; i < n; i += step) {
    const sums = new Float64Array(k);
    const sizes = new Float64Array(k);
    for (let j = 0; j < n; j += step) {
      if (i === j) continue;
      sums[clusters[j]!]! += dist(vectors[i]!, vectors[j]!);
      sizes[clusters[j]!]! += 1;
    }
    const own = clusters[i]!;
    if (sizes[own] === 0) continue;
    const a = sums[own]! / sizes[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
    counted++;
  }
  return counted ? total / counted : -1;
}
