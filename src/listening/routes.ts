// Listening cycles' routes: the list, proposing a cycle (or the next one), a cycle with its answer form, listening,
// entering an answer given on paper, a listener's conversations, sorting into themes, what the listeners concluded,
// the report back (in each of the cycle's languages), and a proposal opened from a theme.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, type FormValues } from '../web/forms.ts';
import { authorize, idParam, isUuid, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusalOf, type AppError } from '../web/errors.ts';
import { dayIn, zoneOf } from '../web/zone.ts';
import { translator, withWords, type Translate } from '../web/i18n/index.ts';
import { own } from '../web/lookup.ts';
import { ACTION_PROPOSAL_DEFAULTS } from '../decisions/index.ts';
import { decrypt } from '../security/crypto.ts';
import { answerAsMember, enterPaperAnswer, hasAnswered } from './answers.ts';
import {
  followedUp,
  listen,
  mergeTheme,
  notePurpose,
  proposeCycle,
  proposeFromTheme,
  recordConversation,
  renameTheme,
  sort,
  suggest,
  writeConclusions,
  type Sorting,
} from './commands.ts';
import { parseQuestions, questionFields, readAnswer, type Question } from './questions.ts';
import {
  actionsOf,
  cycle,
  cycles,
  heard,
  listeners,
  noteOf,
  notesBy,
  textsOf,
  theme,
  themesOf,
  type CycleView,
} from './queries.ts';
import { conversationForm, cycleForm, themeForm, themeProposalForm } from './schema.ts';
import {
  ConversationsPage,
  CyclePage,
  ListeningPage,
  NewCyclePage,
  PaperPage,
  ReportPage,
  ThemeProposalPage,
  ThemesPage,
  cycleLang,
  quotesOf,
  themeName,
} from './views.tsx';

export const listeningRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

/** What the database or a rule refuses (a pause, a daily limit, a closed cycle) is said above the form. */
async function orRefused<T>(write: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; e: AppError }> {
  try {
    return { ok: true, value: await write() };
  } catch (e) {
    return { ok: false, e: refusalOf(e, [403, 409, 429]) };
  }
}
const refusedForm = (values: FormValues, e: AppError): FormState => ({ values, errors: { _form: e.messageKey } });

const loadCycle = (c: C, name = 'id') => loadOr404(c, (id) => cycle(c.get('deps').db, id), name);

listeningRoutes.get('/listening', async (c) => {
  requireMember(c);
  const { db, clock } = c.get('deps');
  const list = await cycles(db);
  return page(c, c.get('t')('listening.title'), (v) => ListeningPage({ v, cycles: list, now: clock() }));
});

// ——— Proposing a cycle ———

/** What the next cycle starts from: the last one's questions, after one asking whether what was done helped. */
function nextQuestions(t: (lang: string) => Translate, c: CycleView): Question[] {
  const [first, ...others] = c.languages;
  const words = (key: Parameters<Translate>[0]) => ({
    typed: t(first!)(key),
    names: Object.fromEntries(others.map((l) => [l, t(l)(key)])),
  });
  const helped: Question = {
    kind: 'one',
    text: words('listening.didItHelp'),
    options: [
      words('listening.helpedYes'),
      words('listening.helpedPartly'),
      words('listening.helpedNo'),
      words('listening.helpedUnknown'),
    ],
  };
  const more: Question = { kind: 'long', text: words('listening.whatWouldHelp'), options: [] };
  const kept = c.questions
    .slice(0, 6)
    .map((q) => (q.when ? { ...q, when: { ...q.when, question: q.when.question + 2 } } : q));
  return [helped, more, ...kept];
}

/** A translator for another language than the reader's, with the network's own words laid over it. */
function translatorFor(c: C, lang: string): Translate {
  return withWords(translator(lang, c.get('deps').registry.catalogs), own(c.get('network')?.words ?? {}, lang));
}

async function followed(c: C, id: string | undefined): Promise<CycleView | null> {
  return id && isUuid(id) ? ((await cycle(c.get('deps').db, id)) ?? null) : null;
}

const newCyclePage = async (c: C, form: FormState, status: Status = 200) => {
  const follows = await followed(c, form.values.follows);
  return page(c, c.get('t')('listening.propose'), (v) => NewCyclePage({ v, form, follows }), { status });
};

