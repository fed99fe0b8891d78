// Routes for the board, needs and offers, matches and threads, and their small JSON API.
import { Hono, type Context } from 'hono';
import { qrSvg } from '../web/qr.ts';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, readJsonInput, type FormValues } from '../web/forms.ts';
import { dayIn } from '../web/zone.ts';
import { errors, fromDatabaseError } from '../web/errors.ts';
import { authorize, isUuid, requireMember } from '../web/edges.ts';
import type { PostKind } from '../db/types.ts';
import { rankCandidates, findNearDuplicate } from './matching.ts';
import { can, postPolicy } from './policy.ts';
import {
  activeMatchesForPost,
  BOARD_PAGE,
  boardPosts,
  boardStamp,
  candidatesFor,
  matchById,
  matchesOf,
  postingState,
  postById,
  postsOf,
  pausedNow,
  threadMessages,
  type PostView,
} from './queries.ts';
import { boardFilterSchema, messageSchema, personSchema, postSchema } from './schema.ts';
import { kickMatching } from './match-queue.ts';
import {
  askForSomeone,
  createPost,
  markMet,
  openMatch,
  releaseMatch,
  sendMessage,
  updatePost,
  withdrawPost,
} from './commands.ts';
import * as views from './views.tsx';
import { SlipPage } from './slip-views.tsx';
import { noteCauses } from '../causes/index.ts';
import { translator } from '../web/i18n/index.ts';
import { setBreak } from '../members/index.ts';
import { breakSince } from '../members/index.ts';
import { loadOf } from '../mutuality/index.ts';
import { crisisState } from '../crisis/index.ts';
import { DISPATCHER, holdsRole } from '../roles/index.ts';

export const exchangeRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

/**
 * A post to act on: one hidden for review is not there for others (its author still sees it, and why). Reading its
 * page (`reading`) also lets members in while they review it.
 */
async function loadPost(c: C, id: string, opts: { reading?: boolean } = {}): Promise<PostView> {
  if (!isUuid(id)) throw errors.notFound();
  const post = await postById(c.get('deps').db, id);
  const may = opts.reading ? can.readPost : can.seePost;
  if (!post || !may(c.get('member'), post)) throw errors.notFound();
  return post;
}

async function loadMatch(c: C, id: string) {
  if (!isUuid(id)) throw errors.notFound();
  const match = await matchById(c.get('deps').db, id);
  if (!match) throw errors.notFound();
  // A thread is private to its two members: to anyone else it does not exist.
  authorize(can.seeMatch(c.get('member'), match), c.get('member'), true);
  return match;
}

/** Ranked open posts of the other kind that fit what is being typed. */
async function suggestionsFor(
  c: C,
  want: { kind: PostKind; what: string; category?: string; area?: string; date?: string | null },
) {
  if (want.what.trim().length < 3 && !want.category) return [];
  const member = requireMember(c);
  const candidates = await candidatesFor(c.get('deps').db, { ...want, excludeMember: member.id });
  return rankCandidates(want, candidates);
}

function kindOf(value: string | undefined): PostKind {
  return value === 'offer' ? 'offer' : 'need';
}

async function postForm(
  c: C,
  opts: {
    kind: PostKind;
    form: FormState;
    action: string;
    editing: boolean;
    duplicate?: { id: string; what: string };
    status?: 200 | 403 | 409 | 422 | 429;
    forSomeone?: boolean;
  },
) {
  const v = opts.form.values;
  // A text that failed its check is not searched (it may be 60 KB); the other fields still suggest.
  const suggestions = await suggestionsFor(c, {
    kind: opts.kind,
    what: opts.form.errors.what ? '' : (v.what ?? ''),
    category: v.category,
    area: v.area,
    date: opts.kind === 'need' ? v.needed_by : v.available_until,
  });
  const t = c.get('t');
  return page(
    c,
    opts.forSomeone ? t('intake.title') : t(opts.kind === 'need' ? 'post.newNeed' : 'post.newOffer'),
    (view) => views.PostFormPage({ v: view, ...opts, suggestions }),
    { status: opts.status ?? 200, scripts: ['/static/suggest.js'] },
  );
}

