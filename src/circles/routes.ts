// Routes for savings circles: list, form, join or leave while forming, start, pay a round, receive a round's pot,
// ask to defer. A started circle does not exist for anyone outside it.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { currencyOf } from '../fund/index.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm, checkForm } from '../web/forms.ts';
import { AppError, errors } from '../web/errors.ts';
import { idParam, requireMember } from '../web/edges.ts';
import { newIdempotencyKey } from '../fund/index.ts';
import { askDeferral, createCircle, joinCircle, leaveCircle, payRound, receiveRound, startCircle } from './commands.ts';
import { circleById, circleList, circleTotals, roundById, roundsOf } from './queries.ts';
import { inCircle } from '../decisions/index.ts';
import { currentRound, nextRecipient, standings } from './rounds.ts';
import { agreedOrder, newCircleForm } from './schema.ts';
import * as views from './views.tsx';
import { can } from './policy.ts';

export const circleRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

circleRoutes.get('/circles', async (c) => {
  const member = requireMember(c);
  const circles = await circleList(c.get('deps').db, member.id);
  return page(c, c.get('t')('circle.title'), (v) => views.CirclesPage({ v, circles }));
});

const newForm = (c: C, form: FormState, status: 200 | 422 = 200) =>
  page(c, c.get('t')('circle.new'), (v) => views.NewCirclePage({ v, form, currency: currencyOf(c) }), { status });

circleRoutes.get('/circles/new', (c) => {
  requireMember(c);
  return newForm(c, emptyForm({ period_days: '30', order_rule: 'lottery' }));
});

circleRoutes.post('/circles', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(newCircleForm(currencyOf(c)), values);
  if (!parsed.ok) return newForm(c, parsed.form, 422);
  const f = parsed.data;
  const id = await createCircle(
    c.get('deps').db,
    member.id,
    { name: f.name, amount: f.amount, periodDays: f.period_days, orderRule: f.order_rule },
    currencyOf(c),
    c.get('deps').clock(),
  );
  return c.redirect(`/circles/${id}`, 303);
});

async function loadCircle(c: C) {
  const member = requireMember(c);
  const id = idParam(c);
  const circle = await circleById(c.get('deps').db, id);
  if (!circle || !can.seeCircle(member, circle)) throw errors.notFound();
  const inside = circle.members.some((m) => m.id === member.id);
  return { member, circle, inside };
}

async function circlePage(c: C, form?: FormState, status: 200 | 400 | 409 = 200) {
  const { circle, inside } = await loadCircle(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const rounds = circle.startedAt ? await roundsOf(db, circle.id) : [];
  const totals = circle.startedAt ? await circleTotals(db, circle.id) : { payments: new Map(), payouts: new Map() };
  return page(
    c,
    circle.name,
    (v) =>
      views.CirclePage({
        v,
        circle,
        member: inside,
        rounds,
        current: currentRound(rounds, now),
        next: nextRecipient(rounds),
        standings: standings(
          circle.members.map((m) => m.id),
          rounds,
          circle.amount,
          now,
          totals.payments,
          totals.payouts,
        ),
        keys: { pay: newIdempotencyKey(), receive: newIdempotencyKey() },
        form,
      }),
    { status },
  );
}

circleRoutes.get('/circles/:id', (c) => circlePage(c));

circleRoutes.post('/circles/:id/join', async (c) => {
  const { member, circle } = await loadCircle(c);
  await joinCircle(c.get('deps').db, member.id, circle, c.get('deps').clock());
  return c.redirect(`/circles/${circle.id}`, 303);
});

circleRoutes.post('/circles/:id/leave', async (c) => {
  const { member, circle } = await loadCircle(c);
  await leaveCircle(c.get('deps').db, member.id, circle);
  return c.redirect('/circles', 303);
});

circleRoutes.post('/circles/:id/start', async (c) => {
  const { member, circle } = await loadCircle(c);
  const values = await readForm(c);
  const order =
    circle.orderRule === 'agreed'
      ? agreedOrder(
          values,
          circle.members.map((m) => m.id),
        )
      : null;
  if (circle.orderRule === 'agreed' && !order)
    return circlePage(c, { values, errors: { order: 'error.orderEachOnce' } }, 400);
  try {
    await startCircle(c.get('deps').db, member.id, circle.id, order, c.get('deps').clock());
  } catch (e) {
    if (e instanceof AppError && e.code === 'circle_too_small')
      return circlePage(c, { values, errors: { _form: 'error.circleTooSmall' } }, 409);
    throw e;
  }
  return c.redirect(`/circles/${circle.id}`, 303);
});

async function roundAction(c: C, act: 'pay' | 'receive' | 'defer') {
  const member = requireMember(c);
  const id = idParam(c);
  const round = await roundById(c.get('deps').db, id);
  // A started circle is invisible to those outside it: its rounds too, before anything sent is looked at.
  if (!round || !(await inCircle(c.get('deps').db, round.circle_id, member.id))) throw errors.notFound();
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  if (act === 'pay') await payRound(db, member.id, id, values.key ?? '', clock());
  else if (act === 'receive') await receiveRound(db, member.id, id, values.key ?? '', clock());
  else
    return c.redirect(
      `/decisions/${await askDeferral(db, { id: member.id, name: member.displayName }, id, clock())}`,
      303,
    );
  return c.redirect(`/circles/${round.circle_id}`, 303);
}

circleRoutes.post('/circles/rounds/:id/pay', (c) => roundAction(c, 'pay'));
circleRoutes.post('/circles/rounds/:id/receive', (c) => roundAction(c, 'receive'));
circleRoutes.post('/circles/rounds/:id/defer', (c) => roundAction(c, 'defer'));
