/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A member's apps and tokens: the tokens they made (name, what it may do, when), revoking one, making one — shown once.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import type { ViewCtx } from '../web/layout.tsx';
import { page } from '../web/render.tsx';
import {
  Checkbox,
  emptyForm,
  ErrorSummary,
  formatDate,
  formatDateTime,
  Notice,
  RadioGroup,
  TextField,
  type FormState,
} from '../web/parts.tsx';
import { checkbox, checkForm, readForm } from '../web/forms.ts';
import { idParam, requireMember } from '../web/edges.ts';
import { errors } from '../web/errors.ts';
import { makeToken, revokeToken, tokenOwner, tokensOf, type Scope } from './tokens.ts';
import { API_BASE } from './middleware.ts';
import { addWebhook, removeWebhook, webhookOwner, webhooksOf, webhookUrl, type WebhookEvent } from './webhooks.ts';

export const tokenPages = new Hono<AppEnv>();
type C = Context<AppEnv>;

type Token = { id: string; name: string; scope: Scope; made_at: Date };
type Hook = Awaited<ReturnType<typeof webhooksOf>>[number];

function TokensPage(props: {
  v: ViewCtx;
  tokens: Token[];
  hooks: Hook[];
  form: FormState;
  hookForm: FormState;
  made?: string;
  secret?: string;
  done?: string;
}) {
  const { v, tokens, hooks, form, hookForm } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('api.title')}</h1>
      {props.done === 'revoked' ? <Notice kind="success">{t('api.revoked')}</Notice> : null}
      {props.made ? (
        <Notice kind="success">
          <p>{t('api.made')}</p>
          <p>
            <code class="code" id="new-token">
              {props.made}
            </code>
          </p>
        </Notice>
      ) : null}
      <p>{t('api.intro')}</p>
      <p>
        <a href={`${API_BASE}/openapi.json`}>{t('api.document')}</a>
      </p>
      <h2>{t('api.yours')}</h2>
      {tokens.length === 0 ? (
        <p>{t('api.none')}</p>
      ) : (
        <ul class="plain">
          {tokens.map((k) => (
            <li>
              <strong>{k.name}</strong> · {t(k.scope === 'write' ? 'api.scope.write' : 'api.scope.read')} ·{' '}
              {formatDate(v, k.made_at)}
              <form method="post" action={`/settings/tokens/${k.id}/revoke`} class="inline">
                <button type="submit">{t('api.revoke')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('api.make')}</h2>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/settings/tokens" novalidate>
        <TextField t={t} form={form} name="name" label="api.name" hint="api.nameHint" required maxlength={60} />
        <RadioGroup
          t={t}
          form={form}
          name="scope"
          label="api.scope"
          required
          options={[
            { value: 'read', label: t('api.scope.read') },
            { value: 'write', label: t('api.scope.write') },
          ]}
        />
        <button type="submit" class="primary">
          {t('api.makeSubmit')}
        </button>
      </form>

      <h2 id="webhooks">{t('api.webhooks')}</h2>
      {props.done === 'removed' ? <Notice kind="success">{t('api.webhookRemoved')}</Notice> : null}
      {props.secret ? (
        <Notice kind="success">
          <p>{t('api.webhookMade')}</p>
          <p>
            <code class="code" id="new-secret">
              {props.secret}
            </code>
          </p>
        </Notice>
      ) : null}
      <p>{t('api.webhooksIntro')}</p>
      {hooks.length === 0 ? (
        <p>{t('api.noWebhooks')}</p>
      ) : (
        <ul class="plain">
          {hooks.map((h) => (
            <li>
              <strong>{h.url}</strong> · {h.events.map((e) => t(eventLabel(e))).join(', ')} ·{' '}
              {h.stopped_at
                ? t('api.webhookStopped')
                : h.last_delivered
                  ? t('api.webhookLast', { at: formatDateTime(v, new Date(h.last_delivered)) })
                  : t('api.webhookNothingYet')}
              <form method="post" action={`/settings/webhooks/${h.id}/remove`} class="inline">
                <button type="submit">{t('api.webhookRemove')}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary t={t} form={hookForm} />
      <form method="post" action="/settings/webhooks" novalidate>
        <TextField
          t={t}
          form={hookForm}
          name="url"
          label="api.webhookUrl"
          hint="api.webhookUrlHint"
          required
          maxlength={2000}
          inputmode="url"
        />
        <fieldset class={hookForm.errors.events ? 'field has-error' : 'field'}>
          <legend>{t('api.webhookEvents')}</legend>
          {hookForm.errors.events ? (
            <p class="error" id="events-error">
              {t(hookForm.errors.events)}
            </p>
          ) : null}
          <Checkbox t={t} form={hookForm} name="post_created" label="api.event.postCreated" />
          <Checkbox t={t} form={hookForm} name="notification_created" label="api.event.notificationCreated" />
        </fieldset>
        <button type="submit" class="primary">
          {t('api.webhookSubmit')}
        </button>
      </form>
    </>
  );
}

const eventLabel = (e: string) => (e === 'post.created' ? 'api.event.postCreated' : 'api.event.notificationCreated');

const tokensPage = async (
  c: C,
  form: FormState,
  opts: { made?: string; secret?: string; hookForm?: FormState; status?: 200 | 409 | 422 } = {},
) => {
  const me = requireMember(c);
  const { db } = c.get('deps');
  const [tokens, hooks] = await Promise.all([tokensOf(db, me.id), webhooksOf(db, me.id)]);
  return page(
    c,
    c.get('t')('api.title'),
    (v) =>
      TokensPage({
        v,
        tokens,
        hooks,
        form,
        hookForm: opts.hookForm ?? emptyForm({ post_created: 'on' }),
        made: opts.made,
        secret: opts.secret,
        done: c.req.query('done'),
      }),
    { status: opts.status ?? 200 },
  );
};

tokenPages.get('/settings/tokens', (c) => tokensPage(c, emptyForm({ scope: 'read' })));

const makeForm = z.object({
  name: z.string('api.nameRequired').trim().min(1, 'api.nameRequired').max(60, 'api.nameTooLong'),
  scope: z.enum(['read', 'write'], 'api.chooseScope'),
});

tokenPages.post('/settings/tokens', async (c) => {
  const me = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(makeForm, values);
  if (!parsed.ok) return tokensPage(c, parsed.form, { status: 422 });
  const { db, clock } = c.get('deps');
  try {
    const token = await makeToken(db, { memberId: me.id, ...parsed.data, now: clock() });
    // Shown once, on this answer only: nothing keeps it but its hash.
    return tokensPage(c, emptyForm({ scope: 'read' }), { made: token });
  } catch (e) {
    if ((e as { code?: string }).code === 'too_many_tokens')
      return tokensPage(c, { values, errors: { name: 'api.tooManyTokens' } }, { status: 409 });
    throw e;
  }
});

tokenPages.post('/settings/tokens/:id/revoke', async (c) => {
  const me = requireMember(c);
  const id = idParam(c);
  const { db, clock } = c.get('deps');
  if ((await tokenOwner(db, id)) !== me.id) throw errors.notFound();
  await revokeToken(db, id, me.id, clock());
  return c.redirect('/settings/tokens?done=revoked', 303);
});

const hookForm = z.object({
  url: z.string('api.webhookUrlInvalid').trim().min(1, 'api.webhookUrlInvalid').max(2000, 'api.webhookUrlInvalid'),
  post_created: checkbox,
  notification_created: checkbox,
});

tokenPages.post('/settings/webhooks', async (c) => {
  const me = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(hookForm, values);
  const refuse = (errs: FormState['errors'], status: 409 | 422 = 422) =>
    tokensPage(c, emptyForm({ scope: 'read' }), { hookForm: { values, errors: errs }, status });
  if (!parsed.ok) return refuse(parsed.form.errors);
  const { db, keys, clock, config } = c.get('deps');
  const url = webhookUrl(parsed.data.url, config.webhookPrivateAddresses);
  const events: WebhookEvent[] = [
    ...(parsed.data.post_created ? (['post.created'] as const) : []),
    ...(parsed.data.notification_created ? (['notification.created'] as const) : []),
  ];
  const errs: FormState['errors'] = {};
  if (!url.ok) errs.url = 'api.webhookUrlInvalid';
  if (events.length === 0) errs.events = 'api.webhookChooseEvent';
  if (!url.ok || events.length === 0) return refuse(errs);
  try {
    const made = await addWebhook(db, keys, { memberId: me.id, url: url.url, events, now: clock() });
    // The secret is shown once, on this answer: the program needs it to check each delivery's signature.
    return tokensPage(c, emptyForm({ scope: 'read' }), { secret: made.secret });
  } catch (e) {
    if ((e as { code?: string }).code === 'too_many_webhooks') return refuse({ url: 'api.tooManyWebhooks' }, 409);
    throw e;
  }
});

tokenPages.post('/settings/webhooks/:id/remove', async (c) => {
  const me = requireMember(c);
  const id = idParam(c);
  const { db } = c.get('deps');
  if ((await webhookOwner(db, id)) !== me.id) throw errors.notFound();
  await removeWebhook(db, id, me.id);
  return c.redirect('/settings/tokens?done=removed#webhooks', 303);
});
