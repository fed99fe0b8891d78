// What a need or an offer is made of, shared by the form and the JSON API. Nothing else is ever asked.
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { optionalDate, optionalText } from '../web/forms.ts';
import { URGENCIES } from './status.ts';

/**
 * Phone numbers and email addresses belong in a private thread, never on the board every member reads.
 * (Street addresses are too varied to catch reliably; the area hint asks for neighbourhoods only.)
 */
export function holdsContactDetails(text: string): boolean {
  const dates = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;
  return text.split(/\s/).some(isEmailLike) || holdsPhoneNumber(text.replace(dates, ' '));
}

// Both checks scan the text once: a regular expression for them backtracks, and its time grows with the square of the
// length (a 60 KB field took seconds).

/** Something@something.xx within one word. */
function isEmailLike(word: string): boolean {
  const parts = word.split('@');
  for (let k = 1; k < parts.length; k++) {
    const dot = parts[k]!.indexOf('.', 1);
    if (parts[k - 1] && dot > 0 && parts[k]!.length - dot - 1 >= 2) return true;
  }
  return false;
}

const PHONE_GAP = new Set([' ', '\t', '\n', '\r', '(', ')', '.', '-']);

/** Seven or more digits with only spaces, brackets, dots, dashes or a plus between them. */
function holdsPhoneNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      if (++digits >= 7) return true;
    } else if (!(PHONE_GAP.has(ch) || (ch === '+' && /\d/.test(text[i + 1] ?? '')))) {
      digits = 0;
    }
  }
  return false;
}

export function postSchema(a: Pick<Network, 'categories' | 'areas' | 'rootCauses'>, today: string) {
  return z
    .object({
      kind: z.enum(['need', 'offer'], 'error.chooseKind'),
      what: z
        .string('error.required')
        .trim()
        .min(3, 'error.whatTooShort')
        .max(1000, { error: 'error.whatTooLong', abort: true })
        .refine((t) => !holdsContactDetails(t), 'error.contactInPost'),
      category: z.string('error.chooseCategory').refine((v) => a.categories.includes(v), 'error.chooseCategory'),
      area: z.string('error.chooseArea').refine((v) => a.areas.includes(v), 'error.chooseArea'),
      urgency: z.enum(URGENCIES, 'error.chooseUrgency'),
      needed_by: optionalDate(today),
      available_until: optionalDate(today),
      /** A need's root causes, if the member gives any (causes/): counted monthly, never kept with the post. */
      causes: z
        .preprocess(
          (v) =>
            typeof v === 'string'
              ? v
                  .split('\n')
                  .map((c) => c.trim())
                  .filter(Boolean)
              : (v ?? []),
          z
            .array(z.string(), 'error.chooseCause')
            .max(40, 'error.chooseCause')
            .refine((l) => l.every((c) => a.rootCauses.includes(c)), 'error.chooseCause'),
        )
        .optional(),
      capacity: optionalText(100, 'error.capacityTooLong').refine(
        (t) => !t || !holdsContactDetails(t),
        'error.contactInPost',
      ),
      /** An offer: how many needs it can take at once, so a dispatcher never sends it more. */
      takes: z.preprocess(
        (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
        z.coerce.number('error.takes').int('error.takes').min(1, 'error.takes').max(50, 'error.takes').optional(),
      ),
    })
    .transform((p) =>
      p.kind === 'need'
        ? { ...p, available_until: undefined, capacity: undefined, takes: undefined }
        : { ...p, needed_by: undefined, causes: undefined },
    );
}

export type PostInput = z.infer<ReturnType<typeof postSchema>>;

/** Who a need asked for someone is for: a name to call them (any name: no surname, no ID) and their language. */
export const personSchema = (languages: readonly string[]) =>
  z.object({
    person_name: z.string('error.nameRequired').trim().min(1, 'error.nameRequired').max(60, 'error.nameTooLong'),
    person_language: z.string('error.chooseLanguage').refine((l) => languages.includes(l), 'error.chooseLanguage'),
  });

export const messageSchema = z.object({
  body: z.string('error.required').trim().min(1, 'error.messageEmpty').max(4000, 'error.messageTooLong'),
});

export const boardFilterSchema = z.object({
  kind: z.enum(['need', 'offer']).optional().catch(undefined),
  category: z.string().max(40).optional().catch(undefined),
  area: z.string().max(80).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type BoardFilter = z.infer<typeof boardFilterSchema>;
