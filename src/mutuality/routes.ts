// The mutuality dashboard (every member reads it), its printable summary and CSV, and the check-in.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm } from '../web/parts.tsx';
import { readForm, checkForm } from '../web/forms.ts';
import { requireMember } from '../web/edges.ts';
import { networkAgreements } from '../agreements/index.ts';
import { dashboardCsv } from './report.ts';
import { answer, CHECKIN_ANSWERS, hasAnswered, openRound, roundCounts } from './checkin.ts';
import { latestWarning } from './warnings.ts';
import { causesByMonth, dashboard, driftOf, networkDays } from './queries.ts';
import { causeTallies } from '../causes/index.ts';
import { monthsUpTo } from '../web/forms.ts';
import { CheckinPage, DashboardPage, SummaryPage, type DashboardProps } from './views.tsx';

export const mutualityRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;
const deps = (c: C) => c.get('deps');

async function figures(c: C): Promise<DashboardProps & { network: string }> {
  const { db } = deps(c);
  const a = c.get('network') ?? (await networkAgreements(db, c.get('deps').registry));
  const months = monthsUpTo(deps(c).clock(), 6);
  const [d, checkins, warning, age, tallies, shared] = await Promise.all([
    dashboard(db, deps(c).clock()),
    roundCounts(db),
    latestWarning(db),
    networkDays(db, deps(c).clock()),
    causeTallies(db, months[0]!),
    deps(c).registry.shared(db, { t: c.get('t'), lang: c.get('lang'), now: deps(c).clock(), network: a }),
  ]);
  return {
    d,
    checkins,
    warning,
    drift: driftOf(d, a.reciprocityFloor, a.giniCeiling, age),
    causes: causesByMonth(tallies, months),
    shared,
    network: a.networkName,
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
  return page(
    c,
    c.get('t')('mutuality.summaryTitle', { network: p.network, date: p.d.asOf.toISOString().slice(0, 10) }),
    (v) => SummaryPage({ v, p, network: p.network }),
  );
});

/** The same figures as CSV (see report.ts). */
mutualityRoutes.get('/mutuality.csv', async (c) => {
  requireMember(c);
  const { d, checkins, causes } = await figures(c);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="mutuality.csv"');
  return c.body(dashboardCsv(d, checkins, causes));
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
  const parsed = checkForm(checkinForm, values);
  if (!parsed.ok) return checkinPage(c, parsed.form, 422);
  await answer(deps(c).db, member.id, parsed.data.answer as (typeof CHECKIN_ANSWERS)[number], deps(c).clock());
  return c.redirect('/checkin', 303);
});
