// What each column of a sheet means, and what its values mean here (issue 22, moving in). A mapping is suggested from
// the column names networks' forms use (in English, Spanish and French) and from the values themselves: an Airtable
// multi-select "Groceries, Rides" becomes kinds of help, a free-text address or neighbourhood becomes one of the
// network's areas — the exact address is never kept. The member who brings the sheet checks and changes it.
import { z } from 'zod';
import type { Translate } from '../web/i18n/index.ts';
import { languageNames } from '../web/i18n/index.ts';
import { categoryLabel } from '../web/parts.tsx';
import { areasNamed, wordsOf } from '../texts/index.ts';
import type { Table } from './read.ts';

/** What a column can hold. Several columns may be names (first and last), needs, offers, details or kinds of help. */
export const FIELDS = [
  'ignore',
  'name',
  'email',
  'phone',
  'language',
  'area',
  'need',
  'offer',
  'what',
  'kind',
  'category',
  'urgency',
] as const;
export type Field = (typeof FIELDS)[number];
/** The fields one column at most may hold. */
export const ONCE: readonly Field[] = ['email', 'phone', 'language', 'area', 'kind', 'urgency'];
/** The fields whose values are matched one by one to the network's own (areas, kinds of help, …). */
export const VALUED = ['area', 'category', 'kind', 'urgency', 'language'] as const;
export type Valued = (typeof VALUED)[number];

export const URGENCY = ['urgent', 'soon', 'whenever'] as const;
export type Urgency = (typeof URGENCY)[number];

export type Mapping = {
  columns: Field[];
  /** For each valued field, each value the sheet has (as written) → the network's value, or '' (none). */
  values: Record<Valued, Record<string, string>>;
  /** What a row gets when its cell is empty or its value is matched to none. '' for area or kind of help: an error. */
  defaults: { area: string; category: string; urgency: Urgency; language: string; kind: '' | 'need' | 'offer' };
};

export type Choices = { areas: string[]; categories: string[]; languages: string[] };

/** Folded for comparing: lower case, without accents, punctuation as spaces (texts/ reads words the same way). */
export const fold = (s: string) => wordsOf(s).join(' ');

/** Whether a text names one of these: a whole word or phrase; ending in "*", any word it begins; beginning with "=",
 * the whole text. Word lists, not patterns: nothing here can backtrack on a long cell. */
export function mentions(text: string, words: readonly string[]): boolean {
  const folded = fold(text);
  const padded = ` ${folded} `;
  return words.some((w) =>
    w.startsWith('=')
      ? folded === w.slice(1)
      : w.endsWith('*')
        ? padded.includes(` ${w.slice(0, -1)}`)
        : padded.includes(` ${w} `),
  );
}

const HEADER_RULES: [Field, readonly string[]][] = [
  ['ignore', ['timestamp', 'marca temporal', 'horodateur', 'submitted', 'created', 'id', 'record id']],
  ['email', ['email', 'e mail', 'correo', 'courriel', 'mail']],
  [
    'phone',
    ['phone', 'tel', 'telefono', 'telephone', 'movil', 'mobile', 'cell', 'celular', 'whatsapp', 'signal', 'sms'],
  ],
  ['language', ['language*', 'idioma*', 'langue*', 'lengua']],
  [
    'category',
    [
      'categor*',
      'kind of help',
      'type of help',
      'tipo de ayuda',
      'type d aide',
      'tag*',
      'service*',
      'support type',
      'help type',
    ],
  ],
  [
    'kind',
    [
      '=type',
      '=tipo',
      '=kind',
      '=request type',
      '=tipo de solicitud',
      '=need or offer',
      '=offer or need',
      '=request or offer',
    ],
  ],
  ['urgency', ['urgen*', 'how soon', 'when', 'cuando', 'quand', 'priority', 'prioridad', 'priorite']],
  [
    'area',
    [
      'neighbo*',
      'area',
      'zone',
      'zona',
      'barrio',
      'colonia',
      'quartier',
      'zip',
      'postal',
      'postcode',
      'post code',
      'address',
      'direccion',
      'adresse',
      'location',
      'ubicacion',
      'where',
      'donde',
      'ou',
      'city',
      'ciudad',
      'ville',
      'district',
    ],
  ],
  [
    'offer',
    [
      'offer*',
      'ofrec*',
      'ofrezco',
      'can help',
      'can you',
      'puedo',
      'puede',
      'volunteer*',
      'voluntari*',
      'propose',
      'donner',
    ],
  ],
  ['need', ['need*', 'necesit*', 'necesidad*', 'request*', 'besoin*', 'solicit*', 'help with', 'ayuda con']],
  ['name', ['name', 'names', 'nombre', 'nombres', 'apellido*', 'nom', 'prenom', 'first', 'last', 'full name']],
  [
    'what',
    [
      'detail*',
      'describe',
      'description',
      'descripcion',
      'what',
      'que',
      'quoi',
      'note*',
      'notas',
      'comment*',
      'comentario*',
      'tell us',
      'cuentanos',
      'more',
    ],
  ],
];