exchangeRoutes.get('/board', async (c) => {
  const member = requireMember(c);
  const filter = boardFilterSchema.parse(c.req.query());
  const { db, clock } = c.get('deps');
  const now = clock();
  const crisis = await crisisState(db, c.get('network')!, now);
  // The dispatch link shows only in crisis mode, so only then is the role looked up.
  const dispatcher = crisis.on && (await holdsRole(db, member.id, DISPATCHER, now));
  const [posts, stamp] = await Promise.all([boardPosts(db, filter, BOARD_PAGE + 1, crisis.on), boardStamp(db)]);
  return page(
    c,
    c.get('t')('board.title'),
    (v) =>
      views.BoardPage({
        v,
        posts: posts.slice(0, BOARD_PAGE),
        more: posts.length > BOARD_PAGE,
        filter,
        stamp: stampText(stamp),
        crisis,
        dispatcher,
      }),
    {
      scripts: ['/static/board.js'],
    },
  );
});

const stampText = (s: { count: number; newest: Date | null }) => `${s.count}:${s.newest?.getTime() ?? 0}`;

exchangeRoutes.get('/posts/new', async (c) => {
  requireMember(c);
  const kind = kindOf(c.req.query('kind'));
  return postForm(c, { kind, form: emptyForm({ urgency: 'soon' }), action: '/posts', editing: false });
});

/** Validates a post form; on success returns the input, otherwise re-renders with messages beside each field. */
function parsePost(c: C, values: FormValues) {
  return checkForm(postSchema(c.get('network')!, dayIn(c.get('network')!.timeZone, c.get('deps').clock())), values);
}

exchangeRoutes.post('/posts', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const kind = kindOf(values.kind);
  const parsed = parsePost(c, { ...values, kind });
  if (!parsed.ok) {
    return postForm(c, {
      kind,
      form: parsed.form,
      action: '/posts',
      editing: false,
      status: 422,
    });
  }
  const { db, clock } = c.get('deps');
  const state = await postingState(db, member.id, parsed.data.category);
  if (state.paused) {
    return postForm(c, {
      kind,
      form: { values, errors: { _form: 'error.paused' } },
      action: '/posts',
      editing: false,
      status: 403,
    });
  }
  if (parsed.data.kind === 'need' && values.confirm_duplicate !== 'yes') {
    const duplicate = findNearDuplicate(parsed.data.what, parsed.data.category, state.openNeeds);
    if (duplicate)
      return postForm(c, { kind, form: emptyForm(values), action: '/posts', editing: false, duplicate, status: 409 });
  }
  const id = await createPost(db, member.id, member.language, parsed.data, clock());
  noteCauses(db, parsed.data.causes ?? [], clock());
  kickMatching(db, c.get('deps').log);
  return c.redirect(`/posts/${id}?posted=1`, 303);
});

/**
 * Asking for someone without a phone (slips: members/slips.ts): a member at a hotline, a door or a table posts a need
 * for a person, who becomes its asker under any name they give and takes away a slip with their own code. No
 * questions beyond the need, as with any post; bringing someone in counts as an invite (daily_invites).
 */
exchangeRoutes.get('/posts/for-someone', async (c) => {
  requireMember(c);
  const net = c.get('network')!;
  return postForm(c, {
    kind: 'need',
    form: emptyForm({
      urgency: 'soon',
      person_language: net.languages.length === 1 ? net.languages[0]! : c.get('lang'),
    }),
    action: '/posts/for-someone',
    editing: false,
    forSomeone: true,
  });
});

exchangeRoutes.post('/posts/for-someone', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const net = c.get('network')!;
  const { db, keys, clock, config, registry } = c.get('deps');
  const again = (form: FormState, status: 403 | 422 | 429) =>
    postForm(c, { kind: 'need', form, action: '/posts/for-someone', editing: false, forSomeone: true, status });
  const person = checkForm(personSchema(net.languages), values);
  const parsed = parsePost(c, { ...values, kind: 'need' });
  if (!person.ok || !parsed.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.form.errors), ...(person.ok ? {} : person.form.errors) };
    return again({ values, errors }, 422);
  }
  const now = clock();
  const outcome = await askForSomeone(db, keys, {
    person: { displayName: person.data.person_name, language: person.data.person_language },
    need: parsed.data,
    madeBy: member.id,
    needsSecond: net.joinMode === 'seconded',
    now,
  })
    .then((brought) => ({ ok: true as const, brought }))
    .catch((e: unknown) => {
      // What the database refuses is said above the form, with everything typed kept: the daily limit, a pause.
      const known = fromDatabaseError(e);
      if (known?.code === 'daily_limit')
        return { ok: false as const, error: 'error.slipDailyLimit' as const, status: 429 as const };
      if (known?.status === 403) return { ok: false as const, error: known.messageKey, status: 403 as const };
      throw e;
    });
  if (!outcome.ok) return again({ values, errors: { _form: outcome.error } }, outcome.status);
  noteCauses(db, parsed.data.causes ?? [], now);
  kickMatching(db, c.get('deps').log);
  c.header('cache-control', 'no-store');
  const lang = person.data.person_language;
  // A QR code to the page that follows a slip (never the code itself: that is only printed, for the person to type).
  const followQr = await qrSvg(`${config.publicUrl}/slip`, c.get('t')('slip.qrLabel'), 1);
  return page(c, c.get('t')('slip.titleShort'), (v) =>
    SlipPage({
      v,
      st: translator(lang, registry.catalogs),
      personLang: lang,
      name: person.data.person_name,
      what: parsed.data.what,
      code: outcome.brought.code,
      publicUrl: config.publicUrl,
      needsSecond: outcome.brought.needsSecond,
      qrSvg: followQr,
    }),
  );
});

