// The places' routes: the list with each place's status, adding one, a place's page — report in one form (food,
// clean, working, a restock ask: three taps from the list without JavaScript), mark it restocked, tend it, count what
// came in and went out — its printable sign with a QR code, and retiring it.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, type FormValues } from '../web/forms.ts';
import { authorize, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusedWrite } from '../web/errors.ts';
import { qrSvg } from '../web/qr.ts';
import { addPlace, count, report, restocked, retirePlace, tend } from './commands.ts';
import { ledgerOf, place, places, stockOf, tends, type PlaceView } from './queries.ts';
import { passerbyForm, placeForm, reportForm, stockForm } from './schema.ts';
import { NewPlacePage, PlacePage, PlacesPage, PublicPlacePage, SignPage } from './views.tsx';

export const placeRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

const loadPlace = (c: C) => loadOr404(c, (id) => place(c.get('deps').db, id));

placeRoutes.get('/places', async (c) => {
  requireMember(c);
  const { db, clock } = c.get('deps');
  const list = await places(db);
  return page(c, c.get('t')('place.title'), (v) => PlacesPage({ v, places: list, now: clock() }));
});

const newPage = (c: C, form: FormState, status: Status = 200) =>
  page(c, c.get('t')('place.new'), (v) => NewPlacePage({ v, form }), { status });

placeRoutes.get('/places/new', (c) => {
  requireMember(c);
  return newPage(c, emptyForm({ kind: 'fridge', help: c.get('network')!.categories[0] ?? '' }));
});

placeRoutes.post('/places', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(placeForm(c.get('network')!), values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  let id = '';
  const no = await refusedWrite(async () => {
    id = await addPlace(db, member.id, parsed.data, clock());
  });
  if (no) return newPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/places/${id}?done=added`, 303);
});

async function placePage(c: C, p: PlaceView, forms: { report?: FormState; stock?: FormState }, status: Status = 200) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const [mine, stock, ledger] = await Promise.all([
    tends(db, p.id, member.id),
    p.counted ? stockOf(db, p.id) : [],
    p.counted ? ledgerOf(db, p.id) : [],
  ]);
  return page(
    c,
    p.name,
    (v) =>
      PlacePage({
        v,
        place: p,
        tends: mine,
        stock,
        ledger,
        reportForm: forms.report ?? emptyForm(),
        stockForm: forms.stock ?? emptyForm({ n: '1' }),
        now: clock(),
        done: c.req.query('done'),
      }),
    { status },
  );
}

placeRoutes.get('/places/:id', async (c) => placePage(c, await loadPlace(c), {}));

/** One write on a place's page: checked, done, back to the page (or the page again with why not, and what was typed). */
async function act<S extends { parse: unknown }>(
  c: C,
  which: 'report' | 'stock' | null,
  schema: S | null,
  write: (p: PlaceView, memberId: string, data: never, values: FormValues) => Promise<unknown>,
  done: (data: never) => string,
) {
  const member = requireMember(c);
  const p = await loadPlace(c);
  const values = await readForm(c);
  let data: unknown = null;
  if (schema) {
    const parsed = checkForm(schema as never, values);
    if (!parsed.ok) return placePage(c, p, which ? { [which]: parsed.form } : {}, 422);
    data = parsed.data;
  }
  const no = await refusedWrite(() => write(p, member.id, data as never, values));
  if (no) {
    const form = { values, errors: { _form: no.messageKey } };
    return placePage(c, p, which ? { [which]: form } : { report: form }, no.status as Status);
  }
  return c.redirect(`/places/${p.id}?done=${done(data as never)}`, 303);
}

placeRoutes.post('/places/:id/report', (c) => {
  let opened = false;
  return act(
    c,
    'report',
    reportForm,
    async (p, m, r: ReturnType<typeof reportForm.parse>) => {
      opened = await report(
        c.get('deps').db,
        p,
        m,
        { food: r.food, clean: r.clean, working: r.working },
        { restock: r.restock || r.what !== '', what: r.what },
        c.get('deps').clock(),
      );
    },
    () => (opened ? 'asked' : 'reported'),
  );
});

placeRoutes.post('/places/:id/restocked', (c) =>
  act(
    c,
    null,
    null,
    (p, m) => restocked(c.get('deps').db, p, m, c.get('deps').clock()),
    () => 'restocked',
  ),
);

placeRoutes.post('/places/:id/tend', (c) =>
  act(
    c,
    null,
    null,
    (p, m, _d, values) => tend(c.get('deps').db, p.id, m, values['on'] === 'yes', c.get('deps').clock()),
    () => 'tending',
  ),
);

placeRoutes.post('/places/:id/stock', (c) =>
  act(
    c,
    'stock',
    stockForm,
    (p, m, s: ReturnType<typeof stockForm.parse>) =>
      count(c.get('deps').db, p, m, s.item, s.way === 'in' ? s.n : -s.n, c.get('deps').clock()),
    () => 'counted',
  ),
);

placeRoutes.post('/places/:id/retire', async (c) => {
  const member = requireMember(c);
  const p = await loadPlace(c);
  authorize(p.addedBy === member.id, member);
  await retirePlace(c.get('deps').db, p, c.get('deps').clock());
  return c.redirect('/places', 303);
});

/** The page a place's sign opens, for anyone: its status, and what they see in three taps. */
const publicPage = (c: C, p: PlaceView, form: FormState, status: Status = 200) =>
  page(
    c,
    p.name,
    (v) => PublicPlacePage({ v, place: p, form, now: c.get('deps').clock(), done: c.req.query('done') }),
    { status },
  );

const loadTended = async (c: C) => {
  const p = await loadPlace(c);
  if (p.retiredAt) throw errors.notFound();
  return p;
};

placeRoutes.get('/places/:id/public', async (c) => publicPage(c, await loadTended(c), emptyForm()));

placeRoutes.post('/places/:id/public/report', async (c) => {
  const p = await loadTended(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(passerbyForm, values);
  if (!parsed.ok) return publicPage(c, p, parsed.form, 422);
  let opened = false;
  const no = await refusedWrite(async () => {
    opened = await report(db, p, c.get('member')?.id ?? null, parsed.data, { restock: false, what: '' }, clock());
  });
  if (no) return publicPage(c, p, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/places/${p.id}/public?done=${opened ? 'asked' : 'reported'}`, 303);
});

placeRoutes.get('/places/:id/sign', async (c) => {
  requireMember(c);
  const p = await loadPlace(c);
  const address = `${c.get('deps').config.publicUrl}/places/${p.id}/public`;
  const qr = await qrSvg(address, c.get('t')('place.qrLabel'));
  return page(c, p.name, (v) => SignPage({ v, place: p, qr, address }));
});
