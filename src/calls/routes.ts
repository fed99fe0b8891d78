// Wellness calls' routes: the rounds and who asked to be called (counts only), asking to be called oneself, adding a
// neighbour who asked (their consent, recorded), opening a round, taking the next call, and the call a caller holds —
// the person's number and the script in their language, and what came of it in one form.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { authorize, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusedWrite } from '../web/errors.ts';
import { decrypt } from '../security/crypto.ts';
import { translator } from '../web/i18n/index.ts';
import { dayIn } from '../web/zone.ts';
import { postSchema } from '../exchange/index.ts';
import {
  addNeighbour,
  askToBeCalled,
  openRound,
  phonePurpose,
  recordOutcome,
  release,
  stopCalls,
  takeNext,
  type Outcome,
} from './commands.ts';
import { callById, myEntry, neighboursAddedBy, peopleByLanguage, personById, round, roundsList } from './queries.ts';
import { meForm, neighbourForm, roundForm } from './schema.ts';
import { CallPage, CallsPage, MePage, NeighbourPage, NewRoundPage, RoundPage, SlipGiven } from './views.tsx';

export const callRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

callRoutes.get('/calls', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const [list, people, mine, neighbours] = await Promise.all([
    roundsList(db),
    peopleByLanguage(db),
    myEntry(db, member.id),
    neighboursAddedBy(db, member.id),
  ]);
  return page(c, c.get('t')('call.title'), (v) =>
    CallsPage({ v, rounds: list, people, asked: !!mine, neighbours, now: clock(), done: c.req.query('done') }),
  );
});

const mePage = async (c: C, form: FormState | null, status: Status = 200) => {
  const member = requireMember(c);
  const { db, keys } = c.get('deps');
  const mine = await myEntry(db, member.id);
  const values: Record<string, string> = mine
    ? { phone: decrypt(keys, phonePurpose(mine.id), mine.phone_enc), language: mine.language, area: mine.area }
    : { language: member.language };
  return page(c, c.get('t')('call.me'), (v) => MePage({ v, form: form ?? emptyForm(values), asked: !!mine }), {
    status,
  });
};

callRoutes.get('/calls/me', (c) => mePage(c, null));

