// Routes for rotas: the list, a rota's slots, making rotas and slots, sign-up, drop, swap, and the private calendar
// feed (made, replaced and revoked by its member; read by calendar apps with its secret address, no session).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm, checkForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { idParam, requireMember, uuid } from '../web/edges.ts';
import { hashToken, looksLikeToken } from '../security/tokens.ts';
import { networkAgreements } from '../agreements/index.ts';
import { commitmentsOf, feedOwner, hasFeed, rotaById, rotas, slotRotaId, slotsOf, type RotaView } from './queries.ts';
import { addSlots, createRota, drop, newFeed, revokeFeed, signUp, takePlace, wantSwap } from './commands.ts';
import { rotaForm, slotForm } from './schema.ts';
import { NewRotaPage, RotaPage, RotasPage } from './views.tsx';
import { memberFeed } from './calendar.ts';

export const rotaRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;
const deps = (c: C) => c.get('deps');
const network = async (c: C) => c.get('network') ?? (await networkAgreements(deps(c).db, deps(c).registry));

async function rotasPage(c: C, feedUrl?: string) {
  const member = requireMember(c);
  const { db } = deps(c);
  const now = deps(c).clock();
  const [list, mine, has] = await Promise.all([
    rotas(db, now),
    commitmentsOf(db, member.id, now),
    hasFeed(db, member.id),
  ]);
  return page(c, c.get('t')('rota.title'), (v) => RotasPage({ v, rotas: list, mine, hasFeed: has, feedUrl }), {
    scripts: feedUrl ? ['/static/copy.js'] : [],
  });
}

rotaRoutes.get('/rotas', (c) => rotasPage(c));

async function newRotaPage(c: C, form: FormState, status: 200 | 422 = 200) {
  const { categories } = await network(c);
  return page(c, c.get('t')('rota.new'), (v) => NewRotaPage({ v, form, categories }), { status });
}

rotaRoutes.get('/rotas/new', (c) => {
  requireMember(c);
  return newRotaPage(c, emptyForm({ notice_hours: '48' }));
});

rotaRoutes.post('/rotas/new', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(rotaForm(await network(c)), values);
  if (!parsed.ok) return newRotaPage(c, parsed.form, 422);
  const f = parsed.data;
  const id = await createRota(
    deps(c).db,
    member.id,
    { title: f.title, category: f.category, about: f.about, noticeHours: f.notice_hours },
    deps(c).clock(),
  );
  return c.redirect(`/rotas/${id}#add`, 303);
});

async function findRota(c: C): Promise<RotaView> {
  const id = c.req.param('id') ?? '';
  const rota = uuid.safeParse(id).success ? await rotaById(deps(c).db, id) : undefined;
  if (!rota) throw errors.notFound();
  return rota;
}

async function rotaPage(c: C, rota: RotaView, form: FormState, status: 200 | 422 = 200) {
  const member = requireMember(c);
  const now = deps(c).clock();
  const [slots, { areas }] = await Promise.all([slotsOf(deps(c).db, rota, now), network(c)]);
  return page(c, rota.title, (v) => RotaPage({ v, rota, slots, form, areas, me: member.id, now }), { status });
}

rotaRoutes.get('/rotas/:id', async (c) =>
  rotaPage(c, await findRota(c), emptyForm({ needed: '1', repeat_weeks: '0' })),
);

rotaRoutes.post('/rotas/:id/slots', async (c) => {
  const member = requireMember(c);
  const rota = await findRota(c);
  const values = await readForm(c);
  const now = deps(c).clock();
  const parsed = checkForm(slotForm(await network(c), now), values);
  if (!parsed.ok) return rotaPage(c, rota, parsed.form, 422);
  await addSlots(deps(c).db, member.id, rota.id, parsed.data, now);
  return c.redirect(`/rotas/${rota.id}`, 303);
});

const slotId = (c: C) => {
  const id = idParam(c);
  return id;
};

async function rotaOfSlot(c: C, id: string) {
  const rotaId = await slotRotaId(deps(c).db, id);
  if (!rotaId) throw errors.notFound();
  return rotaId;
}

const backToSlot = async (c: C, id: string) => c.redirect(`/rotas/${await rotaOfSlot(c, id)}#slot-${id}`, 303);

rotaRoutes.post('/rotas/slots/:id/sign-up', async (c) => {
  const member = requireMember(c);
  const id = slotId(c);
  await rotaOfSlot(c, id);
  await signUp(deps(c).db, member.id, id, deps(c).clock());
  return backToSlot(c, id);
});

rotaRoutes.post('/rotas/slots/:id/drop', async (c) => {
  const member = requireMember(c);
  const id = slotId(c);
  await rotaOfSlot(c, id);
  await drop(deps(c).db, member.id, id, deps(c).clock());
  return backToSlot(c, id);
});

rotaRoutes.post('/rotas/slots/:id/swap', async (c) => {
  const member = requireMember(c);
  const id = slotId(c);
  await rotaOfSlot(c, id);
  const values = await readForm(c);
  await wantSwap(deps(c).db, member.id, id, values.wanted !== 'off', deps(c).clock());
  return backToSlot(c, id);
});

rotaRoutes.post('/rotas/places/:id/take', async (c) => {
  const member = requireMember(c);
  const slot = await takePlace(deps(c).db, member.id, slotId(c), deps(c).clock());
  return backToSlot(c, slot);
});

rotaRoutes.post('/calendar/new', async (c) => {
  const member = requireMember(c);
  const token = await newFeed(deps(c).db, member.id, deps(c).clock());
  return rotasPage(c, `${deps(c).config.publicUrl}/calendar/${token}.ics`);
});

rotaRoutes.post('/calendar/revoke', async (c) => {
  const member = requireMember(c);
  await revokeFeed(deps(c).db, member.id);
  return c.redirect('/rotas#feed', 303);
});

/** The feed itself: the secret address is the only key; an unknown or revoked one is simply not found. */
rotaRoutes.get('/calendar/:file', async (c) => {
  const file = c.req.param('file');
  const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
  if (!looksLikeToken(token)) throw errors.notFound();
  const { db } = deps(c);
  const memberId = await feedOwner(db, hashToken(token));
  if (!memberId) throw errors.notFound();
  const body = await memberFeed(
    db,
    memberId,
    (await network(c)).networkName,
    new URL(deps(c).config.publicUrl).hostname,
    deps(c).clock(),
    deps(c).registry.catalogs,
  );
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
});
