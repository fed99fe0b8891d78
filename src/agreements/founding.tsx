/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Founding: the one-time link the host is given opens a form for the network's name, areas, languages and currency,
// and its first member. The agreements it sets are the first the members can change.
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import type { ViewCtx } from '../web/layout.tsx';
import { page } from '../web/render.tsx';
import { emptyForm, ErrorSummary, RadioGroup, TextArea, TextField, type FormState } from '../web/parts.tsx';
import { readForm, checkForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { languageNames } from '../web/i18n/index.ts';
import { isCurrency } from '../web/money.ts';
import { hashToken, looksLikeToken } from '../security/tokens.ts';
import { email } from '../members/index.ts';
import { setSessionCookie } from '../members/index.ts';
import { languageOptions } from '../members/index.ts';
import { foundNetwork } from './commands.ts';
import { foundingState } from './queries.ts';
import { DEFAULT_CATEGORIES } from './defaults.ts';
import { itemOf, namedLine } from '../web/agreement.ts';
import { categoryLabel } from '../web/parts.tsx';
import { SERVER_ZONE, timeZoneSchema } from '../web/zone.ts';

export const foundingRoutes = new Hono<AppEnv>();

const KNOWN_LANGUAGES = Object.keys(languageNames);

export const foundingSchema = z
  .object({
    currency: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : 'USD'),
      z.string().refine(isCurrency, 'error.currency'),
    ),
    time_zone: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v : SERVER_ZONE), timeZoneSchema),
    network_name: z
      .string('error.required')
      .trim()
      .min(2, 'error.networkNameRequired')
      .max(80, 'error.networkNameTooLong'),
    areas: z
      .string('error.areasRequired')
      .transform((s) => [
        ...new Set(
          s
            .split(/\r?\n/)
            .map((a) => a.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z.array(z.string().max(80, 'error.areaTooLong')).min(1, 'error.areasRequired').max(200, 'error.tooManyAreas'),
      ),
    languages: z
      .string('error.languagesRequired')
      .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
      .pipe(
        z
          .array(z.string().refine((l) => KNOWN_LANGUAGES.includes(l), 'error.languagesRequired'))
          .min(1, 'error.languagesRequired'),
      ),
    // The kinds of help: those checked, and any others written one per line. A form that never showed them (an older
    // client, a script) starts with every default kind.
    categories: z.string().optional(),
    more_categories: z.string().max(4000, 'error.categoryTooLong').optional(),
    categories_shown: z.string().optional(),
    founder_name: z.string('error.required').trim().min(1, 'error.nameRequired').max(60, 'error.nameTooLong'),
    founder_language: z.string('error.chooseLanguage'),
    founder_email: email,
    token: z.string(),
  })
  .refine((f) => f.languages.includes(f.founder_language), {
    message: 'error.chooseLanguage',
    path: ['founder_language'],
  })
  .transform((f, ctx) => {
    const lines = (s: string | undefined) =>
      (s ?? '')
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
    const checked = lines(f.categories).filter((k) => DEFAULT_CATEGORIES.includes(k));
    const more = lines(f.more_categories);
    // A kind written twice (or one already checked) is kept once, as first written.
    const byKind = new Map<string, string>();
    for (const line of f.categories_shown ? [...checked, ...more] : DEFAULT_CATEGORIES)
      if (!byKind.has(itemOf(line))) byKind.set(itemOf(line), line);
    const categories = [...byKind.values()];
    if (more.some((k) => itemOf(k).length > 40))
      ctx.addIssue({ code: 'custom', message: 'error.categoryTooLong', path: ['more_categories'] });
    else if (more.some((k) => namedLine(k) === null))
      ctx.addIssue({ code: 'custom', message: 'error.namedLine', path: ['more_categories'] });
    else if (categories.length === 0)
      ctx.addIssue({ code: 'custom', message: 'error.categoriesRequired', path: ['categories'] });
    else if (categories.length > 60)
      ctx.addIssue({ code: 'custom', message: 'error.tooManyCategories', path: ['more_categories'] });
    return { ...f, categories };
  });

export function FoundingPage({ v, form, token }: { v: ViewCtx; form: FormState; token: string }) {
  const { t } = v;
  const chosen = new Set((form.values.languages ?? 'en').split(/[\s,]+/));
  // Every default kind of help starts checked; a form sent back keeps what the founder checked.
  const kinds = new Set(
    form.values.categories_shown ? (form.values.categories ?? '').split(/\r?\n/) : DEFAULT_CATEGORIES,
  );
  return (
    <>
      <h1>{t('found.title')}</h1>
      <p>{t('found.intro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/found" novalidate>
        <input type="hidden" name="token" value={token} />
        <TextField
          t={t}
          form={form}
          name="network_name"
          label="found.name"
          hint="found.nameHint"
          required
          maxlength={80}
        />
        <TextArea t={t} form={form} name="areas" label="found.areas" hint="found.areasHint" required rows={6} />
        <fieldset class={form.errors.languages ? 'field has-error' : 'field'}>
          <legend>{t('found.languages')}</legend>
          {form.errors.languages ? (
            <p class="error" id="languages-error">
              {t(form.errors.languages)}
            </p>
          ) : null}
          <div class="choices columns">
            {Object.entries(languageNames).map(([code, name]) => (
              <label class="choice" lang={code}>
                <input type="checkbox" name="languages" value={code} checked={chosen.has(code)} /> {name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class={form.errors.categories ? 'field has-error' : 'field'}>
          <legend>{t('found.categories')}</legend>
          <p class="hint">{t('found.categoriesHint')}</p>
          {form.errors.categories ? (
            <p class="error" id="categories-error">
              {t(form.errors.categories)}
            </p>
          ) : null}
          <input type="hidden" name="categories_shown" value="1" />
          <div class="choices columns">
            {DEFAULT_CATEGORIES.map((key) => (
              <label class="choice">
                <input type="checkbox" name="categories" value={key} checked={kinds.has(key)} /> {categoryLabel(t, key)}
              </label>
            ))}
          </div>
          <TextArea
            t={t}
            form={form}
            name="more_categories"
            label="found.moreCategories"
            hint="found.moreCategoriesHint"
            rows={3}
          />
        </fieldset>
        <TextField
          t={t}
          form={form}
          name="currency"
          label="found.currency"
          hint="found.currencyHint"
          required
          maxlength={3}
          autocomplete="off"
        />
        <TextField
          t={t}
          form={form}
          name="time_zone"
          label="found.timeZone"
          hint="found.timeZoneHint"
          required
          maxlength={64}
          autocomplete="off"
        />
        <h2>{t('found.you')}</h2>
        <TextField
          t={t}
          form={form}
          name="founder_name"
          label="member.displayName"
          hint="member.displayNameHint"
          required
          maxlength={60}
          autocomplete="nickname"
        />
        <RadioGroup
          t={t}
          form={form}
          name="founder_language"
          label="member.language"
          options={languageOptions(Object.keys(languageNames).slice(0, 2))}
          required
        />
        <TextField
          t={t}
          form={form}
          name="founder_email"
          type="email"
          label="member.email"
          hint="member.emailHint"
          maxlength={254}
          autocomplete="email"
        />
        <button type="submit" class="primary">
          {t('found.submit')}
        </button>
      </form>
    </>
  );
}

async function checkFoundingToken(c: Parameters<typeof page>[0], token: string | undefined) {
  const state = await foundingState(c.get('deps').db);
  if (state.founded) throw errors.gone('already_founded', 'error.alreadyFounded');
  if (!looksLikeToken(token) || !state.tokenHash || !timingSafeEqual(state.tokenHash, hashToken(token))) {
    throw errors.forbidden('bad_founding_link', 'error.badFoundingLink');
  }
  return token;
}

foundingRoutes.get('/found', async (c) => {
  const token = await checkFoundingToken(c, c.req.query('token'));
  return page(c, c.get('t')('found.title'), (v) =>
    FoundingPage({ v, form: emptyForm({ founder_language: v.lang, currency: 'USD', time_zone: SERVER_ZONE }), token }),
  );
});

foundingRoutes.post('/found', async (c) => {
  const values = await readForm(c);
  const token = await checkFoundingToken(c, values.token);
  const parsed = checkForm(foundingSchema, values);
  if (!parsed.ok) {
    const form = parsed.form;
    return page(c, c.get('t')('found.title'), (v) => FoundingPage({ v, form, token }), { status: 422 });
  }
  const f = parsed.data;
  const { db, registry, keys, clock } = c.get('deps');
  const { session } = await foundNetwork(
    db,
    registry,
    keys,
    token,
    {
      networkName: f.network_name,
      areas: f.areas,
      languages: f.languages,
      currency: f.currency,
      categories: f.categories,
      timeZone: f.time_zone,
      founder: { displayName: f.founder_name, language: f.founder_language, email: f.founder_email },
    },
    clock(),
  );
  setSessionCookie(c, session);
  return c.redirect('/welcome', 303);
});
