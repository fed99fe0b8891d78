// The library's routes: the list, adding a reading (or a version), an item with its discussion, taking one's own down.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { authorize, isUuid, loadOr404, requireMember } from '../web/edges.ts';
import { errors, refusalOf } from '../web/errors.ts';
import { addComment, addItem, takeDown } from './commands.ts';
import { commentsOn, libraryItem, libraryItems, versionsOf } from './queries.ts';
import { commentSchema, itemSchema } from './schema.ts';
import { ItemPage, LibraryPage, NewItemPage } from './views.tsx';
import { eventsUsing } from '../events/index.ts';

export const libraryRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const LIST = 100;

/** What the database refuses (the daily limit, a pause) is said above the form, with what was typed kept. */
async function orRefused(write: () => Promise<unknown>) {
  try {
    await write();
    return null;
  } catch (e) {
    return refusalOf(e, [403, 429]);
  }
}

libraryRoutes.get('/library', async (c) => {
  requireMember(c);
  const wanted = c.req.query('language');
  const language = wanted && c.get('network')!.languages.includes(wanted) ? wanted : undefined;
  const items = await libraryItems(c.get('deps').db, { language, limit: LIST });
  return page(c, c.get('t')('library.title'), (v) => LibraryPage({ v, items, language }));
});

const newPage = async (c: C, form: FormState, status: 200 | 403 | 422 | 429 = 200) => {
  const id = form.values.version_of;
  const versionOf = id && isUuid(id) ? ((await libraryItem(c.get('deps').db, id)) ?? null) : null;
  return page(c, c.get('t')('library.new'), (v) => NewItemPage({ v, form, versionOf }), { status });
};

libraryRoutes.get('/library/new', async (c) => {
  requireMember(c);
  const versionOf = c.req.query('version_of');
  return newPage(c, emptyForm({ language: c.get('lang'), ...(versionOf ? { version_of: versionOf } : {}) }));
});

libraryRoutes.post('/library', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(itemSchema(c.get('network')!.languages), values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  const { db, clock } = c.get('deps');
  const f = parsed.data;
  let id = '';
  const refused = await orRefused(async () => {
    id = await addItem(
      db,
      member.id,
      {
        title: f.title,
        language: f.language,
        about: f.about,
        url: f.url,
        body: f.body,
        versionOf: f.version_of && isUuid(f.version_of) ? f.version_of : null,
      },
      clock(),
    );
  });
  if (refused) return newPage(c, { values, errors: { _form: refused.messageKey } }, refused.status as 403 | 429);
  return c.redirect(`/library/${id}?done=added`, 303);
});

async function itemPage(c: C, form: FormState, status: 200 | 403 | 422 | 429 = 200) {
  const { db } = c.get('deps');
  const item = await loadOr404(c, (id) => libraryItem(db, id));
  const [versions, comments, usedIn] = await Promise.all([
    versionsOf(db, item),
    commentsOn(db, item.id),
    eventsUsing(db, item.id),
  ]);
  return page(
    c,
    item.title,
    (v) => ItemPage({ v, item, versions, comments, usedIn, form, done: c.req.query('done') }),
    {
      status,
    },
  );
}

libraryRoutes.get('/library/:id', (c) => {
  requireMember(c);
  return itemPage(c, emptyForm());
});

libraryRoutes.post('/library/:id/comments', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const item = await loadOr404(c, (id) => libraryItem(db, id));
  const values = await readForm(c);
  const parsed = checkForm(commentSchema, values);
  if (!parsed.ok) return itemPage(c, parsed.form, 422);
  const refused = await orRefused(() => addComment(db, item.id, member.id, parsed.data.comment, clock()));
  if (refused) return itemPage(c, { values, errors: { _form: refused.messageKey } }, refused.status as 403 | 429);
  return c.redirect(`/library/${item.id}?done=comment#discussion`, 303);
});

libraryRoutes.post('/library/:id/take-down', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const item = await loadOr404(c, (id) => libraryItem(db, id));
  authorize(item.addedBy === member.id, member);
  if (!(await takeDown(db, item.id, member.id, clock()))) throw errors.notFound();
  return c.redirect('/library', 303);
});