listeningRoutes.get('/listening/new', async (c) => {
  requireMember(c);
  const after = await followed(c, c.req.query('after'));
  const network = c.get('network')!;
  if (!after)
    return newCyclePage(
      c,
      emptyForm({ ...ACTION_PROPOSAL_DEFAULTS, languages: network.languages.join('\n'), days: '21' }),
    );
  const t = c.get('t');
  return newCyclePage(
    c,
    emptyForm({
      ...ACTION_PROPOSAL_DEFAULTS,
      ...questionFields(nextQuestions((l) => translatorFor(c, l), after)),
      follows: after.id,
      title: t('listening.nextTitle', { title: after.title }),
      languages: after.languages.join('\n'),
      days: '21',
    }),
  );
});

listeningRoutes.post('/listening/new', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(cycleForm(c.get('network')!.languages), values);
  const questions = parseQuestions(values);
  if (!parsed.ok || !questions.ok)
    return newCyclePage(
      c,
      { values, errors: { ...(parsed.ok ? {} : parsed.form.errors), ...(questions.ok ? {} : questions.errors) } },
      422,
    );
  const f = parsed.data;
  const follows = await followed(c, values.follows);
  const { db, clock } = c.get('deps');
  const id = await proposeCycle(
    db,
    member.id,
    {
      type: 'open_listening_cycle',
      title: f.title,
      intro: f.intro,
      questions: questions.questions,
      languages: f.languages,
      days: f.days,
      follows_id: follows?.id ?? null,
    },
    { process: f.process, closesInHours: f.closes_in, why: f.why },
    clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
});

// ——— A cycle, answering it, listening ———

async function cyclePage(c: C, form: FormState, status: Status = 200) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  const before = found.followsId ? await cycle(db, found.followsId) : undefined;
  const [answered, counts, who, themes, actions, ownThemes, ownActions] = await Promise.all([
    hasAnswered(db, found.id, member.id),
    heard(db, found),
    listeners(db, found.id),
    before ? themesOf(db, [before.id]) : Promise.resolve([]),
    before ? actionsOf(db, before.id) : Promise.resolve([]),
    themesOf(db, [found.id]),
    actionsOf(db, found.id),
  ]);
  return page(
    c,
    found.title,
    (v) =>
      CyclePage({
        v,
        cycle: found,
        now: clock(),
        answered,
        heard: counts,
        listeners: who,
        follows: before ? { cycle: before, themes, actions } : null,
        own: { themes: ownThemes, actions: ownActions },
        form,
        done: c.req.query('done'),
      }),
    { status },
  );
}

listeningRoutes.get('/listening/:id', (c) => cyclePage(c, emptyForm()));

listeningRoutes.post('/listening/:id/answer', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  const values = await readForm(c);
  const read = readAnswer(found.questions, values);
  if (!read.ok) return cyclePage(c, { values, errors: read.errors }, 422);
  const done = await orRefused(() =>
    answerAsMember(db, found, member.id, cycleLang(found, c.get('lang')), read.answer, clock()),
  );
  if (!done.ok) return cyclePage(c, refusedForm(values, done.e), done.e.status as Status);
  return c.redirect(`/listening/${found.id}?done=answered`, 303);
});

listeningRoutes.post('/listening/:id/listen', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  await listen(db, found.id, member.id, clock());
  return c.redirect(`/listening/${found.id}?done=listening`, 303);
});

// ——— Answers given on paper ———

async function paperPage(c: C, form: FormState, status: Status = 200) {
  requireMember(c);
  const found = await loadCycle(c);
  return page(
    c,
    c.get('t')('listening.paperTitle', { title: found.title }),
    (v) => PaperPage({ v, cycle: found, form, done: c.req.query('done') }),
    {
      status,
    },
  );
}

listeningRoutes.get('/listening/:id/paper', (c) => {
  const lang = c.req.query('lang');
  return paperPage(c, emptyForm(lang ? { lang } : {}));
});

listeningRoutes.post('/listening/:id/paper', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  const values = await readForm(c);
  const lang = values.lang ?? '';
  if (!found.languages.includes(lang)) return paperPage(c, { values, errors: { lang: 'error.chooseLanguage' } }, 422);
  const read = readAnswer(found.questions, values);
  if (!read.ok) return paperPage(c, { values, errors: read.errors }, 422);
  const done = await orRefused(async () => {
    await enterPaperAnswer(db, found, member.id, lang, read.answer, clock());
    await listen(db, found.id, member.id, clock());
  });
  if (!done.ok) return paperPage(c, refusedForm(values, done.e), done.e.status as Status);
  return c.redirect(`/listening/${found.id}/paper?done=paper&lang=${lang}`, 303);
});

// ——— Conversations ———