/** The field a column name suggests, or ignore. */
export function suggestField(header: string): Field {
  const h = fold(header);
  for (const [field, words] of HEADER_RULES) if (mentions(h, words)) return field;
  return 'ignore';
}

/** Suggested columns: each header's field; a field meant once goes to its first column only. */
export function suggestColumns(headers: string[]): Field[] {
  const taken = new Set<Field>();
  return headers.map((h) => {
    const f = suggestField(h);
    if (!ONCE.includes(f)) return f;
    if (taken.has(f)) return 'ignore';
    taken.add(f);
    return f;
  });
}

/** A multi-select's items ("Groceries, Rides"); any other cell is one value. */
export const itemsOf = (field: Valued, cell: string): string[] =>
  field === 'category'
    ? cell
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : cell.trim()
      ? [cell.trim()]
      : [];

export const MOST_VALUES = 300;

/** The distinct values of the columns given a valued field, most frequent first (at most MOST_VALUES). */
export function distinctValues(table: Table, columns: Field[], field: Valued): string[] {
  const counts = new Map<string, number>();
  columns.forEach((f, i) => {
    if (f !== field) return;
    for (const row of table.rows) for (const v of itemsOf(field, row[i] ?? '')) counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MOST_VALUES)
    .map(([v]) => v);
}

/** Words for the kinds of help, beyond their names: what sheets call them. */
const CATEGORY_WORDS: Record<string, readonly string[]> = {
  food: ['food', 'comida', 'alimento*', 'despensa', 'nourriture', 'pantry'],
  meals: ['meal*', 'comidas', 'repas', 'cooked', 'cooking'],
  groceries: ['groceries', 'grocery', 'shopping', 'mandado', 'compras', 'courses', 'epicerie', 'supermarket'],
  housing: ['housing', 'rent', 'renta', 'alquiler', 'vivienda', 'shelter', 'refugio', 'logement', 'loyer'],
  rides: ['ride*', 'transport*', 'driv*', 'car', 'viaje*', 'aventon', 'trajet*'],
  childcare: ['child*', 'kid*', 'babysit*', 'ninos', 'cuidado de ninos', 'enfants', 'garde'],
  medical: ['medic*', 'health', 'salud', 'doctor', 'pharmacy', 'farmacia', 'sante', 'prescription*'],
  supplies: ['supplies', 'suministros', 'diaper*', 'panales', 'hygiene', 'higiene', 'fournitures', 'mask*'],
  cash: ['cash', 'money', 'dinero', 'fund*', 'argent', 'bill*', 'pago*'],
  legal: ['legal', 'lawyer', 'abogad*', 'immigration', 'inmigracion', 'juridique', 'avocat'],
  translation: ['translat*', 'interpret*', 'traduc*'],
  tech: ['tech', 'computer', 'computadora', 'phone help', 'internet', 'informatique'],
  labour: ['labor', 'labour', 'moving', 'mudanza', 'repair*', 'reparaciones', 'yard', 'jardin', 'travaux'],
};

const KIND_WORDS: [string, readonly string[]][] = [
  [
    'offer',
    [
      'offer*',
      'ofrec*',
      'ofrezco',
      'give',
      'giving',
      'volunt*',
      'can help',
      'puedo ayudar',
      'dar',
      'donner',
      'propose',
    ],
  ],
  ['need', ['need*', 'necesit*', 'request*', 'ask*', 'solicit*', 'get help', 'recibir', 'besoin', 'demande']],
];

const URGENCY_WORDS: [Urgency, readonly string[]][] = [
  [
    'urgent',
    ['urgent*', 'asap', 'today', 'hoy', 'now', 'ahora', 'emergenc*', 'immediately', 'inmediat*', 'aujourd hui'],
  ],
  ['soon', ['soon', 'pronto', 'this week', 'esta semana', 'day', 'days', 'dias', 'bientot', 'semaine']],
  [
    'whenever',
    ['whenever', 'anytime', 'any time', 'cuando sea', 'no rush', 'sin prisa', 'flexible', 'later', 'pas presse'],
  ],
];

const LANGUAGE_WORDS: Record<string, readonly string[]> = {
  en: ['english', 'ingles', 'anglais'],
  es: ['spanish', 'espanol', 'castellano', 'espagnol'],
  fr: ['french', 'frances', 'francais'],
  ar: ['arabic', 'arabe', 'العربية'],
  ht: ['haitian', 'creole', 'kreyol', 'criollo'],
  pt: ['portuguese', 'portugues', 'portugais'],
  zh: ['chinese', 'chino', 'chinois', 'mandarin', 'cantonese'],
  vi: ['vietnamese', 'vietnamita', 'vietnamien'],
};

/** Which of the network's own the sheet's value most likely means, or '' when nothing fits. */
export function suggestValue(field: Valued, value: string, choices: Choices, t: Translate): string {
  const v = fold(value);
  if (!v) return '';
  // An area named in the value (a neighbourhood, or an address that names one), as a text naming its area is read.
  if (field === 'area') return areasNamed(value, choices.areas)[0] ?? '';
  if (field === 'category') {
    const named = choices.categories.find((c) => fold(c) === v || fold(categoryLabel(t, c)) === v);
    if (named) return named;
    return choices.categories.find((c) => mentions(v, CATEGORY_WORDS[c] ?? [])) ?? '';
  }
  if (field === 'kind') return KIND_WORDS.find(([, words]) => mentions(v, words))?.[0] ?? '';
  if (field === 'urgency') return URGENCY_WORDS.find(([, words]) => mentions(v, words))?.[0] ?? '';
  return (
    choices.languages.find(
      (l) => v === l || v === fold(languageNames[l] ?? l) || mentions(v, LANGUAGE_WORDS[l] ?? []),
    ) ?? ''
  );
}

/** The kind of help a free text most likely asks or offers ("I can drive on weekends": rides), or ''. */
export function guessCategory(text: string, categories: readonly string[]): string {
  const v = fold(text);
  return categories.find((c) => mentions(v, CATEGORY_WORDS[c] ?? [])) ?? '';
}

/** The whole suggested mapping for a sheet. */
export function suggestMapping(table: Table, choices: Choices, t: Translate): Mapping {
  const columns = suggestColumns(table.headers);
  return {
    columns,
    values: valuesFor(table, columns, choices, t, undefined),
    defaults: {
      area: choices.areas.length === 1 ? choices.areas[0]! : '',
      category: '',
      urgency: 'soon',
      language: choices.languages[0] ?? 'en',
      kind: columns.includes('kind')
        ? ''
        : kindOfSheet(table.headers.filter((_, i) => columns[i] === 'category' || columns[i] === 'what')),
    },
  };
}

/** A sheet without a need-or-offer column: its questions about the help say which ("What do you need?"), or not. */
function kindOfSheet(headers: string[]): '' | 'need' | 'offer' {
  const kinds = new Set(headers.map((h) => KIND_WORDS.find(([, words]) => mentions(h, words))?.[0]).filter(Boolean));
  return kinds.size === 1 ? ([...kinds][0] as 'need' | 'offer') : '';
}

/** The value mapping for the columns given: what was chosen before where it still applies, else a suggestion. */
export function valuesFor(
  table: Table,
  columns: Field[],
  choices: Choices,
  t: Translate,
  before: Mapping['values'] | undefined,
): Mapping['values'] {
  const out = {} as Mapping['values'];
  for (const field of VALUED) {
    out[field] = {};
    for (const value of distinctValues(table, columns, field))
      out[field][value] = before?.[field]?.[value] ?? suggestValue(field, value, choices, t);
  }
  return out;
}

/** What the network may map a valued field to (beside '' for none). */
export const allowedValues = (field: Valued, choices: Choices): readonly string[] =>
  field === 'area'
    ? choices.areas
    : field === 'category'
      ? choices.categories
      : field === 'kind'
        ? ['need', 'offer']
        : field === 'urgency'
          ? URGENCY
          : choices.languages;

/** A mapping as stored: checked again whenever it is read, so a network's changed areas cannot slip through. */
export const mappingSchema = z.object({
  columns: z.array(z.enum(FIELDS)).max(60),
  values: z.object(
    Object.fromEntries(VALUED.map((f) => [f, z.record(z.string().max(4000), z.string().max(200))])) as Record<
      Valued,
      z.ZodRecord<z.ZodString, z.ZodString>
    >,
  ),
  defaults: z.object({
    area: z.string().max(200),
    category: z.string().max(200),
    urgency: z.enum(URGENCY),
    language: z.string().max(20),
    kind: z.enum(['', 'need', 'offer']).catch(''),
  }),
});
