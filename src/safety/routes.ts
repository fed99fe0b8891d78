// Routes for member-led safety: flags on posts, messages and members; emergency pauses; removal proposals; the log.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { readForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { authorize, idParam, requireMember } from '../web/edges.ts';
import { postById, postsOf } from '../exchange/index.ts';
import { can as canPost } from '../exchange/index.ts';
import { askPause, confirmPause, flag, openRemoval, secondRemoval } from './commands.ts';
import { memberProfile, messageForFlag, pauseState, safetyLog, type MemberProfile } from './queries.ts';
import { reasonSchema } from './schema.ts';
import { can, memberPolicy } from './policy.ts';
import * as views from './views.tsx';

export const safetyRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

async function readReason(c: C) {
  const parsed = reasonSchema.safeParse(await readForm(c));
  if (!parsed.success) throw errors.badRequest('choose_reason', 'error.chooseReason');
  return parsed.data;
}

async function loadMember(c: C): Promise<MemberProfile> {
  const id = idParam(c);
  const profile = await memberProfile(c.get('deps').db, id);
  if (!profile) throw errors.notFound();
  return profile;
}

const DONE = ['flagged', 'pauseAsked', 'paused', 'removalSeconded', 'removalAsked'] as const;

safetyRoutes.get('/members/:id', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  const { db, clock } = c.get('deps');
  const [posts, pause] = await Promise.all([postsOf(db, profile.id), pauseState(db, profile.id, clock())]);
  const open = posts.filter((p) => p.status === 'open' && (!p.hidden || p.memberId === member.id));
  const can = memberPolicy(member, profile, pause);
  const done = DONE.find((d) => d === c.req.query('done'));
  return page(c, profile.name, (v) => views.MemberPage({ v, profile, posts: open, pause, can, done }));
});

safetyRoutes.post('/members/:id/flag', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  authorize(can.actOn(member, profile), member);
  const { reason } = await readReason(c);
  await flag(c.get('deps').db, member.id, { member: profile.id }, reason, c.get('network')!, c.get('deps').clock());
  return c.redirect(`/members/${profile.id}?done=flagged`, 303);
});

safetyRoutes.post('/members/:id/pause', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  authorize(can.actOn(member, profile), member);
  const { reason } = await readReason(c);
  await askPause(c.get('deps').db, member.id, profile.id, reason, c.get('deps').clock());
  return c.redirect(`/members/${profile.id}?done=pauseAsked`, 303);
});

safetyRoutes.post('/members/:id/pause/confirm', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  authorize(can.actOn(member, profile), member);
  await confirmPause(c.get('deps').db, member.id, profile.id, c.get('deps').clock());
  return c.redirect(`/members/${profile.id}?done=paused`, 303);
});

safetyRoutes.post('/members/:id/removal', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  authorize(can.actOn(member, profile), member);
  const { reason, note } = await readReason(c);
  const opened = await openRemoval(
    c.get('deps').db,
    member.id,
    profile.id,
    reason,
    note ?? '',
    c.get('network')!,
    c.get('deps').clock(),
  );
  return c.redirect(opened.id ? `/decisions/${opened.id}` : `/members/${profile.id}?done=removalAsked`, 303);
});

safetyRoutes.post('/members/:id/removal/second', async (c) => {
  const member = requireMember(c);
  const profile = await loadMember(c);
  authorize(can.actOn(member, profile), member);
  await secondRemoval(c.get('deps').db, member.id, profile.id, c.get('deps').clock());
  return c.redirect(`/members/${profile.id}?done=removalSeconded`, 303);
});

safetyRoutes.post('/posts/:id/flag', async (c) => {
  const member = requireMember(c);
  const id = idParam(c);
  const post = await postById(c.get('deps').db, id);
  if (!post) throw errors.notFound();
  authorize(canPost.seePost(member, post), member, true);
  authorize(canPost.flagPost(member, post), member);
  const { reason } = await readReason(c);
  await flag(c.get('deps').db, member.id, { post: post.id }, reason, c.get('network')!, c.get('deps').clock());
  return c.redirect(`/posts/${post.id}?flagged=1`, 303);
});

safetyRoutes.post('/messages/:id/flag', async (c) => {
  const member = requireMember(c);
  const id = idParam(c);
  const message = await messageForFlag(c.get('deps').db, id);
  if (!message) throw errors.notFound();
  authorize(can.seeMessage(member, message), member, true);
  authorize(can.flagMessage(member, message), member);
  const { reason } = await readReason(c);
  await flag(c.get('deps').db, member.id, { message: message.id }, reason, c.get('network')!, c.get('deps').clock());
  return c.redirect(`/matches/${message.matchId}?flagged=1`, 303);
});

safetyRoutes.get('/safety', async (c) => {
  requireMember(c);
  const lines = await safetyLog(c.get('deps').db);
  return page(c, c.get('t')('safety.logTitle'), (v) => views.SafetyLogPage({ v, lines }));
});
