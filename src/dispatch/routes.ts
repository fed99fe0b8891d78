// Crisis mode (call it, confirm it) and the dispatch view (see the proposed pairs, adjust, send).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { readForm } from '../web/forms.ts';
import { requireMember } from '../members/require.ts';
import { readPairs } from './schema.ts';
import { DISPATCHER, holdsRole } from '../roles/queries.ts';
import { crisisState } from './queries.ts';
import { dispatchProposal } from './proposal.ts';
import { askCrisis, confirmCrisis, sendPairs } from './commands.ts';
import * as views from './views.tsx';

export const dispatchRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

async function crisisFor(c: C) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const [state, dispatcher] = await Promise.all([crisisState(db, c.get('network')!, now), holdsRole(db, member.id, DISPATCHER, now)]);
  return { member, state, dispatcher, now };
}

dispatchRoutes.get('/crisis', async (c) => {
  const { member, state, dispatcher } = await crisisFor(c);
  const done = c.req.query('done');
  return page(c, c.get('t')('crisis.title'), (v) =>
    views.CrisisPage({ v, state, dispatcher, askedByMe: state.asked?.askedBy === member.id, done: done === 'asked' || done === 'started' ? done : undefined }),
  );
});

dispatchRoutes.post('/crisis/ask', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  await askCrisis(db, member.id, c.get('network')!, clock());
  return c.redirect('/crisis?done=asked', 303);
});

dispatchRoutes.post('/crisis/confirm', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  await confirmCrisis(db, member.id, c.get('network')!, clock());
  return c.redirect('/crisis?done=started', 303);
});

/** The dispatch view is for members holding the dispatcher role while crisis mode is on; others are told why not. */
async function dispatcherOnly(c: C) {
  const ctx = await crisisFor(c);
  if (!ctx.state.on || !ctx.dispatcher) {
    const why = !ctx.state.on ? 'off' : 'role';
    return { ctx, refused: await page(c, c.get('t')('dispatch.title'), (v) => views.DispatchClosed({ v, why }), { status: 403 }) };
  }
  return { ctx, refused: undefined };
}

const count = (s: string | undefined) => (s && /^\d{1,5}$/.test(s) ? Number(s) : 0);

dispatchRoutes.get('/dispatch', async (c) => {
  const { ctx, refused } = await dispatcherOnly(c);
  if (refused) return refused;
  const proposal = await dispatchProposal(c.get('deps').db, c.get('network')!, ctx.now);
  const q = c.req.query();
  const outcome = q.sent !== undefined ? { sent: count(q.sent), lost: count(q.lost), full: count(q.full) } : undefined;
  return page(c, c.get('t')('dispatch.title'), (v) => views.DispatchPage({ v, proposal, state: ctx.state, outcome }));
});

dispatchRoutes.post('/dispatch', async (c) => {
  const { ctx, refused } = await dispatcherOnly(c);
  if (refused) return refused;
  const pairs = readPairs(await readForm(c));
  const r = await sendPairs(c.get('deps').db, ctx.member.id, pairs, ctx.now);
  return c.redirect(`/dispatch?sent=${r.sent}&lost=${r.lost.length}&full=${r.full.length}`, 303);
});