async function conversationsPage(c: C, form: FormState, status: Status = 200) {
  const member = requireMember(c);
  const { db, clock, keys } = c.get('deps');
  const found = await loadCycle(c);
  const notes = (await notesBy(db, found.id, member.id)).map((n) => ({
    ...n,
    name: n.namedEnc ? decrypt(keys, notePurpose(n.id), n.namedEnc) : null,
  }));
  const today = dayIn(zoneOf(c.get('network')), clock());
  return page(
    c,
    c.get('t')('listening.conversationsTitle', { title: found.title }),
    (v) => ConversationsPage({ v, cycle: found, notes, form, today, done: c.req.query('done') }),
    { status },
  );
}

listeningRoutes.get('/listening/:id/conversations', async (c) => {
  const found = await loadCycle(c);
  const today = dayIn(zoneOf(c.get('network')), c.get('deps').clock());
  return conversationsPage(c, emptyForm({ held_on: today, lang: cycleLang(found, c.get('lang')) }));
});

listeningRoutes.post('/listening/:id/conversations', async (c) => {
  const member = requireMember(c);
  const { db, clock, keys } = c.get('deps');
  const found = await loadCycle(c);
  const values = await readForm(c);
  const today = dayIn(zoneOf(c.get('network')), clock());
  const parsed = checkForm(conversationForm(found.languages, today), values);
  if (!parsed.ok) return conversationsPage(c, parsed.form, 422);
  const f = parsed.data;
  const done = await orRefused(() =>
    recordConversation(
      db,
      keys,
      found.id,
      member.id,
      { heldOn: f.held_on, raised: f.raised, lang: f.lang, tags: f.tags, followUp: f.follow_up ?? null, name: f.name },
      clock(),
    ),
  );
  if (!done.ok) return conversationsPage(c, refusedForm(values, done.e), done.e.status as Status);
  return c.redirect(`/listening/${found.id}/conversations?done=recorded`, 303);
});

listeningRoutes.post('/listening/notes/:id/followed-up', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const id = idParam(c);
  const note = await loadOr404(c, (x) => noteOf(db, x));
  authorize(note.listenerId === member.id, member);
  await followedUp(db, id, member.id, clock());
  return c.redirect(`/listening/${note.cycleId}/conversations`, 303);
});

// ——— Sorting into themes ———

async function themesPage(c: C, found: CycleView, form: FormState, status: Status = 200) {
  requireMember(c);
  const { db } = c.get('deps');
  const [themes, texts, actions] = await Promise.all([
    themesOf(db, [found.id]),
    textsOf(db, found.id),
    actionsOf(db, found.id),
  ]);
  return page(
    c,
    c.get('t')('listening.themesTitle', { title: found.title }),
    (v) => ThemesPage({ v, cycle: found, themes, texts, actions, form, done: c.req.query('done') }),
    { status },
  );
}

listeningRoutes.get('/listening/:id/themes', async (c) => themesPage(c, await loadCycle(c), emptyForm()));

listeningRoutes.post('/listening/:id/suggest', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  await suggest(db, found.id, member.id, clock());
  return c.redirect(`/listening/${found.id}/themes?done=suggested`, 303);
});

const ACTS = ['move', 'add', 'remove', 'split', 'quote', 'unquote'] as const;

listeningRoutes.post('/listening/:id/sort', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  const values = await readForm(c);
  const texts = (values.text ?? '').split('\n').filter(isUuid).slice(0, 2000);
  const act = values.act as (typeof ACTS)[number];
  const from = isUuid(values.from) ? values.from : null;
  const to = isUuid(values.to) ? values.to : '';
  const name = (values.name ?? '').trim();
  const problem = (errs: FormState['errors']) => themesPage(c, found, { values, errors: errs }, 422);
  if (!(ACTS as readonly string[]).includes(act)) return problem({ _form: 'error.chooseOne' });
  if (texts.length === 0) return problem({ _form: 'error.chooseTexts' });
  let s: Sorting;
  if (act === 'split') {
    if (!name || name.length > 300) return problem({ _form: 'error.themeName' });
    s = { act, texts, from, name };
  } else if (act === 'move' || act === 'add') {
    if (!to) return problem({ _form: 'error.chooseTheme' });
    s = act === 'move' ? { act, texts, from, to } : { act, texts, to };
  } else {
    if (!from) return problem({ _form: 'error.chooseTheme' });
    s = act === 'remove' ? { act, texts, from } : { act: 'quote', texts, in: from, quote: act === 'quote' };
  }
  const done = await orRefused(() => sort(db, found.id, member.id, s, clock()));
  if (!done.ok) return problem({ _form: done.e.messageKey });
  return c.redirect(`/listening/${found.id}/themes?done=sorted${done.value ? `#t-${done.value}` : ''}`, 303);
});

