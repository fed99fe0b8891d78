// Buying together's routes: the orders, opening one, an order's page (with ?for= a name, the wants of someone the
// member orders for), saving one's wants for every item in one form, how full the packs are as JSON for the live
// view, noting what was taken at pickup, and calling an order off.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { authorize, loadOr404, requireMember } from '../web/edges.ts';
import { refusalOf } from '../web/errors.ts';
import { dayIn } from '../web/zone.ts';
import { addDays } from '../web/forms.ts';
import { cancelOrder, correct, openOrder, saveWants } from './commands.ts';
import { costsOf, fills, itemsOf, order, orders, stateOf, wantById, wantsOf, type OrderView } from './queries.ts';
import { orderForm, readWants, takenForm, unitsOf } from './schema.ts';
import { fillText, NewOrderPage, OrderPage, OrdersPage } from './views.tsx';

export const buyingRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

const loadOrder = (c: C) => loadOr404(c, (id) => order(c.get('deps').db, id));

buyingRoutes.get('/buying', async (c) => {
  requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const list = (await orders(db)).map((o) => ({ ...o, state: stateOf(o, now) }));
  return page(c, c.get('t')('order.title'), (v) => OrdersPage({ v, orders: list, now }));
});

const newPage = (c: C, form: FormState, status: Status = 200) =>
  page(c, c.get('t')('order.new'), (v) => NewOrderPage({ v, form }), { status });

buyingRoutes.get('/buying/new', (c) => {
  requireMember(c);
  const zone = c.get('network')!.timeZone;
  return newPage(c, emptyForm({ date: addDays(dayIn(zone, c.get('deps').clock()), 7), time: '18:00' }));
});

buyingRoutes.post('/buying', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const n = c.get('network')!;
  const values = await readForm(c);
  const parsed = checkForm(orderForm(n, clock()), values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  try {
    const id = await openOrder(db, member.id, parsed.data, n.orderFillHours, n.currency, clock());
    return c.redirect(`/buying/${id}?done=opened`, 303);
  } catch (e) {
    const no = refusalOf(e, [403, 409, 429]);
    return newPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  }
});

async function orderPage(c: C, o: OrderView, form: FormState | null, status: Status = 200) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const [items, wants] = await Promise.all([itemsOf(db, o.id), wantsOf(db, o.id)]);
  const state = stateOf(o, now);
  const forWhom = (form?.values.for_whom ?? c.req.query('for') ?? '').trim().slice(0, 80);
  // The form as saved: this member's ranges for this person, and their pickup point.
  const saved: Record<string, string> = { pickup: o.pickupPoints[0]!, for_whom: forWhom };
  for (const w of wants.filter((w) => w.memberId === member.id && w.forWhom === forWhom)) {
    saved[`least_${w.itemId}`] = unitsOf(w.leastMilli);
    saved[`most_${w.itemId}`] = unitsOf(w.mostMilli);
    saved.pickup = w.pickup;
  }
  const takesPart = o.openedBy === member.id || wants.some((w) => w.memberId === member.id);
  return page(
    c,
    o.supplier,
    (v) =>
      OrderPage({
        v,
        order: o,
        state,
        items,
        // Who wants what is for who takes part; others see how full the packs are.
        wants: takesPart ? wants : [],
        fills: fills(items, wants),
        costs: state === 'closed' ? costsOf(o, items, wants) : null,
        forWhom,
        form: form ?? emptyForm(saved),
        done: c.req.query('done'),
      }),
    // While it takes wants, the packs' fill is kept current by a small script (the page says the same without it).
    { status, scripts: state === 'open' || state === 'filling' ? ['/static/order.js'] : [] },
  );
}

buyingRoutes.get('/buying/:id', async (c) => orderPage(c, await loadOrder(c), null));

buyingRoutes.get('/buying/:id/fill.json', async (c) => {
  requireMember(c);
  const o = await loadOrder(c);
  const { db } = c.get('deps');
  const [items, wants] = await Promise.all([itemsOf(db, o.id), wantsOf(db, o.id)]);
  const t = c.get('t');
  return c.json({
    state: stateOf(o, c.get('deps').clock()),
    items: fills(items, wants).map((f) => {
      const it = items.find((i) => i.id === f.id)!;
      return { id: f.id, text: fillText(t, it, f), value: f.inNext, max: it.packMilli / it.stepMilli };
    }),
  });
});

buyingRoutes.post('/buying/:id/wants', async (c) => {
  const member = requireMember(c);
  const o = await loadOrder(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const items = await itemsOf(db, o.id);
  const read = readWants(values, items, o.pickupPoints);
  if (!read.ok) return orderPage(c, o, { values, errors: read.errors }, 422);
  try {
    await saveWants(db, o.id, member.id, read, clock());
  } catch (e) {
    const no = refusalOf(e, [403, 409, 429]);
    return orderPage(c, o, { values, errors: { _form: no.messageKey } }, no.status as Status);
  }
  const back = read.forWhom ? `&for=${encodeURIComponent(read.forWhom)}` : '';
  return c.redirect(`/buying/${o.id}?done=saved${back}`, 303);
});

buyingRoutes.post('/buying/:id/cancel', async (c) => {
  const member = requireMember(c);
  const o = await loadOrder(c);
  authorize(o.openedBy === member.id, member);
  try {
    await cancelOrder(c.get('deps').db, o.id, member.id, c.get('deps').clock());
  } catch (e) {
    const no = refusalOf(e, [409]);
    return orderPage(c, o, { values: {}, errors: { _form: no.messageKey } }, no.status as Status);
  }
  return c.redirect(`/buying/${o.id}?done=cancelled`, 303);
});

buyingRoutes.post('/buying/wants/:id/taken', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const w = await loadOr404(c, (id) => wantById(db, id));
  const o = (await order(db, w.order_id))!;
  authorize(w.member_id === member.id || o.openedBy === member.id, member);
  const values = await readForm(c);
  const parsed = checkForm(takenForm, values);
  if (!parsed.ok) return orderPage(c, o, parsed.form, 422);
  try {
    await correct(db, w.id, member.id, parsed.data.taken, parsed.data.picked_up, clock());
  } catch (e) {
    const no = refusalOf(e, [403, 409]);
    return orderPage(c, o, { values, errors: { _form: no.messageKey } }, no.status as Status);
  }
  return c.redirect(`/buying/${o.id}?done=taken#pickup-title`, 303);
});
