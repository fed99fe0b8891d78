// What the library's forms accept.
import { z } from 'zod';

const text = (max: number, key: 'error.libraryAboutTooLong' | 'error.libraryBodyTooLong') =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, { error: key, abort: true }));

export const itemSchema = (languages: readonly string[]) =>
  z
    .object({
      title: z.string('error.libraryTitle').trim().min(2, 'error.libraryTitle').max(120, 'error.libraryTitle'),
      language: z.string('error.chooseLanguage').refine((l) => languages.includes(l), 'error.chooseLanguage'),
      about: text(1000, 'error.libraryAboutTooLong'),
      url: z.preprocess(
        (v) => (typeof v === 'string' ? v.trim() : ''),
        z
          .string()
          .max(2000, { error: 'error.libraryUrl', abort: true })
          .refine((u) => u === '' || /^https?:\/\/\S+$/.test(u), 'error.libraryUrl'),
      ),
      body: text(20_000, 'error.libraryBodyTooLong'),
      version_of: z.string().optional(),
    })
    .superRefine((f, ctx) => {
      if (!f.url && !f.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'error.libraryEmpty' });
    });

export const commentSchema = z.object({
  comment: z.string('error.commentEmpty').trim().min(1, 'error.commentEmpty').max(2000, 'error.commentTooLong'),
});
