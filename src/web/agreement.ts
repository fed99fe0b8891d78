// An agreement: a setting of the network that only its members' decisions change. Each is declared by the domain whose
// work it governs (`agreements` in its Domain, web/domain.ts); this file says what a declaration holds, and how a
// value is typed, read and shown, the same for all. The agreements domain stores them (append-only, a decision on each
// change) and lists them; decisions change them.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/types.ts';
import type { Network } from './context.ts';
import { languageNames, type MessageKey, type Translate } from './i18n/index.ts';

export type AgreementDef<V = unknown> = {
  key: string;
  /** What it may hold; a proposal to change it is checked with this when it opens. */
  schema: z.ZodType<V>;
  /** What a network starts with, and what is in force while the stored value does not fit `schema` (one an older
   * version wrote). */
  start: V;
  /** The founders choose it on the founding form (the name, the areas, the languages, the currency). */
  founders?: boolean;
  /** How a person types it: one item a line, items apart by spaces or commas, a whole number; otherwise as text. */
  typed?: 'lines' | 'words' | 'number';
  /** A limit on what one member makes in a day (the database counts them: migration 009). */
  daily?: boolean;
  /** Its few possible values, each with its words: the proposal form offers them as choices, never the stored value. */
  choices?: readonly { value: string; label: MessageKey }[];
  /** A list's items in the member's words on the proposal form (a kind of help: "Food" for food); `itemKeys` are
   * those whose words, typed back, mean the item (anything else typed is a new item, as written). */
  items?: { label: (t: Translate, item: string) => string; keys: readonly string[] };
  /** How its value reads, in the member's language (otherwise as stored; a list with commas). */
  show?: (t: Translate, lang: string, value: V) => string;
  /** The value in force, on every request's network (web/context.ts Network, to which the domain adds the field). */
  network?: (value: V) => Partial<Network>;
  /** Words the value gives, by message key then language ("category.Baby supplies" → es → "Artículos para bebé"):
   * pages show them through the translator (Network.words). */
  words?: (value: V) => Record<string, Record<string, string>>;
  /** While `when` says so the agreement stays as it is (the currency, once money moved): a proposal to change it is
   * refused with `why`, and one that passes meanwhile changes nothing. */
  fixed?: { when: (db: Kysely<Database>) => Promise<boolean>; why: MessageKey };
};

/** A domain's agreement with its own value type, stored in the list that knows none. */
export function defineAgreement<V>(def: AgreementDef<V>): AgreementDef {
  return def as AgreementDef;
}

/**
 * A line of a list the members name things in (kinds of help, root causes): the item (at most 40 characters), then any
 * names in other languages, each after " = " with its language's code: "Baby supplies = es: Artículos para bebé".
 * Null if it is not one (an unknown language, an empty or too long name, a language named twice).
 */
export function namedLine(line: string): { item: string; names: Record<string, string> } | null {
  const [item, ...rest] = line.split('=').map((s) => s.trim());
  if (!item || item.length > 40) return null;
  const names: Record<string, string> = {};
  for (const part of rest) {
    const colon = part.indexOf(':');
    const lang = part.slice(0, colon).trim();
    const name = part.slice(colon + 1).trim();
    if (colon < 0 || !name || name.length > 40 || !Object.hasOwn(languageNames, lang) || Object.hasOwn(names, lang))
      return null;
    names[lang] = name;
  }
  return { item, names };
}

/** The item a named line is about ("Baby supplies" of "Baby supplies = es: …"); the line itself if it is not one. */
export const itemOf = (line: string) => namedLine(line)?.item ?? line;

/**
 * A list of named items (one a line, see namedLine), at most `most`, none twice; `words` gives each item's names as
 * message keys under `prefix` ("category." + item).
 */
export const namedList = (most: number, prefix: string) => ({
  schema: list(400, most)
    .refine((l) => l.every((line) => namedLine(line) !== null), 'error.namedLine')
    .refine((l) => new Set(l.map(itemOf)).size === l.length, 'error.listRepeats'),
  words: (lines: string[]) =>
    Object.fromEntries(lines.map((line) => [`${prefix}${itemOf(line)}`, namedLine(line)?.names ?? {}])),
});

/** A whole number from `min` to `max`. */
export const whole = (min: number, max: number) =>
  z.number('error.wholeNumber').int('error.wholeNumber').min(min, 'error.numberRange').max(max, 'error.numberRange');

/** A list of at most `most` different items of at most `max` characters, at least one. */
export const list = (max: number, most: number) =>
  z
    .array(z.string().trim().min(1).max(max, 'error.itemTooLong'))
    .min(1, 'error.listEmpty')
    .max(most, 'error.listTooLong')
    .refine((l) => new Set(l).size === l.length, 'error.listRepeats');

/** A limit on what one member makes in any 24 hours: the database holds to it (migration 009). */
export const dailyLimit = (key: string, start: number): AgreementDef =>
  defineAgreement({ key, schema: whole(1, 1000), start, typed: 'number', daily: true });

/** The value in force from what is stored: the stored one when it fits the agreement, otherwise its start. */
export function valueInForce<V>(def: AgreementDef<V>, stored: unknown): V {
  if (stored === undefined) return def.start;
  const parsed = def.schema.safeParse(stored);
  return parsed.success ? parsed.data : def.start;
}

/** An agreement's value as a person types it: lists one per line (or apart by spaces), numbers as digits. */
export function agreementText(def: AgreementDef, value: unknown, t?: Translate): string {
  if (Array.isArray(value)) {
    const items = t && def.items ? value.map((v) => def.items!.label(t, String(v))) : value;
    return items.join(def.typed === 'words' ? ' ' : '\n');
  }
  return value === undefined || value === null ? '' : String(value);
}

/** Reads what a person typed as the new value of an agreement. */
export function parseAgreementText(def: AgreementDef, text: string, t?: Translate) {
  const trimmed = text.trim();
  let raw: unknown = trimmed;
  if (def.typed === 'lines' || def.typed === 'words') {
    const typed = trimmed
      .split(def.typed === 'words' ? /[\s,]+/ : /\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    // An item's words in the member's language mean the item itself ("Comida" is food).
    const known = new Map(
      (t && def.items ? def.items.keys : []).map((k) => [def.items!.label(t!, k).toLowerCase(), k]),
    );
    raw = typed.map((s) => known.get(s.toLowerCase()) ?? s);
  } else if (def.typed === 'number') raw = /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return def.schema.safeParse(raw);
}

/** How a value reads: as its agreement says, or as stored. */
export function agreementValueText(t: Translate, lang: string, def: AgreementDef | undefined, value: unknown): string {
  if (def?.show && def.schema.safeParse(value).success) return def.show(t, lang, value);
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/** A number of days or hours, in words of the language. */
export const duration = (lang: string, unit: 'day' | 'hour', n: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);

/** A share in percent (stored as a whole number of percent). */
export const percent = (lang: string, n: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(n / 100);