exchangeRoutes.get('/posts/:id', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'), { reading: true });
  const { db } = c.get('deps');
  const mine = post.memberId === member.id;
  const matches = mine ? await activeMatchesForPost(db, post.id) : [];
  const suggestions =
    mine && post.status === 'open'
      ? await suggestionsFor(c, {
          kind: post.kind,
          what: post.what,
          category: post.category,
          area: post.area,
          date: post.neededBy ?? post.availableUntil,
        })
      : [];
  const flagged = c.req.query('flagged') === '1';
  return page(c, post.what.slice(0, 60), (v) =>
    views.PostPage({ v, post, policy: postPolicy(member, post), matches, suggestions, flagged }),
  );
});

exchangeRoutes.get('/posts/:id/edit', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'));
  authorize(can.editPost(member, post), member);
  const values: FormValues = {
    what: post.what,
    category: post.category,
    area: post.area,
    urgency: post.urgency,
    needed_by: post.neededBy ?? '',
    available_until: post.availableUntil ?? '',
    capacity: post.capacity ?? '',
    takes: post.kind === 'offer' ? String(post.takes) : '',
  };
  return postForm(c, { kind: post.kind, form: emptyForm(values), action: `/posts/${post.id}/edit`, editing: true });
});

exchangeRoutes.post('/posts/:id/edit', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'));
  authorize(can.editPost(member, post), member);
  const values = await readForm(c);
  const parsed = parsePost(c, { ...values, kind: post.kind });
  if (!parsed.ok) {
    return postForm(c, {
      kind: post.kind,
      form: parsed.form,
      action: `/posts/${post.id}/edit`,
      editing: true,
      status: 422,
    });
  }
  await updatePost(c.get('deps').db, post, parsed.data, c.get('deps').clock());
  return c.redirect(`/posts/${post.id}`, 303);
});

exchangeRoutes.post('/posts/:id/withdraw', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'));
  authorize(can.editPost(member, post), member);
  await withdrawPost(c.get('deps').db, post, c.get('deps').clock());
  return c.redirect('/me', 303);
});

exchangeRoutes.post('/posts/:id/respond', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'));
  if (post.memberId === member.id) throw errors.conflict('own_post', 'error.ownPost');
  if (post.status !== 'open')
    throw errors.conflict('already_taken', post.kind === 'need' ? 'error.needTaken' : 'error.notOpen');
  const matchId = await openMatch(c.get('deps').db, member.id, post);
  return c.redirect(`/matches/${matchId}`, 303);
});

async function matchPage(c: C, form: FormState, status: 200 | 403 | 422 = 200) {
  const member = requireMember(c);
  const match = await loadMatch(c, c.req.param('id')!);
  const messages = await threadMessages(c.get('deps').db, c.get('deps').keys, match.id);
  const allowed = {
    write: can.writeInMatch(member, match),
    release: can.releaseMatch(member, match),
    markMet: can.markMet(member, match),
  };
  const flagged = c.req.query('flagged') === '1';
  return page(
    c,
    c.get('t')('match.titleShort'),
    (v) => views.MatchPage({ v, match, messages, form, can: allowed, flagged }),
    { status },
  );
}

exchangeRoutes.get('/matches/:id', (c) => matchPage(c, emptyForm()));

exchangeRoutes.post('/matches/:id/messages', async (c) => {
  const member = requireMember(c);
  const match = await loadMatch(c, c.req.param('id'));
  authorize(can.writeInMatch(member, match), member);
  const values = await readForm(c);
  const parsed = checkForm(messageSchema, values);
  if (!parsed.ok) return matchPage(c, parsed.form, 422);
  const { db, keys } = c.get('deps');
  if (await pausedNow(db, member.id)) return matchPage(c, { values, errors: { _form: 'error.paused' } }, 403);
  await sendMessage(db, keys, member.id, match, parsed.data.body);
  return c.redirect(`/matches/${match.id}#thread-title`, 303);
});

