// The agreements every network has from its founding: its name, its areas, its languages, the kinds of help it
// names and its time zone. The founders choose them; what they leave starts as below. Every domain declares its own (web/agreement.ts).
import { z } from 'zod';
import { defineAgreement, list } from '../web/agreement.ts';
import { languageNames } from '../web/i18n/index.ts';
import { categoryLabel } from '../web/parts.tsx';
import { own } from '../web/lookup.ts';
import { canonicalZone, SERVER_ZONE } from '../web/zone.ts';

declare module '../web/context.ts' {
  interface Network {
    areas: string[];
    languages: string[];
    categories: string[];
    /** What a kind of help the members added is called in each language, where the proposal said (kind → language →
     * name); pages show it through the translator (agreements/middleware.ts). */
    categoryNames: Record<string, Record<string, string>>;
    /** Where the network is: every time is shown as the clocks there show it (web/zone.ts). */
    timeZone: string;
  }
}

export const DEFAULT_CATEGORIES = [
  'food',
  'meals',
  'groceries',
  'housing',
  'rides',
  'childcare',
  'medical',
  'supplies',
  'cash',
  'legal',
  'translation',
  'tech',
  'labour',
  'other',
];

/**
 * A line of the kinds of help: the kind (at most 40 characters), then any names in other languages, each after " = "
 * with its language's code: "Baby supplies = es: Artículos para bebé = so: Agabka carruurta". Null if it is not
 * one (an unknown language, an empty or too long name, a language named twice).
 */
export function categoryLine(line: string): { kind: string; names: Record<string, string> } | null {
  const [kind, ...rest] = line.split('=').map((s) => s.trim());
  if (!kind || kind.length > 40) return null;
  const names: Record<string, string> = {};
  for (const part of rest) {
    const m = /^([a-z]{2,3})\s*:\s*(.{1,40})$/.exec(part);
    if (!m || !Object.hasOwn(languageNames, m[1]!) || Object.hasOwn(names, m[1]!)) return null;
    names[m[1]!] = m[2]!.trim();
  }
  return { kind, names };
}

export const foundingAgreements = [
  defineAgreement({
    key: 'network_name',
    schema: z.string().trim().min(2, 'error.networkNameRequired').max(80, 'error.networkNameTooLong'),
    start: 'Kropotkin',
    founders: true,
    network: (networkName) => ({ networkName }),
  }),
  defineAgreement({
    key: 'areas',
    schema: list(80, 200),
    start: [] as string[],
    founders: true,
    typed: 'lines',
    network: (areas) => ({ areas }),
  }),
  defineAgreement({
    key: 'languages',
    schema: list(12, 40).refine((l) => l.every((x) => Object.hasOwn(languageNames, x)), 'error.unknownLanguage'),
    start: ['en'],
    founders: true,
    typed: 'words',
    show: (_t, _lang, list) => list.map((l) => own(languageNames, l) ?? l).join(', '),
    network: (languages) => ({ languages }),
  }),
  defineAgreement({
    key: 'categories',
    // One kind a line, as it is called where nothing else is said, then (if the members say) its name in other
    // languages: "Baby supplies = es: Artículos para bebé". Its name before " = " is the kind posts keep.
    schema: list(400, 60)
      .refine((l) => l.every((line) => categoryLine(line) !== null), 'error.categoryLine')
      .refine((l) => new Set(l.map((line) => categoryLine(line)?.kind)).size === l.length, 'error.listRepeats'),
    start: DEFAULT_CATEGORIES,
    typed: 'lines',
    // A kind the software names is shown in the member's words (typed back, it means the kind); one the members
    // added is shown as they wrote it, with its names in other languages, so a change keeps them.
    items: { label: (t, c) => (DEFAULT_CATEGORIES.includes(c) ? categoryLabel(t, c) : c), keys: DEFAULT_CATEGORIES },
    show: (t, _lang, list) => list.map((c) => categoryLabel(t, categoryLine(c)?.kind ?? c)).join(', '),
    network: (lines) => ({
      categories: lines.map((line) => categoryLine(line)?.kind ?? line),
      categoryNames: Object.fromEntries(
        lines.map((line) => [categoryLine(line)?.kind ?? line, categoryLine(line)?.names ?? {}]),
      ),
    }),
  }),
  defineAgreement({
    key: 'time_zone',
    // Typed as the founding form and a proposal take it ("america/mexico_city"), stored as Intl spells it.
    schema: z
      .string('error.timeZone')
      .trim()
      .transform(
        (s, ctx) => canonicalZone(s) ?? (ctx.addIssue({ code: 'custom', message: 'error.timeZone' }), z.NEVER),
      ),
    start: SERVER_ZONE,
    founders: true,
    network: (timeZone) => ({ timeZone }),
  }),
];
