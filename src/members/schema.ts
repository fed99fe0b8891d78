// What joining and settings ask: a name (any name), a language, optionally an email. Never more.
import { z } from 'zod';
import { optionalText } from '../web/forms.ts';
import { normaliseCode } from './ways-back.ts';

export const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(254, { error: 'error.emailInvalid', abort: true }).email('error.emailInvalid').optional(),
);

export const memberSchema = (languages: string[]) =>
  z.object({
    display_name: z.string('error.required').trim().min(1, 'error.nameRequired').max(60, 'error.nameTooLong'),
    language: z.string('error.chooseLanguage').refine((l) => languages.includes(l), 'error.chooseLanguage'),
    email,
  });

export const settingsSchema = (languages: string[]) =>
  memberSchema(languages).extend({
    remove_email: z.literal('on').optional().catch(undefined),
    email_decisions: z.enum(['yes', 'no']).catch('yes'),
  });

export const signInEmailSchema = z.object({
  email: z
    .string('error.emailInvalid')
    .trim()
    .max(254, { error: 'error.emailInvalid', abort: true })
    .email('error.emailInvalid'),
});

export { optionalText };

/** A sign-in or recovery code as typed: any case, spaces and dashes allowed (ways-back.ts normalises it). */
export const signInCodeSchema = z.object({
  code: z
    .string('error.codeRequired')
    .trim()
    .min(1, 'error.codeRequired')
    .max(40, { error: 'error.codeShape', abort: true })
    .transform((typed, ctx) => {
      const code = normaliseCode(typed);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: 'error.codeShape' });
        return z.NEVER;
      }
      return code;
    }),
});

/** Searching the member list: up to 60 characters of a name. */
export const memberSearchSchema = z.object({ q: z.string().trim().max(60).catch('').optional() });
