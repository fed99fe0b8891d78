// Form and JSON input at the edge: read the body safely, check it with a zod schema, and turn problems into
// message keys shown beside each field (or a stable code in JSON).
import type { Context } from 'hono';
import { z } from 'zod';
import type { MessageKey } from './i18n/index.ts';
import { errors, InputError } from './errors.ts';

export type FieldErrors = Record<string, MessageKey>;
export type FormValues = Record<string, string>;
/** A form as a page shows it: what was typed, and a message beside each field that needs another look. */
export type FormState = { values: FormValues; errors: FieldErrors };

export const MAX_BODY_BYTES = 64 * 1024;

/** A schema's message is a message key — `error.…` or a domain's own (`api.nameRequired`) — where zod's own messages
 * are sentences; src/messages.test.ts checks that every `'error.…'` the code names is in the catalogs, and the type
 * checker the rest where they are shown. */
/** Whether a schema's message names words (`error.…`, or a domain's own such as `directory.positionInvalid`). */
export function isKey(m: string): m is MessageKey {
  return /^[a-z][A-Za-z]*\.[A-Za-z0-9_.]+$/.test(m);
}

/** Control characters other than tab and line breaks mean nothing to a person, and PostgreSQL refuses NUL. */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function cleanDeep(v: unknown): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (Array.isArray(v)) return v.map(cleanDeep);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanDeep(x)]));
  return v;
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (out[field]) continue;
    out[field] = isKey(issue.message)
      ? issue.message
      : issue.code === 'invalid_type'
        ? 'error.required'
        : 'error.invalid';
  }
  return out;
}

/** Form fields as plain strings: repeated fields (checkboxes) are joined by new lines; files are ignored. */
export async function readForm(c: Context): Promise<FormValues> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw errors.unsupportedBody();
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw errors.badRequest('unreadable_body');
  }
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    values[cleanText(k)] = cleanText(list.join('\n'));
  }
  return values;
}

export async function readJson(c: Context): Promise<unknown> {
  if (!/^application\/json/i.test(c.req.header('content-type') ?? '')) throw errors.unsupportedBody();
  try {
    return cleanDeep(await c.req.json());
  } catch {
    throw errors.badRequest('invalid_json', 'error.badRequest');
  }
}

/**
 * A form checked by its schema: the data, or the form to show again, with what was typed and a message beside each
 * field (the page answers 422 with it).
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: FormValues,
): { ok: true; data: z.output<S> } | { ok: false; form: FormState } {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, form: { values, errors: toFieldErrors(parsed.error) } };
}

/** A JSON body checked by its schema: the data, or 422 `invalid_input` naming each field's problem. */
export async function readJsonInput<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw new InputError(toFieldErrors(parsed.error));
  return parsed.data;
}

/** A checkbox: ticked ("on") or not. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true' || v === true, z.boolean());

/** An optional text field: blank means absent. */
export const optionalText = (max: number, tooLong: MessageKey) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, { error: tooLong, abort: true }).optional(),
  );

/** A day (YYYY-MM-DD) from today up to `most` days ahead (a year unless said). */
export const dayField = (today: string, most = 366) =>
  z
    .string('error.invalidDate')
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'error.invalidDate')
    .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, 'error.invalidDate')
    .refine((d) => d >= today, 'error.dateInPast')
    .refine((d) => d <= addDays(today, most), 'error.dateTooFar');

/** An optional date (YYYY-MM-DD) from today up to a year ahead. */
export const optionalDate = (today: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dayField(today).optional());

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last `count` months as YYYY-MM (UTC), oldest first, ending with the month of `now`. */
export const monthsUpTo = (now: Date, count: number): string[] => {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
};