callRoutes.post('/calls/me', async (c) => {
  const member = requireMember(c);
  const { db, keys, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(meForm(c.get('network')!), values);
  if (!parsed.ok) return mePage(c, parsed.form, 422);
  const no = await refusedWrite(() => askToBeCalled(db, keys, member.id, parsed.data, clock()));
  if (no) return mePage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect('/calls?done=asked', 303);
});

callRoutes.post('/calls/me/stop', async (c) => {
  const member = requireMember(c);
  const { db } = c.get('deps');
  const mine = await myEntry(db, member.id);
  if (mine) await stopCalls(db, mine.id, member.id);
  return c.redirect('/calls?done=stopped', 303);
});

const neighbourPage = (c: C, form: FormState, status: Status = 200) =>
  page(c, c.get('t')('call.neighbour'), (v) => NeighbourPage({ v, form }), { status });

callRoutes.get('/calls/neighbours/new', (c) => {
  requireMember(c);
  return neighbourPage(c, emptyForm({ language: c.get('lang') }));
});

callRoutes.post('/calls/neighbours', async (c) => {
  const member = requireMember(c);
  const { db, keys, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(neighbourForm(c.get('network')!), values);
  if (!parsed.ok) return neighbourPage(c, parsed.form, 422);
  const no = await refusedWrite(() => addNeighbour(db, keys, member.id, parsed.data, clock()));
  if (no) return neighbourPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect('/calls?done=neighbour', 303);
});

callRoutes.post('/calls/people/:id/stop', async (c) => {
  const member = requireMember(c);
  const { db } = c.get('deps');
  const p = await loadOr404(c, (id) => personById(db, id));
  authorize(p.consent_by === member.id && p.member_id === null, member);
  await stopCalls(db, p.id, member.id);
  return c.redirect('/calls?done=stopped', 303);
});

const newRoundPage = (c: C, form: FormState, status: Status = 200) =>
  page(c, c.get('t')('call.newRound'), (v) => NewRoundPage({ v, form }), { status });

callRoutes.get('/calls/new', (c) => {
  requireMember(c);
  return newRoundPage(c, emptyForm({ hours: '24' }));
});

callRoutes.post('/calls', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(roundForm(c.get('network')!), values);
  if (!parsed.ok) return newRoundPage(c, parsed.form, 422);
  let id = '';
  const no = await refusedWrite(async () => {
    id = await openRound(db, member.id, parsed.data, clock());
  });
  if (no) return newRoundPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/calls/rounds/${id}`, 303);
});

const roundPage = async (c: C, form: FormState | null, status: Status = 200) => {
  requireMember(c);
  const r = await loadOr404(c, (id) => round(c.get('deps').db, id));
  return page(
    c,
    r.title,
    (v) => RoundPage({ v, round: r, form: form ?? emptyForm(), now: c.get('deps').clock(), done: c.req.query('done') }),
    { status },
  );
};

callRoutes.get('/calls/rounds/:id', (c) => roundPage(c, null));

callRoutes.post('/calls/rounds/:id/take', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const r = await loadOr404(c, (id) => round(db, id));
  let next: string | null = null;
  const no = await refusedWrite(async () => {
    next = await takeNext(db, r.id, member.id, clock());
  });
  if (no) return roundPage(c, { values: {}, errors: { _form: no.messageKey } }, no.status as Status);
  if (!next) return c.redirect(`/calls/rounds/${r.id}?done=none_left`, 303);
  return c.redirect(`/calls/${next}`, 303);
});

/** The call this member holds now, or a 404 (held by another, or let go: nobody else sees the number). */
async function heldCall(c: C) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const call = await loadOr404(c, (id) => callById(db, id));
  if (call.heldBy !== member.id || !call.heldUntil || call.heldUntil <= clock()) throw errors.notFound();
  return call;
}

async function callPage(c: C, form: FormState | null, status: Status = 200) {
  const call = await heldCall(c);
  const { db, keys, registry } = c.get('deps');
  const r = (await round(db, call.roundId))!;
  const script = r.script[call.language] ?? r.script[c.get('lang')] ?? Object.values(r.script)[0] ?? '';
  return page(
    c,
    call.name,
    (v) =>
      CallPage({
        v,
        call,
        round: r,
        phone: decrypt(keys, phonePurpose(call.personId), call.phoneEnc),
        script,
        inTheirWords: translator(call.language, registry.catalogs),
        form: form ?? emptyForm({ urgency: 'soon' }),
      }),
    { status },
  );
}

callRoutes.get('/calls/:id', (c) => callPage(c, null));

callRoutes.post('/calls/:id/outcome', async (c) => {
  const member = requireMember(c);
  const call = await heldCall(c);
  const { db, keys, clock, registry } = c.get('deps');
  const n = c.get('network')!;
  const values = await readForm(c);
  const kind = values.outcome;
  let o: Outcome;
  if (kind === 'fine' || kind === 'no_answer') o = { kind };
  else if (kind === 'in_person') {
    const words = translator(call.language, registry.catalogs);
    const category = n.categories.includes('other') ? 'other' : n.categories[0]!;
    const need = checkForm(postSchema(n, dayIn(n.timeZone, clock())), {
      kind: 'need',
      what: words('call.inPersonNeed'),
      category,
      area: call.area,
      urgency: 'soon',
    });
    if (!need.ok) throw errors.badRequest('invalid_input');
    o = { kind, need: need.data };
  } else if (kind === 'needs') {
    const need = checkForm(postSchema(n, dayIn(n.timeZone, clock())), { ...values, kind: 'need', area: call.area });
    if (!need.ok) return callPage(c, need.form, 422);
    o = { kind, need: need.data };
  } else return callPage(c, { values, errors: { outcome: 'error.chooseOne' } }, 422);
  let slip: string | null = null;
  const no = await refusedWrite(async () => {
    slip = (await recordOutcome(db, keys, call.id, member.id, o, { needsSecond: n.joinMode === 'seconded' }, clock()))
      .slip;
  });
  if (no) return callPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  if (slip) {
    c.header('Cache-Control', 'no-store');
    return page(c, c.get('t')('call.slipTitle'), (v) =>
      SlipGiven({ v, name: call.name, code: slip!, roundId: call.roundId }),
    );
  }
  return c.redirect(`/calls/rounds/${call.roundId}?done=${kind}`, 303);
});

callRoutes.post('/calls/:id/release', async (c) => {
  const member = requireMember(c);
  const call = await heldCall(c);
  await release(c.get('deps').db, call.id, member.id, c.get('deps').clock());
  return c.redirect(`/calls/rounds/${call.roundId}?done=released`, 303);
});
