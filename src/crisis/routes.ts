// Crisis mode: see it, call it, confirm another member's call.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { requireMember } from '../web/edges.ts';
import { DISPATCHER, holdsRole } from '../roles/index.ts';
import { crisisState } from './queries.ts';
import { askCrisis, confirmCrisis } from './commands.ts';
import * as views from './views.tsx';

export const crisisRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

/** The signed-in member, crisis mode's state, and whether they dispatch. */
export async function crisisFor(c: C) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const [state, dispatcher] = await Promise.all([
    crisisState(db, c.get('network')!, now),
    holdsRole(db, member.id, DISPATCHER, now),
  ]);
  return { member, state, dispatcher, now };
}

crisisRoutes.get('/crisis', async (c) => {
  const { member, state, dispatcher } = await crisisFor(c);
  const done = c.req.query('done');
  return page(c, c.get('t')('crisis.title'), (v) =>
    views.CrisisPage({
      v,
      state,
      dispatcher,
      askedByMe: state.asked?.askedBy === member.id,
      done: done === 'asked' || done === 'started' ? done : undefined,
    }),
  );
});

crisisRoutes.post('/crisis/ask', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  await askCrisis(db, member.id, c.get('network')!, clock());
  return c.redirect('/crisis?done=asked', 303);
});

crisisRoutes.post('/crisis/confirm', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  await confirmCrisis(db, member.id, c.get('network')!, clock());
  return c.redirect('/crisis?done=started', 303);
});