const loadTheme = async (c: C) => {
  const { db } = c.get('deps');
  const th = await loadOr404(c, (id) => theme(db, id));
  const of = await cycle(db, th.cycleId);
  if (!of) throw errors.notFound();
  return { th, of };
};

listeningRoutes.post('/listening/themes/:id', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const { th, of } = await loadTheme(c);
  const values = await readForm(c);
  const parsed = checkForm(themeForm(c.get('network')!.rootCauses), values);
  if (!parsed.ok) return themesPage(c, of, parsed.form, 422);
  await renameTheme(db, th.id, member.id, { name: parsed.data.name, rootCauses: parsed.data.causes }, clock());
  return c.redirect(`/listening/${of.id}/themes?done=renamed#t-${th.id}`, 303);
});

listeningRoutes.post('/listening/themes/:id/merge', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const { th, of } = await loadTheme(c);
  const values = await readForm(c);
  if (!isUuid(values.into)) return themesPage(c, of, { values, errors: { _form: 'error.chooseTheme' } }, 422);
  const done = await orRefused(() => mergeTheme(db, th.id, values.into!, member.id, clock()));
  if (!done.ok) return themesPage(c, of, refusedForm(values, done.e), done.e.status as Status);
  return c.redirect(`/listening/${of.id}/themes?done=merged#t-${done.value}`, 303);
});

listeningRoutes.post('/listening/:id/conclusions', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const found = await loadCycle(c);
  const values = await readForm(c);
  const conclusions: Record<string, string> = {};
  const errs: FormState['errors'] = {};
  for (const l of found.languages) {
    const text = (values[`conclusions_${l}`] ?? '').trim();
    if (text.length > 4000) errs[`conclusions_${l}`] = 'error.textTooLong';
    else if (text) conclusions[l] = text;
  }
  if (Object.keys(errs).length) return themesPage(c, found, { values, errors: errs }, 422);
  await writeConclusions(db, found.id, member.id, conclusions, clock());
  return c.redirect(`/listening/${found.id}/themes?done=concluded#concluded-title`, 303);
});

// ——— Report back ———

listeningRoutes.get('/listening/:id/report', async (c) => {
  requireMember(c);
  const { db } = c.get('deps');
  const found = await loadCycle(c);
  const wanted = c.req.query('lang');
  const lang = wanted && found.languages.includes(wanted) ? wanted : cycleLang(found, c.get('lang'));
  const at = { t: lang === c.get('lang') ? c.get('t') : translatorFor(c, lang), lang };
  const [counts, themes, texts, actions] = await Promise.all([
    heard(db, found),
    themesOf(db, [found.id]),
    textsOf(db, found.id),
    actionsOf(db, found.id),
  ]);
  return page(c, at.t('listening.reportTitle', { title: found.title }), (v) =>
    ReportPage({ v, at, cycle: found, heard: counts, themes, texts, actions }),
  );
});

// ——— Acting on a theme ———

async function themeProposalPage(c: C, form: FormState, status: Status = 200) {
  requireMember(c);
  const { th, of } = await loadTheme(c);
  return page(
    c,
    c.get('t')('listening.proposeFromThemeTitle', { name: themeName(th.name, c.get('lang')) }),
    (v) => ThemeProposalPage({ v, theme: th, cycle: of, form }),
    { status },
  );
}

listeningRoutes.get('/listening/themes/:id/propose', async (c) => {
  requireMember(c);
  const { db } = c.get('deps');
  const { th, of } = await loadTheme(c);
  const t = c.get('t');
  const quotes = quotesOf(th, await textsOf(db, of.id)).map((q) => `“${q.body}”`);
  const name = themeName(th.name, c.get('lang'));
  return themeProposalPage(
    c,
    emptyForm({
      ...ACTION_PROPOSAL_DEFAULTS,
      title: t('listening.proposalTitle', { name }).slice(0, 140),
      why: [t('listening.proposalHeard', { name, n: th.texts, title: of.title }), ...quotes]
        .join('\n\n')
        .slice(0, 4000),
    }),
  );
});

listeningRoutes.post('/listening/themes/:id/propose', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const { th } = await loadTheme(c);
  const values = await readForm(c);
  const parsed = checkForm(themeProposalForm, values);
  if (!parsed.ok) return themeProposalPage(c, parsed.form, 422);
  const f = parsed.data;
  const id = await proposeFromTheme(
    db,
    th.id,
    member.id,
    { title: f.title, why: f.why, process: f.process, closesInHours: f.closes_in },
    clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
});
