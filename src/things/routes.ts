// The shared things' routes: the list, adding a thing, a thing's page (borrow, give back, renew, the line, report a
// problem: each one form on the page, so a check-out or a return is two screens at most), its printable label with
// a QR code, and retiring it.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, type FormValues } from '../web/forms.ts';
import { authorize, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusedWrite } from '../web/errors.ts';
import { cleanPhoto, photoOf, removePhoto, setPhoto } from './photos.ts';
import { qrSvg } from '../web/qr.ts';
import { decrypt } from '../security/crypto.ts';
import {
  addThing,
  borrow,
  pickupPurpose,
  giveBack,
  joinLine,
  leaveLine,
  renew,
  reportProblem,
  retire,
} from './commands.ts';
import { lineOf, myLoan, reportsOf, thing, things, type ThingView } from './queries.ts';
import { conditionForm, reportForm, thingForm } from './schema.ts';
import { LabelPage, NewThingPage, ThingPage, ThingsPage } from './views.tsx';

export const thingRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

const loadThing = (c: C) => loadOr404(c, (id) => thing(c.get('deps').db, id));

thingRoutes.get('/things', async (c) => {
  requireMember(c);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const list = await things(c.get('deps').db, { q: q || undefined, limit: 200 });
  return page(c, c.get('t')('thing.title'), (v) => ThingsPage({ v, things: list, q }));
});

const newPage = (c: C, form: FormState, status: Status = 200) =>
  page(c, c.get('t')('thing.new'), (v) => NewThingPage({ v, form }), { status });

thingRoutes.get('/things/new', (c) => {
  requireMember(c);
  return newPage(c, emptyForm({ condition: 'good', loan_days: '7', claim_hours: '48', mine: 'on' }));
});

thingRoutes.post('/things', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(thingForm(c.get('network')!), values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  const f = parsed.data;
  let id = '';
  const no = await refusedWrite(async () => {
    id = await addThing(
      db,
      c.get('deps').keys,
      member.id,
      {
        title: f.title,
        about: f.about,
        mine: f.mine,
        area: f.area,
        pickup: f.pickup,
        condition: f.condition,
        loanDays: f.loan_days,
        claimHours: f.claim_hours,
      },
      clock(),
    );
  });
  if (no) return newPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/things/${id}?done=added`, 303);
});

async function thingPage(c: C, t: ThingView, form: FormState, status: Status = 200) {
  const member = requireMember(c);
  const { db, keys, clock } = c.get('deps');
  const [line, loan, reports] = await Promise.all([lineOf(db, t.id), myLoan(db, t.id, member.id), reportsOf(db, t.id)]);
  // The exact place: for who lends it (or added it), who has it out, and who it is offered to now.
  const offered = line.find((h) => h.memberId === member.id && h.offeredUntil && h.offeredUntil > clock());
  const mayKnow = (t.lentBy ?? t.addedBy) === member.id || t.borrower === member.id || !!offered;
  const pickup = mayKnow && t.pickupEnc ? decrypt(keys, pickupPurpose(t.id), t.pickupEnc) : null;
  return page(
    c,
    t.title,
    (v) =>
      ThingPage({
        v,
        thing: t,
        line,
        loan: loan ?? null,
        reports,
        pickup,
        form,
        now: c.get('deps').clock(),
        done: c.req.query('done'),
      }),
    { status },
  );
}

thingRoutes.get('/things/:id', async (c) => thingPage(c, await loadThing(c), emptyForm()));

/** One write on a thing's page: checked, done, and back to the page (or the page again with why not). */
async function act(
  c: C,
  write: (t: ThingView, memberId: string, values: FormValues) => Promise<unknown>,
  done: string,
) {
  const member = requireMember(c);
  const t = await loadThing(c);
  const values = await readForm(c);
  const no = await refusedWrite(() => write(t, member.id, values));
  if (no) return thingPage(c, t, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/things/${t.id}?done=${done}`, 303);
}

