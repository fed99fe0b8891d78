// A listening cycle's questions: what kinds there are, how the proposal form writes them (up to eight, each typed in
// one language with its versions in others), how an answer is read against them (a question shown only when an
// earlier one was answered a certain way is ignored otherwise), and how choices are counted. No database here.
import { z } from 'zod';
import { languageNames, type MessageKey } from '../web/i18n/index.ts';
import { namedLine } from '../web/agreement.ts';
import type { FieldErrors, FormValues } from '../web/forms.ts';

export const QUESTION_KINDS = ['short', 'long', 'one', 'several', 'scale', 'rank'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** The most questions a cycle asks: a short survey, not a census. */
export const MAX_QUESTIONS = 8;
export const MAX_OPTIONS = 8;
/** A scale runs from 1 to this. */
export const SCALE = 5;
const TEXT_MAX: Record<'short' | 'long', number> = { short: 300, long: 4000 };

/** Words typed in one language, with their versions in others (language → words). */
export type Words = { typed: string; names: Record<string, string> };
export type Question = {
  kind: QuestionKind;
  text: Words;
  options: Words[];
  /** Shown only when an earlier one-choice or several-choice question was answered with this option. */
  when?: { question: number; option: number };
};

export const isOpen = (q: Question) => q.kind === 'short' || q.kind === 'long';
export const hasOptions = (q: Question) => q.kind === 'one' || q.kind === 'several' || q.kind === 'rank';

/** The words in the reader's language, or as they were typed. */
export const wordsIn = (w: Words, lang: string) => (Object.hasOwn(w.names, lang) ? w.names[lang]! : w.typed);

const words = z.object({ typed: z.string().min(1).max(400), names: z.record(z.string(), z.string().min(1).max(400)) });
/** What a stored cycle's questions must be (a stored value that does not fit stops the decision that carries it). */
export const questionsSchema = z
  .array(
    z.object({
      kind: z.enum(QUESTION_KINDS),
      text: words,
      options: z.array(words).max(MAX_OPTIONS),
      when: z.object({ question: z.number().int().min(0), option: z.number().int().min(0) }).optional(),
    }),
  )
  .min(1)
  .max(MAX_QUESTIONS);

/**
 * A question as typed: its first line in the language it is written in, then a line a language for its versions
 * ("es: ¿Qué necesitas?").
 */
export function parseQuestionText(s: string): Words | null {
  const [first, ...rest] = s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!first || first.length > 400) return null;
  const names: Record<string, string> = {};
  for (const line of rest) {
    const m = /^([a-z]{2,3}):(.+)$/.exec(line);
    const lang = m?.[1];
    const text = m?.[2]?.trim();
    if (!lang || !text || text.length > 400 || !Object.hasOwn(languageNames, lang) || Object.hasOwn(names, lang))
      return null;
    names[lang] = text;
  }
  return { typed: first, names };
}

export const questionText = (w: Words) =>
  [w.typed, ...Object.entries(w.names).map(([l, n]) => `${l}: ${n}`)].join('\n');
export const optionLine = (w: Words) => [w.typed, ...Object.entries(w.names).map(([l, n]) => `${l}: ${n}`)].join(' = ');

const slot = (n: number, field: string) => `q${n + 1}${field}`;

/**
 * The proposal form's questions (fields q1…q8, each with _kind, _options, _if and _is): the questions, or a message
 * beside each field that needs another look. Empty slots are skipped; conditions refer to the slots as numbered.
 */
