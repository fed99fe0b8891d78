// What joining, founding and settings ask: a name (any name), a language, optionally an email. Never more.
import { z } from 'zod';
import { isCurrency } from '../fund/money.ts';
import { optionalText } from '../web/forms.ts';
import { languageNames } from '../web/i18n/index.ts';

const email = z.preprocess(
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
  email: z.string('error.emailInvalid').trim().max(254, { error: 'error.emailInvalid', abort: true }).email('error.emailInvalid'),
});

const KNOWN_LANGUAGES = Object.keys(languageNames);

export const foundingSchema = z.object({
  currency: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : 'USD'),
    z.string().refine(isCurrency, 'error.currency')),
  network_name: z.string('error.required').trim().min(2, 'error.networkNameRequired').max(80, 'error.networkNameTooLong'),
  areas: z
    .string('error.areasRequired')
    .transform((s) => [...new Set(s.split(/\r?\n/).map((a) => a.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(80, 'error.areaTooLong'))
        .min(1, 'error.areasRequired')
        .max(200, 'error.tooManyAreas'),
    ),
  languages: z
    .string('error.languagesRequired')
    .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(z.string().refine((l) => KNOWN_LANGUAGES.includes(l), 'error.languagesRequired')).min(1, 'error.languagesRequired')),
  founder_name: z.string('error.required').trim().min(1, 'error.nameRequired').max(60, 'error.nameTooLong'),
  founder_language: z.string('error.chooseLanguage'),
  founder_email: email,
  token: z.string(),
}).refine((f) => f.languages.includes(f.founder_language), { message: 'error.chooseLanguage', path: ['founder_language'] });

export { optionalText };