exchangeRoutes.post('/matches/:id/release', async (c) => {
  const member = requireMember(c);
  const match = await loadMatch(c, c.req.param('id'));
  if (match.status !== 'active') throw errors.conflict('already_ended', 'error.alreadyEnded');
  await releaseMatch(c.get('deps').db, member.id, match, c.get('deps').clock());
  return c.redirect(`/matches/${match.id}`, 303);
});

exchangeRoutes.post('/matches/:id/met', async (c) => {
  const member = requireMember(c);
  const match = await loadMatch(c, c.req.param('id'));
  if (match.status !== 'active') throw errors.conflict('already_ended', 'error.alreadyEnded');
  authorize(can.markMet(member, match), member);
  await markMet(c.get('deps').db, member.id, match, c.get('deps').clock());
  return c.redirect(`/matches/${match.id}`, 303);
});

exchangeRoutes.get('/me', async (c) => {
  const member = requireMember(c);
  const { db } = c.get('deps');
  const now = c.get('deps').clock();
  const [posts, matches, onBreakSince, load, waiting] = await Promise.all([
    postsOf(db, member.id),
    matchesOf(db, member.id),
    breakSince(db, member.id),
    loadOf(db, member.id, now),
    c.get('deps').registry.waitsForYou(db, {
      memberId: member.id,
      t: c.get('t'),
      lang: c.get('lang'),
      zone: c.get('network')!.timeZone,
      now,
      network: c.get('network')!,
    }),
  ]);
  return page(c, c.get('t')('me.title'), (v) => views.MyPage({ v, posts, matches, onBreakSince, load, waiting }));
});

exchangeRoutes.post('/me/break', async (c) => {
  const member = requireMember(c);
  await setBreak(c.get('deps').db, member.id, true, c.get('deps').clock());
  return c.redirect('/me', 303);
});

exchangeRoutes.post('/me/back', async (c) => {
  const member = requireMember(c);
  await setBreak(c.get('deps').db, member.id, false, c.get('deps').clock());
  return c.redirect('/me', 303);
});

// JSON API: the same schemas and commands as the pages.
const publicPost = (p: PostView) => ({
  id: p.id,
  kind: p.kind,
  what: p.what,
  category: p.category,
  area: p.area,
  urgency: p.urgency,
  neededBy: p.neededBy,
  availableUntil: p.availableUntil,
  capacity: p.capacity,
  takes: p.kind === 'offer' ? p.takes : undefined,
  status: p.status,
  memberName: p.memberName,
  createdAt: p.createdAt.toISOString(),
  url: `/posts/${p.id}`,
});

exchangeRoutes.get('/api/suggestions', async (c) => {
  requireMember(c);
  const q = c.req.query();
  const kind = kindOf(q.kind);
  const posts = await suggestionsFor(c, {
    kind,
    what: (q.what ?? '').slice(0, 1000),
    category: q.category?.slice(0, 40),
    area: q.area?.slice(0, 80),
    date: q.date?.slice(0, 10),
  });
  return c.json({ suggestions: posts.map(publicPost) });
});

exchangeRoutes.get('/api/board/stamp', async (c) => {
  requireMember(c);
  return c.json({ stamp: stampText(await boardStamp(c.get('deps').db)) });
});

exchangeRoutes.get('/api/posts', async (c) => {
  requireMember(c);
  const posts = await boardPosts(c.get('deps').db, boardFilterSchema.parse(c.req.query()));
  return c.json({ posts: posts.map(publicPost) });
});

exchangeRoutes.post('/api/posts', async (c) => {
  const member = requireMember(c);
  const input = await readJsonInput(
    c,
    postSchema(c.get('network')!, dayIn(c.get('network')!.timeZone, c.get('deps').clock())),
  );
  const id = await createPost(c.get('deps').db, member.id, member.language, input, c.get('deps').clock());
  noteCauses(c.get('deps').db, input.causes ?? [], c.get('deps').clock());
  kickMatching(c.get('deps').db, c.get('deps').log);
  return c.json({ id, url: `/posts/${id}` }, 201);
});

exchangeRoutes.post('/api/posts/:id/respond', async (c) => {
  const member = requireMember(c);
  const post = await loadPost(c, c.req.param('id'));
  const matchId = await openMatch(c.get('deps').db, member.id, post);
  return c.json({ matchId, url: `/matches/${matchId}` }, 201);
});