export function parseQuestions(
  values: FormValues,
): { ok: true; questions: Question[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const bySlot = new Map<number, number>(); // slot → index among the questions kept
  const questions: Question[] = [];
  for (let n = 0; n < MAX_QUESTIONS; n++) {
    const raw = values[slot(n, '')]?.trim() ?? '';
    if (!raw) continue;
    const text = parseQuestionText(raw);
    if (!text) {
      errors[slot(n, '')] = 'error.questionText';
      continue;
    }
    const kind = values[slot(n, '_kind')] ?? 'long';
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) {
      errors[slot(n, '_kind')] = 'error.chooseOne';
      continue;
    }
    const q: Question = { kind: kind as QuestionKind, text, options: [] };
    if (hasOptions(q)) {
      const lines = (values[slot(n, '_options')] ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      const parsed = lines.map(namedLine);
      if (lines.length < 2 || lines.length > MAX_OPTIONS) errors[slot(n, '_options')] = 'error.questionOptions';
      else if (parsed.some((p) => !p)) errors[slot(n, '_options')] = 'error.namedLine';
      else if (new Set(parsed.map((p) => p!.item.toLowerCase())).size !== parsed.length)
        errors[slot(n, '_options')] = 'error.listRepeats';
      else q.options = parsed.map((p) => ({ typed: p!.item, names: p!.names }));
    }
    const ifSlot = values[slot(n, '_if')]?.trim();
    if (ifSlot) {
      const earlier = Number(ifSlot) - 1;
      const index = bySlot.get(earlier);
      const target = index === undefined ? undefined : questions[index];
      const is = (values[slot(n, '_is')] ?? '').trim().toLowerCase();
      const option = target?.options.findIndex((o) => o.typed.toLowerCase() === is) ?? -1;
      if (!target || earlier >= n || (target.kind !== 'one' && target.kind !== 'several'))
        errors[slot(n, '_if')] = 'error.questionCondition';
      else if (option < 0) errors[slot(n, '_is')] = 'error.questionConditionOption';
      else q.when = { question: index!, option };
    }
    bySlot.set(n, questions.length);
    questions.push(q);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (questions.length === 0) return { ok: false, errors: { q1: 'error.questionNone' } };
  return { ok: true, questions };
}

/** The proposal form's fields for questions already made (the next cycle starts from the last one's). */
export function questionFields(questions: readonly Question[]): FormValues {
  const values: FormValues = {};
  questions.forEach((q, n) => {
    values[slot(n, '')] = questionText(q.text);
    values[slot(n, '_kind')] = q.kind;
    if (q.options.length) values[slot(n, '_options')] = q.options.map(optionLine).join('\n');
    if (q.when) {
      values[slot(n, '_if')] = String(q.when.question + 1);
      values[slot(n, '_is')] = questions[q.when.question]?.options[q.when.option]?.typed ?? '';
    }
  });
  return values;
}

/** One answer: by question index, the text, the option chosen, the options chosen, the point on the scale, or the
 * rank given each option (0: not ranked). */
export type Answer = Record<string, string | number | number[]>;

export const answerField = (n: number) => `a${n + 1}`;
export const rankField = (n: number, o: number) => `a${n + 1}_${o + 1}`;

/** Whether a question is asked, given the answer so far (its condition met). */
export function asked(questions: readonly Question[], answer: Answer, n: number): boolean {
  const when = questions[n]?.when;
  if (!when) return true;
  const given = answer[String(when.question)];
  return given === when.option || (Array.isArray(given) && given.includes(when.option));
}

/**
 * Reads an answer form against the questions: every question may be left blank, but not all of them; a question whose
 * condition is not met is ignored. Problems are named beside their field.
 */
export function readAnswer(
  questions: readonly Question[],
  values: FormValues,
): { ok: true; answer: Answer } | { ok: false; errors: FieldErrors } {
  const errors: Record<string, MessageKey> = {};
  const answer: Answer = {};
  questions.forEach((q, n) => {
    const field = answerField(n);
    const raw = (values[field] ?? '').trim();
    const key = String(n);
    if (isOpen(q)) {
      if (raw.length > TEXT_MAX[q.kind as 'short' | 'long']) errors[field] = 'error.answerTooLong';
      else if (raw) answer[key] = raw;
    } else if (q.kind === 'one' || q.kind === 'scale') {
      if (!raw) return;
      const v = Number(raw);
      const most = q.kind === 'one' ? q.options.length - 1 : SCALE;
      const least = q.kind === 'one' ? 0 : 1;
      if (!Number.isInteger(v) || v < least || v > most) errors[field] = 'error.chooseOne';
      else answer[key] = v;
    } else if (q.kind === 'several') {
      const picked = raw ? raw.split('\n').map(Number) : [];
      if (picked.some((v) => !Number.isInteger(v) || v < 0 || v >= q.options.length)) errors[field] = 'error.chooseOne';
      else if (picked.length) answer[key] = [...new Set(picked)].sort((a, b) => a - b);
    } else {
      const ranks = q.options.map((_, o) => Number((values[rankField(n, o)] ?? '').trim() || 0));
      const given = ranks.filter((r) => r > 0);
      if (ranks.some((r) => !Number.isInteger(r) || r < 0 || r > q.options.length)) errors[field] = 'error.rank';
      else if (new Set(given).size !== given.length) errors[field] = 'error.rankTwice';
      else if (given.length) answer[key] = ranks;
    }
  });
  // A question whose condition is not met is not asked: what was typed there is not kept.
  questions.forEach((_, n) => {
    if (!asked(questions, answer, n)) {
      delete answer[String(n)];
      delete errors[answerField(n)];
    }
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  if (Object.keys(answer).length === 0) return { ok: false, errors: { _form: 'error.answerEmpty' } };
  return { ok: true, answer };
}

/** An answer split as it is kept: the choices by question, and the open answers apart (members sort those). */
export function splitAnswer(
  questions: readonly Question[],
  answer: Answer,
): { choices: Answer; texts: { question: number; body: string }[] } {
  const choices: Answer = {};
  const texts: { question: number; body: string }[] = [];
  for (const [key, v] of Object.entries(answer)) {
    const q = questions[Number(key)];
    if (!q) continue;
    if (isOpen(q) && typeof v === 'string') texts.push({ question: Number(key), body: v });
    else if (!isOpen(q)) choices[key] = v;
  }
  return { choices, texts };
}

/** A choice question's count: how many chose each option (for a ranking, its points: first of n gets n). */
export type Count = { question: number; answered: number; points: number[] };

export function countChoices(questions: readonly Question[], answers: readonly Answer[]): Count[] {
  const counts: Count[] = [];
  questions.forEach((q, n) => {
    if (isOpen(q)) return;
    const size = q.kind === 'scale' ? SCALE : q.options.length;
    const points = new Array<number>(size).fill(0);
    let answered = 0;
    for (const a of answers) {
      const v = a[String(n)];
      if (v === undefined) continue;
      answered += 1;
      if (q.kind === 'one' && typeof v === 'number' && v < size) points[v]! += 1;
      else if (q.kind === 'scale' && typeof v === 'number' && v >= 1 && v <= size) points[v - 1]! += 1;
      else if (q.kind === 'several' && Array.isArray(v)) {
        for (const o of v) if (o < size) points[o]! += 1;
      } else if (q.kind === 'rank' && Array.isArray(v))
        v.forEach((rank, o) => {
          if (rank > 0 && o < size) points[o]! += size - rank + 1;
        });
    }
    counts.push({ question: n, answered, points });
  });
  return counts;
}