const withCondition = async (
  c: C,
  run: (t: ThingView, m: string, cond: ReturnType<typeof conditionForm.parse>['condition']) => Promise<unknown>,
  done: string,
) => {
  const member = requireMember(c);
  const t = await loadThing(c);
  const values = await readForm(c);
  const parsed = checkForm(conditionForm, values);
  if (!parsed.ok) return thingPage(c, t, parsed.form, 422);
  const no = await refusedWrite(() => run(t, member.id, parsed.data.condition));
  if (no) return thingPage(c, t, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/things/${t.id}?done=${done}`, 303);
};

thingRoutes.post('/things/:id/borrow', (c) =>
  withCondition(c, (t, m, cond) => borrow(c.get('deps').db, t, m, cond, c.get('deps').clock()), 'borrowed'),
);
thingRoutes.post('/things/:id/return', (c) =>
  withCondition(c, (t, m, cond) => giveBack(c.get('deps').db, t, m, cond, c.get('deps').clock()), 'returned'),
);
thingRoutes.post('/things/:id/renew', (c) =>
  act(c, (t, m) => renew(c.get('deps').db, t, m, c.get('deps').clock()), 'renewed'),
);
thingRoutes.post('/things/:id/line', (c) =>
  act(c, (t, m) => joinLine(c.get('deps').db, t, m, c.get('deps').clock()), 'in_line'),
);
thingRoutes.post('/things/:id/line/leave', (c) =>
  act(c, (t, m) => leaveLine(c.get('deps').db, t, m, c.get('deps').clock()), 'left_line'),
);

thingRoutes.post('/things/:id/report', async (c) => {
  const member = requireMember(c);
  const t = await loadThing(c);
  const values = await readForm(c);
  const parsed = checkForm(reportForm, values);
  if (!parsed.ok) return thingPage(c, t, parsed.form, 422);
  const no = await refusedWrite(() =>
    reportProblem(c.get('deps').db, t, member.id, parsed.data, c.get('deps').clock()),
  );
  if (no) return thingPage(c, t, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/things/${t.id}?done=reported`, 303);
});

thingRoutes.post('/things/:id/retire', async (c) => {
  const member = requireMember(c);
  const t = await loadThing(c);
  authorize(t.addedBy === member.id, member);
  const no = await refusedWrite(() => retire(c.get('deps').db, t, member.id, c.get('deps').clock()));
  if (no) return thingPage(c, t, { values: {}, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect('/things', 303);
});

/** The photo, read from the database; its address names its version, so it may be kept a day. */
thingRoutes.get('/things/:id/photo', async (c) => {
  requireMember(c);
  const t = await loadThing(c);
  const photo = await photoOf(c.get('deps').db, t.id);
  if (!photo) throw errors.notFound();
  return c.body(new Uint8Array(photo.body), 200, {
    'Content-Type': 'image/jpeg',
    'Cache-Control': 'private, max-age=86400',
  });
});

/** A new photo from who added the thing: written again without its metadata (photos.ts), or why not beside the field. */
thingRoutes.post('/things/:id/photo', async (c) => {
  const member = requireMember(c);
  const t = await loadThing(c);
  authorize(t.addedBy === member.id, member);
  let file: unknown;
  try {
    file = (await c.req.parseBody())['photo'];
  } catch {
    throw errors.badRequest('unreadable_body');
  }
  const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  if (!bytes) return thingPage(c, t, { values: {}, errors: { photo: 'error.photoMissing' } }, 422);
  const clean = await cleanPhoto(bytes);
  if (!clean) return thingPage(c, t, { values: {}, errors: { photo: 'error.photoUnreadable' } }, 422);
  await setPhoto(c.get('deps').db, t.id, member.id, clean, c.get('deps').clock());
  return c.redirect(`/things/${t.id}?done=photo`, 303);
});

thingRoutes.post('/things/:id/photo/remove', async (c) => {
  const member = requireMember(c);
  const t = await loadThing(c);
  authorize(t.addedBy === member.id, member);
  await removePhoto(c.get('deps').db, t.id);
  return c.redirect(`/things/${t.id}?done=photo_removed`, 303);
});

thingRoutes.get('/things/:id/label', async (c) => {
  requireMember(c);
  const t = await loadThing(c);
  const address = `${c.get('deps').config.publicUrl}/things/${t.id}`;
  const qr = await qrSvg(address, c.get('t')('thing.qrLabel'));
  return page(c, t.title, (v) => LabelPage({ v, thing: t, qr, address }));
});
