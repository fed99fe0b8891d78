// The dispatch view (see the proposed pairs, adjust, send), for dispatchers while crisis mode is on.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { readForm } from '../web/forms.ts';
import { readPairs } from './schema.ts';
import { crisisFor } from '../crisis/index.ts';
import { dispatchProposal } from './proposal.ts';
import { sendPairs } from './commands.ts';
import * as views from './views.tsx';
import { can } from './policy.ts';

export const dispatchRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

/** The dispatch view is for members holding the dispatcher role while crisis mode is on; others are told why not. */
async function dispatcherOnly(c: C) {
  const ctx = await crisisFor(c);
  const why = can.dispatch(ctx.state.on, ctx.dispatcher);
  if (why) {
    return {
      ctx,
      refused: await page(c, c.get('t')('dispatch.title'), (v) => views.DispatchClosed({ v, why }), { status: 403 }),
    };
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
  // What other domains say of these needs (a wellness call found it…).
  const ids = [...proposal.pairs.map((p) => p.need.id), ...proposal.waiting.map((w) => w.need.id)];
  const notes = await c.get('deps').registry.postNotes(c.get('deps').db, ids, c.get('t'));
  return page(c, c.get('t')('dispatch.title'), (v) =>
    views.DispatchPage({ v, proposal, state: ctx.state, outcome, notes }),
  );
});

dispatchRoutes.post('/dispatch', async (c) => {
  const { ctx, refused } = await dispatcherOnly(c);
  if (refused) return refused;
  const pairs = readPairs(await readForm(c));
  const r = await sendPairs(c.get('deps').db, ctx.member.id, pairs, ctx.now);
  return c.redirect(`/dispatch?sent=${r.sent}&lost=${r.lost.length}&full=${r.full.length}`, 303);
});
