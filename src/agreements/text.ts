// How agreements read: their names and values in the member's language.
import { own } from '../web/lookup.ts';
import type { Translate } from '../web/i18n/index.ts';
import { languageNames } from '../web/i18n/index.ts';
import { categoryLabel, labelOr } from '../web/parts.tsx';

export const agreementLabel = (t: Translate, key: string) => labelOr(t, 'agreement', key);

export function agreementValueText(t: Translate, lang: string, key: string, value: unknown): string {
  if (Array.isArray(value)) {
    const list = value.map(String);
    if (key === 'area_neighbours' && list.length === 0) return t('agreement.area_neighbours.none');
    if (key === 'languages') return list.map((l) => own(languageNames, l) ?? l).join(', ');
    if (key === 'categories') return list.map((c) => categoryLabel(t, c)).join(', ');
    return list.join(', ');
  }
  if (key === 'join_mode') return t(value === 'seconded' ? 'agreement.join_mode.seconded' : 'agreement.join_mode.open');
  if (key === 'crisis_mode') return t(value === 'on' ? 'agreement.crisis_mode.on' : 'agreement.crisis_mode.off');
  if (key === 'met_details_days') return duration(lang, 'day', Number(value));
  if (key === 'removal_hours') return duration(lang, 'hour', Number(value));
  if (key === 'removal_repeat_days') return duration(lang, 'day', Number(value));
  if (key === 'checkin_weeks')
    return Number(value) === 0
      ? t('agreement.checkin_weeks.never')
      : new Intl.NumberFormat(lang, { style: 'unit', unit: 'week', unitDisplay: 'long' }).format(Number(value));
  if (key === 'load_top_share' || key === 'reciprocity_floor')
    return new Intl.NumberFormat(lang, { style: 'percent' }).format(Number(value) / 100);
  if (key === 'gini_ceiling')
    return new Intl.NumberFormat(lang, { minimumFractionDigits: 2 }).format(Number(value) / 100);
  if (key === 'currency')
    return `${new Intl.DisplayNames(lang, { type: 'currency' }).of(String(value)) ?? value} (${value})`;
  return String(value);
}

export const duration = (lang: string, unit: 'day' | 'hour', n: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
