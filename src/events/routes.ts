// Events' routes: what is coming, making an event, an event (answering an occurrence in one request), its flyer, the
// page a flyer leads anyone to when the event is open to all, and calling it off.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { authorize, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusalOf } from '../web/errors.ts';
import { dayIn, zoneOf } from '../web/zone.ts';
import { decrypt } from '../security/crypto.ts';
import { qrSvg } from '../web/qr.ts';
import { answer, cancelEvent, createEvent, placePurpose } from './commands.ts';
import { comingOccurrences, isOver } from './occurrences.ts';
import { coming, event, readingChoices, readingsOf, rsvpsOf, type EventView } from './queries.ts';
import { eventForm, rsvpForm } from './schema.ts';
import { EventPage, EventsPage, FlyerPage, NewEventPage, PublicEventPage } from './views.tsx';

export const eventRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
const DAY = 86_400_000;

const loadEvent = (c: C) => loadOr404(c, (id) => event(c.get('deps').db, id));

eventRoutes.get('/events', async (c) => {
  requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const list = await coming(db, now, new Date(now.getTime() + 120 * DAY));
  return page(c, c.get('t')('event.title'), (v) => EventsPage({ v, coming: list }));
});

async function newPage(c: C, form: FormState, status: 200 | 403 | 422 | 429 = 200) {
  const readings = await readingChoices(c.get('deps').db);
  return page(c, c.get('t')('event.new'), (v) => NewEventPage({ v, form, readings }), { status });
}

eventRoutes.get('/events/new', (c) => {
  requireMember(c);
  const network = c.get('network')!;
  const reading = c.req.query('reading');
  return newPage(
    c,
    emptyForm({
      kind: 'teach_in',
      language: c.get('lang'),
      date: dayIn(zoneOf(network), c.get('deps').clock()),
      minutes: '120',
      repeat: 'none',
      times: '1',
      claim_hours: '24',
      ...(reading ? { readings: reading } : {}),
    }),
  );
});

eventRoutes.post('/events', async (c) => {
  const member = requireMember(c);
  const { db, keys, clock } = c.get('deps');
  const values = await readForm(c);
  const network = c.get('network')!;
  const parsed = checkForm(eventForm({ ...network, timeZone: zoneOf(network) }, clock()), values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  try {
    const id = await createEvent(db, keys, member.id, parsed.data, clock());
    return c.redirect(`/events/${id}?done=made`, 303);
  } catch (e) {
    const known = refusalOf(e, [403, 429]);
    return newPage(c, { values, errors: { _form: known.messageKey } }, known.status as 403 | 429);
  }
});

/** The exact place, for those who have a place at any occurrence, and for who made the event. */
async function placeFor(c: C, e: EventView, memberId: string, going: boolean): Promise<string | null> {
  if (!e.placeEnc || (!going && e.createdBy !== memberId)) return null;
  return decrypt(c.get('deps').keys, placePurpose(e.id), e.placeEnc);
}

async function eventPage(c: C, form: FormState, status: 200 | 400 | 409 | 422 = 200) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const e = await loadEvent(c);
  const [rsvps, readings] = await Promise.all([rsvpsOf(db, e.id), readingsOf(db, e.id)]);
  const now = clock();
  const coming = comingOccurrences(e, now);
  const going = rsvps.some((r) => r.memberId === member.id && r.place === 'going' && !isOver(e, r.occurrence, now));
  const place = await placeFor(c, e, member.id, going);
  return page(
    c,
    e.title,
    (v) => EventPage({ v, event: e, occurrences: coming, rsvps, readings, place, form, done: c.req.query('done') }),
    { status },
  );
}

eventRoutes.get('/events/:id', (c) => eventPage(c, emptyForm()));

eventRoutes.post('/events/:id/rsvp', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const e = await loadEvent(c);
  const values = await readForm(c);
  const parsed = checkForm(rsvpForm, values);
  if (!parsed.ok) return eventPage(c, parsed.form, 422);
  try {
    await answer(db, e, new Date(parsed.data.occurrence), member.id, parsed.data.answer, clock());
  } catch (err) {
    const known = refusalOf(err, [400, 409]);
    return eventPage(c, { values, errors: { _form: known.messageKey } }, known.status as 400 | 409);
  }
  return c.redirect(`/events/${e.id}?done=answered#o-${new Date(parsed.data.occurrence).getTime()}`, 303);
});

eventRoutes.post('/events/:id/cancel', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const e = await loadEvent(c);
  authorize(e.createdBy === member.id, member);
  await cancelEvent(db, e, member.id, clock());
  return c.redirect(`/events/${e.id}`, 303);
});

eventRoutes.get('/events/:id/flyer', async (c) => {
  requireMember(c);
  const e = await loadEvent(c);
  const { config, clock } = c.get('deps');
  const address = `${config.publicUrl}/events/${e.id}${e.openToAll ? '/public' : ''}`;
  const qr = await qrSvg(address, c.get('t')('event.qrLabel'));
  const list = comingOccurrences(e, clock(), 6);
  return page(c, e.title, (v) => FlyerPage({ v, event: e, occurrences: list, qr, address }));
});

eventRoutes.get('/events/:id/public', async (c) => {
  const e = await loadEvent(c);
  if (!e.openToAll || e.cancelledAt) throw errors.notFound();
  const list = comingOccurrences(e, c.get('deps').clock());
  return page(c, e.title, (v) => PublicEventPage({ v, event: e, occurrences: list }));
});
