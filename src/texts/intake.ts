// Reading a text (pure): which keyword it is, in which language, and what it says of a need — its kind of help, its
// area, how soon — so the reply asks only for what is missing. Words are compared folded (no case, no accents), whole.
import type { Translate } from '../web/i18n/index.ts';
import type { MessageKey } from '../web/i18n/index.ts';

export type Urgency = 'urgent' | 'soon' | 'whenever';
export type Step = 'category' | 'area' | 'urgency';
/** What was said so far of a need, and the numbered choices the last question gave. */
export type Draft = { what?: string; category?: string; area?: string; urgency?: Urgency; choices?: string[] };

export type Keyword = 'need' | 'stop' | 'start' | 'help' | 'done';
const KEYWORDS: Keyword[] = ['stop', 'start', 'help', 'need', 'done'];
const wordKey = (k: Keyword | Urgency) => `text.word.${k}` as MessageKey;

/** Lower case, without accents or other marks (Arabic's short vowels too). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** One word, as people write it: the same, or the same stem ("ride" for "rides", "grocery" for "groceries"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 3) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= Math.max(4, Math.min(a.length, b.length) - 2);
}

/** Whether these words hold the phrase's words, one after another. */
function holdsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (!phrase.length || phrase.length > words.length) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!sameWord(words[i + j]!, phrase[j]!)) continue outer;
    return true;
  }
  return false;
}

/** The words a keyword list of one language holds (each may be several words: "I NEED"). */
const listOf = (t: Translate, key: Keyword | Urgency) => t(wordKey(key)).split(/\s+/).map(fold).filter(Boolean);

/**
 * The keyword a text starts with, and the language it is a keyword of (the person's own first; STOP, START and HELP
 * in any language the network ships, so they always work). The rest of the text follows it.
 */
export function keywordOf(
  text: string,
  own: Translate,
  all: ReadonlyMap<string, Translate>,
): { keyword: Keyword; lang: string | null; rest: string } | null {
  const first = wordsOf(text)[0];
  if (!first) return null;
  const tries: [string | null, Translate][] = [[null, own], ...all];
  for (const keyword of KEYWORDS)
    for (const [lang, t] of tries)
      if (listOf(t, keyword).includes(first)) {
        // STOP and HELP are one word ("STOP", "STOP please"); a need carries the person's words after it.
        const rest = keyword === 'need' ? text.trim().replace(/^\S+\s*/u, '') : '';
        return { keyword, lang, rest };
      }
  return null;
}

/** A need as far as one text tells it. */
export function readNeed(
  text: string,
  t: Translate,
  categories: readonly { key: string; label: string }[],
  areas: readonly string[],
): Draft {
  const words = wordsOf(text);
  const draft: Draft = {};
  const category = categories.find((c) => holdsPhrase(words, wordsOf(c.label)) || holdsPhrase(words, wordsOf(c.key)));
  if (category) draft.category = category.key;
  const area = areas.find((a) => holdsPhrase(words, wordsOf(a)));
  if (area) draft.area = area;
  for (const u of ['urgent', 'soon', 'whenever'] as const)
    if (!draft.urgency && listOf(t, u).some((w) => words.includes(w))) draft.urgency = u;
  const what = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  if (what.length >= 3) draft.what = what;
  return draft;
}

/** What to ask next, or null when the need is whole. */
export function nextStep(d: Draft): Step | null {
  if (!d.category) return 'category';
  if (!d.area) return 'area';
  if (!d.urgency) return 'urgency';
  return null;
}

/** An answer to a numbered question: the choice it names, or null. */
export function chosen(text: string, choices: readonly string[] | undefined): string | null {
  const n = Number(text.trim().replace(/[.)]$/, ''));
  if (!choices || !Number.isInteger(n) || n < 1 || n > choices.length) return null;
  return choices[n - 1]!;
}

/** An answer to "which area": the one named (whole, or the only one holding the words), or those it could be. */
export function areasNamed(text: string, areas: readonly string[]): string[] {
  const words = wordsOf(text);
  if (!words.length) return [];
  const whole = areas.filter((a) => holdsPhrase(words, wordsOf(a)));
  if (whole.length) return whole;
  return areas.filter((a) => {
    const name = wordsOf(a);
    return words.every((w) => w.length >= 3 && name.some((n) => n.startsWith(w)));
  });
}

/** The answer to "how soon": 1, 2, 3 or a word of the lists. */
export function urgencyOf(text: string, t: Translate): Urgency | null {
  const n = chosen(text, ['urgent', 'soon', 'whenever']);
  if (n) return n as Urgency;
  const words = wordsOf(text);
  for (const u of ['urgent', 'soon', 'whenever'] as const) if (listOf(t, u).some((w) => words.includes(w))) return u;
  return null;
}

/** "1 Food, 2 Rides, …" */
export const numbered = (labels: readonly string[]) => labels.map((l, i) => `${i + 1} ${l}`).join(', ');
