// Every agreement a network has, what each may hold, and what a network starts with. Founders choose the name, areas
// and languages; the rest start from these defaults and change only by members' decisions.
import { JOIN_MODES } from '../members/index.ts';
import { z } from 'zod';
import { languageNames } from '../web/i18n/index.ts';
import { isCurrency } from '../web/money.ts';

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
] as const;

export const AGREEMENT_KEYS = [
  'network_name',
  'areas',
  'languages',
  'categories',
  'join_mode',
  'met_details_days',
  'flag_threshold',
  'removal_hours',
  'currency',
  'checkin_weeks',
  'load_top_share',
  'reciprocity_floor',
  'gini_ceiling',
  'crisis_mode',
  'area_neighbours',
  'removal_repeat_days',
  'removal_repeat_members',
  'daily_posts',
  'daily_claims',
  'daily_proposals',
  'daily_flags',
  'daily_invites',
] as const;
export type AgreementKey = (typeof AGREEMENT_KEYS)[number];
export const isAgreementKey = (k: string): k is AgreementKey => (AGREEMENT_KEYS as readonly string[]).includes(k);

/** The agreements that limit what one member does in a day, and those about asking again for a removal. */
export const LIMIT_KEYS = [
  'removal_repeat_days',
  'removal_repeat_members',
  'daily_posts',
  'daily_claims',
  'daily_proposals',
  'daily_flags',
  'daily_invites',
] as const;

/** The limits on what one member makes in a day. */
export const DAILY_LIMITS = ['daily_posts', 'daily_claims', 'daily_proposals', 'daily_flags', 'daily_invites'] as const;

export const CRISIS_MODES = ['off', 'on'] as const;

const list = (max: number, most: number) =>
  z
    .array(z.string().trim().min(1).max(max, 'error.itemTooLong'))
    .min(1, 'error.listEmpty')
    .max(most, 'error.listTooLong')
    .refine((l) => new Set(l).size === l.length, 'error.listRepeats');
const whole = (min: number, max: number) =>
  z.number('error.wholeNumber').int('error.wholeNumber').min(min, 'error.numberRange').max(max, 'error.numberRange');

/** What each agreement may hold. A proposal's action is checked with these when it is opened. */
export const agreementValue = {
  network_name: z.string().trim().min(2, 'error.networkNameRequired').max(80, 'error.networkNameTooLong'),
  areas: list(80, 200),
  languages: list(12, 40).refine((l) => l.every((x) => Object.hasOwn(languageNames, x)), 'error.unknownLanguage'),
  categories: list(40, 60),
  join_mode: z.enum(JOIN_MODES, 'error.joinMode'),
  met_details_days: whole(1, 3650),
  flag_threshold: whole(1, 50),
  removal_hours: whole(1, 336),
  currency: z.string().trim().toUpperCase().refine(isCurrency, 'error.currency'),
  checkin_weeks: whole(0, 26),
  load_top_share: whole(20, 100),
  reciprocity_floor: whole(0, 100),
  gini_ceiling: whole(0, 100),
  crisis_mode: z.enum(CRISIS_MODES, 'error.crisisMode'),
  area_neighbours: z
    .array(
      z
        .string()
        .trim()
        .regex(/^.{1,80} \/ .{1,80}$/, 'error.neighbours'),
    )
    .max(400, 'error.listTooLong'),
  removal_repeat_days: whole(0, 365),
  removal_repeat_members: whole(2, 50),
  daily_posts: whole(1, 1000),
  daily_claims: whole(1, 1000),
  daily_proposals: whole(1, 1000),
  daily_flags: whole(1, 1000),
  daily_invites: whole(1, 1000),
} satisfies Record<AgreementKey, z.ZodType>;

export const AGREEMENT_DEFAULTS = {
  join_mode: 'open',
  met_details_days: 90,
  flag_threshold: 3,
  removal_hours: 24,
  currency: 'USD',
  /** Every this many weeks members are asked how they are holding up; 0 means never. */
  checkin_weeks: 4,
  /** The network is told when the busiest tenth of active members carry more than this percent of the work. */
  load_top_share: 50,
  /** The dashboard warns when fewer than this percent of active members both gave and received help… */
  reciprocity_floor: 25,
  /** …or when the Gini coefficient of helping, deciding or coordinating rises past this (in hundredths). */
  gini_ceiling: 60,
  /** Crisis mode as a standing agreement (two members can also call it for 48 hours). */
  crisis_mode: 'off',
  /** Areas that border each other, one pair a line ("Eastside / Riverside"): dispatch prefers helpers near by. */
  area_neighbours: [] as string[],
  /** After a removal proposal does not pass, asking again about the same member within this many days… */
  removal_repeat_days: 30,
  /** …takes this many members asking. */
  removal_repeat_members: 3,
  /** What one member may make in any 24 hours (the database holds to these: migration 009). */
  daily_posts: 20,
  daily_claims: 15,
  daily_proposals: 5,
  daily_flags: 20,
  daily_invites: 10,
} as const;

const LISTS: AgreementKey[] = ['areas', 'languages', 'categories', 'area_neighbours'];
const NUMBERS: AgreementKey[] = [
  'met_details_days',
  'flag_threshold',
  'removal_hours',
  'checkin_weeks',
  'load_top_share',
  'reciprocity_floor',
  'gini_ceiling',
  ...LIMIT_KEYS,
];

/** An agreement's value as a person types it: lists one per line, numbers as digits. */
export function agreementText(key: AgreementKey, value: unknown): string {
  if (LISTS.includes(key) && Array.isArray(value)) return value.join('\n');
  return value === undefined || value === null ? '' : String(value);
}

/** Reads what a person typed as the new value of an agreement. */
export function parseAgreementText(key: AgreementKey, text: string) {
  const trimmed = text.trim();
  let raw: unknown = trimmed;
  if (LISTS.includes(key))
    raw = trimmed
      .split(key === 'languages' ? /[\s,]+/ : /\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
  else if (NUMBERS.includes(key)) raw = /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return agreementValue[key].safeParse(raw);
}
