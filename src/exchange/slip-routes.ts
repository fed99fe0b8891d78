// Following a slip (members/slips.ts): whoever holds its code — the person a need was asked for, or a member at a
// hotline or a table they showed it to — sees how what was asked is going, without signing in and without spending
// the code. Wrong codes count toward the server-wide limit on wrong codes, as at sign-in (SECURITY.md).
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { grouped, signInCodeSchema, slipHolder, slipWaits } from '../members/index.ts';
import { matchesOf, postsOf, threadMessages } from './queries.ts';
import { FollowFormPage, FollowPage } from './slip-views.tsx';

export const slipRoutes = new Hono<AppEnv>();

/** The newest messages of a thread the slip page shows (the whole thread is theirs once they sign in). */
const SHOWN_MESSAGES = 20;

slipRoutes.get('/slip', (c) => page(c, c.get('t')('follow.title'), (v) => FollowFormPage({ v, form: emptyForm() })));

slipRoutes.post('/slip', async (c) => {
  const values = await readForm(c);
  const { db, keys, limits } = c.get('deps');
  const again = (form: FormState, status: 422 | 429) =>
    page(c, c.get('t')('follow.title'), (v) => FollowFormPage({ v, form }), { status });
  if (limits.wrongCodes.exhausted('all')) return again({ values, errors: { code: 'error.codeTooMany' } }, 429);
  const parsed = checkForm(signInCodeSchema, values);
  if (!parsed.ok) return again(parsed.form, 422);
  const holder = await slipHolder(db, keys, parsed.data.code);
  if (!holder) {
    limits.wrongCodes.take('all');
    return again({ values, errors: { code: 'error.slipWrong' } }, 422);
  }
  const memberId = holder.id;
  const [posts, matches, waitsForSecond] = await Promise.all([
    postsOf(db, memberId),
    matchesOf(db, memberId),
    slipWaits(db, memberId),
  ]);
  const asked = matches.filter((m) => m.askerId === memberId);
  const withMessages = await Promise.all(
    asked.map(async (m) => ({ ...m, messages: (await threadMessages(db, keys, m.id)).slice(-SHOWN_MESSAGES) })),
  );
  // The page holds the person's code (to sign in from it): never kept by a cache or shown again by "back".
  c.header('cache-control', 'no-store');
  return page(c, c.get('t')('follow.title'), (v) =>
    FollowPage({
      v,
      code: grouped(parsed.data.code),
      f: { name: holder.name, posts: posts.filter((p) => p.kind === 'need'), matches: withMessages, waitsForSecond },
    }),
  );
});
