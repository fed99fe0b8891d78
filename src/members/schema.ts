// What joining and settings ask: a name (any name), a language, optionally an email. Never more.
import { z } from 'zod';
import { optionalText } from '../web/forms.ts';

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
