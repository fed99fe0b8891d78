// The dashboard's figures for a spreadsheet: one row per figure and period; a suppressed figure is left empty with
// the reason, never written as zero.
import { csvText } from '../web/csv.ts';
import type { CausesByMonth } from './queries.ts';
import { CHECKIN_ANSWERS, type RoundCounts } from './checkin.ts';
import { WORK_KINDS, type Dashboard } from './queries.ts';

export function dashboardCsv(d: Dashboard, checkins: RoundCounts[], causes: CausesByMonth): string {
  const rows: (string | number)[][] = [['figure', 'period', 'value', 'note']];
  const put = <T>(figure: string, period: string, s: { shown: boolean; value?: T }, show: (x: T) => string | number) =>
    rows.push(s.shown ? [figure, period, show(s.value as T), ''] : [figure, period, '', 'fewer than 5 members']);
  put('reciprocity', 'last 90 days', d.reciprocity.now, (r) => r.share.toFixed(4));
  d.reciprocity.trend.forEach((x) => put('reciprocity', x.month, x.value, (v) => v.toFixed(4)));
  for (const k of WORK_KINDS) {
    put(`gini_${k}`, 'last 90 days', d.concentration[k].gini, (v) => v.toFixed(4));
    put(`top10_share_${k}`, 'last 90 days', d.concentration[k].top, (v) => v.toFixed(4));
    d.concentration[k].trend.forEach((x) => put(`gini_${k}`, x.month, x.value, (v) => v.toFixed(4)));
  }
  const needs = (suffix: string, period: string, value: Dashboard['needsByMonth'][number]['value']) => {
    for (const fate of ['posted', 'met', 'expired'] as const)
      put(`needs_${fate}${suffix}`, period, value, (v) => v[fate]);
  };
  for (const x of d.needsByMonth) needs('', x.month, x.value);
  for (const x of d.needsByCategory) needs(`_${x.category}`, 'last 90 days', x.value);
  for (const x of d.needsByCategoryMonth) needs(`_${x.category}`, x.month, x.value);
  put('hours_to_match_median', 'last 90 days', d.toMatch, (v) => v.median.toFixed(1));
  put('hours_to_match_p90', 'last 90 days', d.toMatch, (v) => v.p90.toFixed(1));
  put('hours_to_met_median', 'last 90 days', d.toMeet, (v) => v.median.toFixed(1));
  put('hours_to_met_p90', 'last 90 days', d.toMeet, (v) => v.p90.toFixed(1));
  put('top10_share_load', 'last 30 days', d.load, (v) => v.toFixed(4));
  for (const r of checkins)
    for (const a of CHECKIN_ANSWERS) put(`checkin_${a}`, r.openedAt.toISOString().slice(0, 10), r.counts, (v) => v[a]);
  // Needs by root cause (causes/): a count under five is left empty, as on the page.
  for (const r of causes.rows)
    r.counts.forEach((n, i) =>
      rows.push(
        n === null
          ? [`needs_cause_${r.cause}`, causes.months[i]!, '', 'fewer than 5 needs']
          : [`needs_cause_${r.cause}`, causes.months[i]!, n, ''],
      ),
    );
  return csvText(rows);
}
