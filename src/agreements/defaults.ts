// The agreements every network has from its founding: its name, its areas, its languages, the kinds of help it
// names and its time zone. The founders choose them; what they leave starts as below. Every domain declares its own (web/agreement.ts).
import { z } from 'zod';
import { defineAgreement, itemOf, list, namedLine, namedList } from '../web/agreement.ts';
import { languageNames } from '../web/i18n/index.ts';
import { categoryLabel } from '../web/parts.tsx';
import { own } from '../web/lookup.ts';
import { SERVER_ZONE, timeZoneSchema } from '../web/zone.ts';

declare module '../web/context.ts' {
  interface Network {
    areas: string[];
    languages: string[];
    categories: string[];
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

/** A line of the kinds of help: the kind, then its names in other languages (web/agreement.ts namedLine). */
export const categoryLine = (line: string) => {
  const named = namedLine(line);
  return named ? { kind: named.item, names: named.names } : null;
};

const categoryList = namedList(60, 'category.');

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
    schema: categoryList.schema,
    start: DEFAULT_CATEGORIES,
    typed: 'lines',
    // A kind the software names is shown in the member's words (typed back, it means the kind); one the members
    // added is shown as they wrote it, with its names in other languages, so a change keeps them.
    items: { label: (t, c) => (DEFAULT_CATEGORIES.includes(c) ? categoryLabel(t, c) : c), keys: DEFAULT_CATEGORIES },
    show: (t, _lang, list) => list.map((c) => categoryLabel(t, itemOf(c))).join(', '),
    network: (lines) => ({ categories: lines.map(itemOf) }),
    words: categoryList.words,
  }),
  defineAgreement({
    key: 'time_zone',
    // Typed as the founding form and a proposal take it ("america/mexico_city"), stored as Intl spells it.
    schema: timeZoneSchema,
    start: SERVER_ZONE,
    founders: true,
    network: (timeZone) => ({ timeZone }),
  }),
];
