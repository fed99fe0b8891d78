// What the listening forms accept (the questions and the answers are read by questions.ts). Nothing here asks who a
// person is: a conversation's name is theirs to give or not.
import { z } from 'zod';
import { decisionFields } from '../decisions/index.ts';
import { namedLine } from '../web/agreement.ts';

const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, 'error.textTooLong'));
const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const date = (key: 'error.date') =>
  z
    .string(key)
    .regex(/^\d{4}-\d{2}-\d{2}$/, key)
    .refine((d) => !Number.isNaN(Date.parse(d)), key);

export const cycleForm = (languages: readonly string[]) =>
  z.object({
    ...decisionFields,
    title: z.string('error.titleRequired').trim().min(3, 'error.titleRequired').max(140, 'error.titleTooLong'),
    intro: trimmed(2000),
    languages: z.preprocess(
      lines,
      z
        .array(z.string())
        .min(1, 'error.chooseLanguages')
        .refine((l) => l.every((x) => languages.includes(x)), 'error.chooseLanguages'),
    ),
    days: z.coerce
      .number('error.cycleDays')
      .int('error.cycleDays')
      .min(1, 'error.cycleDays')
      .max(120, 'error.cycleDays'),
    why: trimmed(4000),
  });

export const conversationForm = (languages: readonly string[], today: string) =>
  z
    .object({
      held_on: date('error.date').refine((d) => d <= today, 'error.heldOnFuture'),
      raised: z.string('error.raisedEmpty').trim().min(1, 'error.raisedEmpty').max(4000, 'error.answerTooLong'),
      lang: z.string('error.chooseLanguage').refine((l) => languages.includes(l), 'error.chooseLanguage'),
      tags: z.preprocess(
        (v) =>
          typeof v === 'string'
            ? [
                ...new Set(
                  v
                    .split(',')
                    .map((s) => s.trim().toLowerCase())
                    .filter(Boolean),
                ),
              ]
            : [],
        z.array(z.string().max(40, 'error.tags')).max(10, 'error.tags'),
      ),
      follow_up: z.preprocess((v) => (v === '' ? undefined : v), date('error.date').optional()),
      name: trimmed(80),
    })
    .refine((f) => !f.follow_up || f.follow_up >= f.held_on, { path: ['follow_up'], message: 'error.followUpBefore' });

export const themeForm = (causes: readonly string[]) =>
  z.object({
    name: z
      .string('error.themeName')
      .trim()
      .min(1, 'error.themeName')
      .max(300, 'error.themeName')
      .refine((n) => namedLine(n) !== null, 'error.themeName'),
    causes: z.preprocess(
      lines,
      z.array(z.string()).transform((l) => [...new Set(l.filter((c) => causes.includes(c)))]),
    ),
  });

export const themeProposalForm = z.object({
  ...decisionFields,
  title: z.string('error.titleRequired').trim().min(3, 'error.titleRequired').max(140, 'error.titleTooLong'),
  why: trimmed(4000),
});
