// Translating in the app: each language's progress on the flows everyone needs, a language's messages (missing
// first), one message in context — where it appears, the names to keep, the plural forms — with its proposals, a
// proposal, another member's approval, and a language's words for the project (JSON).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm } from '../web/forms.ts';
import { loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusedWrite } from '../web/errors.ts';
import { LOCALES } from '../web/i18n/locales.ts';
import { argumentsOf } from '../web/i18n/index.ts';
import { approve, propose } from './commands.ts';
import { isEssential, openProposals, progressOf, translationById, wordsOf } from './queries.ts';
import { approvedWords, whyNot } from './words.ts';
import { KeyPage, LanguagePage, TranslatePage } from './views.tsx';

export const translateRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;
const PER_PAGE = 50;

const langOf = (c: C) => {
  const lang = c.req.param('lang') ?? '';
  if (lang === 'en' || !Object.hasOwn(LOCALES, lang)) throw errors.notFound();
  return lang;
};
const english = (c: C) => c.get('deps').registry.catalogs.en as Readonly<Record<string, string>>;

translateRoutes.get('/translate', async (c) => {
  requireMember(c);
  const approved = await approvedWords(c.get('deps').db);
  const offered = c.get('network')!.languages.filter((l) => l !== 'en');
  const more = Object.keys(approved).filter((l) => !offered.includes(l));
  const progress = [...offered, ...more].map((l) => progressOf(l, c.get('deps').registry.catalogs, approved));
  return page(c, c.get('t')('translate.title'), (v) => TranslatePage({ v, progress }));
});

/** The language picker's answer (a form without script): on to that language's page. */
translateRoutes.get('/translate/go', (c) => {
  requireMember(c);
  const lang = c.req.query('lang') ?? '';
  return c.redirect(lang !== 'en' && Object.hasOwn(LOCALES, lang) ? `/translate/${lang}` : '/translate', 303);
});

translateRoutes.get('/translate/:lang', async (c) => {
  requireMember(c);
  const lang = langOf(c);
  const { db, registry } = c.get('deps');
  const approved = await approvedWords(db);
  const showAll = c.req.query('show') === 'all';
  const mine = wordsOf(lang, registry.catalogs, approved);
  const keys = Object.keys(english(c))
    .filter((k) => showAll || !(k in mine))
    .sort((a, b) => Number(isEssential(b)) - Number(isEssential(a)) || a.localeCompare(b));
  const pageNo = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1));
  const rows = keys.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE).map((key) => ({
    key,
    english: english(c)[key]!,
    current: mine[key] ?? null,
    essential: isEssential(key),
  }));
  const proposals = await openProposals(db, lang);
  return page(c, c.get('t')('translate.language', { language: LOCALES[lang]!.name }), (v) =>
    LanguagePage({
      v,
      lang,
      rows,
      proposals,
      progress: progressOf(lang, registry.catalogs, approved),
      page: pageNo,
      pages: Math.max(1, Math.ceil(keys.length / PER_PAGE)),
      showAll,
    }),
  );
});

translateRoutes.get('/translate/:lang/export', async (c) => {
  requireMember(c);
  const lang = langOf(c);
  const approved = await approvedWords(c.get('deps').db);
  const words = wordsOf(lang, c.get('deps').registry.catalogs, approved);
  const sorted = Object.fromEntries(Object.entries(words).sort(([a], [b]) => a.localeCompare(b)));
  c.header('content-disposition', `attachment; filename="kropotkin-${lang}.json"`);
  return c.json(sorted);
});

async function keyPage(c: C, form: FormState | null, status: Status = 200) {
  requireMember(c);
  const lang = langOf(c);
  const key = c.req.param('key') ?? '';
  const source = Object.hasOwn(english(c), key) ? english(c)[key]! : null;
  if (source === null) throw errors.notFound();
  const { db } = c.get('deps');
  const approved = await approvedWords(db);
  const current = wordsOf(lang, c.get('deps').registry.catalogs, approved)[key] ?? null;
  const proposals = await openProposals(db, lang, key);
  let forms: string[] = [];
  try {
    forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  } catch {
    forms = ['one', 'other'];
  }
  return page(
    c,
    c.get('t')('translate.message'),
    (v) =>
      KeyPage({
        v,
        lang,
        key,
        english: source,
        names: argumentsOf(source),
        forms,
        current,
        proposals,
        form: form ?? emptyForm({ text: current ?? '' }),
        done: c.req.query('done'),
      }),
    { status },
  );
}

translateRoutes.get('/translate/:lang/:key', (c) => keyPage(c, null));

translateRoutes.post('/translate/:lang/:key', async (c) => {
  const member = requireMember(c);
  const lang = langOf(c);
  const key = c.req.param('key');
  const source = Object.hasOwn(english(c), key) ? english(c)[key]! : null;
  if (source === null) throw errors.notFound();
  const values = await readForm(c);
  const text = (values.text ?? '').trim();
  if (!text || text.length > 2000)
    return keyPage(c, { values, errors: { text: text ? 'error.textTooLong' : 'error.translationEmpty' } }, 422);
  const why = whyNot(source, text, lang);
  if (why) return keyPage(c, { values, errors: { text: why } }, 422);
  const { db, clock } = c.get('deps');
  const no = await refusedWrite(() => propose(db, member.id, { lang, key, text }, clock()));
  if (no) return keyPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  return c.redirect(`/translate/${lang}/${encodeURIComponent(key)}?done=proposed`, 303);
});

translateRoutes.post('/translate/proposals/:id/approve', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const t = await loadOr404(c, (id) => translationById(db, id));
  const no = await refusedWrite(() => approve(db, t.id, member.id, clock()), [403, 409]);
  if (no) throw no;
  return c.redirect(`/translate/${t.lang}/${encodeURIComponent(t.key)}?done=approved`, 303);
});
