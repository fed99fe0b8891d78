// The mutuality dashboard (every member reads it), its printable summary and CSV, and the check-in.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm } from '../web/parts.tsx';
import { readForm, toFieldErrors } from '../web/forms.ts';
import { requireMember } from '../members/require.ts';
import { networkAgreements } from '../agreements/queries.ts';
import { csvText } from '../web/csv.ts';
import { answer, CHECKIN_ANSWERS, hasAnswered, openRound, roundCounts } from '../care/checkin.ts';
import { latestWarning } from '../care/warnings.ts';
import { dashboard, driftOf, WORK_KINDS } from './queries.ts';
import { CheckinPage, DashboardPage, SummaryPage, type DashboardProps } from './views.tsx';

export const mutualityRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;
const deps = (c: C) => c.get('deps');

async function figures(c: C): Promise<DashboardProps & { network: string }> {
  const { db } = deps(c);
  const a = c.get('network') ?? (await networkAgreements(db));
  const [d, checkins, warning] = await Promise.all([dashboard(db, deps(c).clock()), roundCounts(db), latestWarning(db)]);
  return {
    d, checkins, warning, drift: driftOf(d, a.reciprocityFloor, a.giniCeiling), network: a.networkName,
    thresholds: { load: a.loadTopShare, floor: a.reciprocityFloor, gini: a.giniCeiling },
  };
}

mutualityRoutes.get('/mutuality', async (c) => {
  requireMember(c);
  const p = await figures(c);
  return page(c, c.get('t')('mutuality.title'), (v) => DashboardPage({ v, p }));
});

mutualityRoutes.get('/mutuality/summary', async (c) => {
  requireMember(c);
  const p = await figures(c);
  return page(c, c.get('t')('mutuality.summaryTitle', { network: p.network, date: p.d.asOf.toISOString().slice(0, 10) }), (v) => SummaryPage({ v, p, network: p.network }));
});

/** The same figures for a spreadsheet: one row per figure, suppressed ones left empty with the reason. */
mutualityRoutes.get('/mutuality.csv', async (c) => {
  requireMember(c);
  const { d, checkins } = await figures(c);
  const rows: (string | number)[][] = [['figure', 'period', 'value', 'note']];
  const put = <T,>(figure: string, period: string, s: { shown: boolean; value?: T }, show: (x: T) => string | number) =>
    rows.push(s.shown ? [figure, period, show(s.value as T), ''] : [figure, period, '', 'fewer than 5 members']);
  put('reciprocity', 'last 90 days', d.reciprocity.now, (r) => r.share.toFixed(4));
  d.reciprocity.trend.forEach((x) => put('reciprocity', x.month, x.value, (v) => v.toFixed(4)));
  for (const k of WORK_KINDS) {
    put(`gini_${k}`, 'last 90 days', d.concentration[k].gini, (v) => v.toFixed(4));
    put(`top10_share_${k}`, 'last 90 days', d.concentration[k].top, (v) => v.toFixed(4));
    d.concentration[k].trend.forEach((x) => put(`gini_${k}`, x.month, x.value, (v) => v.toFixed(4)));
  }
  for (const x of d.needsByMonth) {
    put('needs_posted', x.month, x.value, (v) => v.posted);
    put('needs_met', x.month, x.value, (v) => v.met);
    put('needs_expired', x.month, x.value, (v) => v.expired);
  }
  for (const x of d.needsByCategory) {
    put(`needs_posted_${x.category}`, 'last 90 days', x.value, (v) => v.posted);
    put(`needs_met_${x.category}`, 'last 90 days', x.value, (v) => v.met);
    put(`needs_expired_${x.category}`, 'last 90 days', x.value, (v) => v.expired);
  }
  for (const x of d.needsByCategoryMonth) {
    put(`needs_posted_${x.category}`, x.month, x.value, (v) => v.posted);
    put(`needs_met_${x.category}`, x.month, x.value, (v) => v.met);
    put(`needs_expired_${x.category}`, x.month, x.value, (v) => v.expired);
  }
  put('hours_to_match_median', 'last 90 days', d.toMatch, (v) => v.median.toFixed(1));
  put('hours_to_match_p90', 'last 90 days', d.toMatch, (v) => v.p90.toFixed(1));
  put('hours_to_met_median', 'last 90 days', d.toMeet, (v) => v.median.toFixed(1));
  put('hours_to_met_p90', 'last 90 days', d.toMeet, (v) => v.p90.toFixed(1));
  put('top10_share_load', 'last 30 days', d.load, (v) => v.toFixed(4));
  for (const r of checkins) for (const a of CHECKIN_ANSWERS) put(`checkin_${a}`, r.openedAt.toISOString().slice(0, 10), r.counts, (v) => v[a]);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="mutuality.csv"');
  return c.body(csvText(rows));
});

const checkinForm = z.object({ answer: z.enum(CHECKIN_ANSWERS as [string, ...string[]], 'error.chooseOne') });

async function checkinPage(c: C, form = emptyForm(), status: 200 | 422 = 200) {
  const member = requireMember(c);
  const round = await openRound(deps(c).db, deps(c).clock());
  const answered = round ? await hasAnswered(deps(c).db, round.id, member.id) : false;
  return page(c, c.get('t')('checkin.title'), (v) => CheckinPage({ v, open: !!round, answered, form }), { status });
}

mutualityRoutes.get('/checkin', (c) => checkinPage(c));

mutualityRoutes.post('/checkin', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkinForm.safeParse(values);
  if (!parsed.success) return checkinPage(c, { values, errors: toFieldErrors(parsed.error) }, 422);
  await answer(deps(c).db, member.id, parsed.data.answer as (typeof CHECKIN_ANSWERS)[number], deps(c).clock());
  return c.redirect('/checkin', 303);
});
