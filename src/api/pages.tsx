/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A member's apps and tokens: the tokens they made (name, what it may do, when), revoking one, making one — shown once.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import type { ViewCtx } from '../web/layout.tsx';
import { page } from '../web/render.tsx';
import { emptyForm, ErrorSummary, formatDate, Notice, RadioGroup, TextField, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { idParam, requireMember } from '../web/edges.ts';
import { errors } from '../web/errors.ts';
import { makeToken, revokeToken, tokenOwner, tokensOf, type Scope } from './tokens.ts';
import { API_BASE } from './middleware.ts';

export const tokenPages = new Hono<AppEnv>();
type C = Context<AppEnv>;

type Token = { id: string; name: string; scope: Scope; made_at: Date };

function TokensPage(props: { v: ViewCtx; tokens: Token[]; form: FormState; made?: string; done?: string }) {
  const { v, tokens, form } = props;
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
    </>
  );
}

const tokensPage = async (c: C, form: FormState, opts: { made?: string; status?: 200 | 409 | 422 } = {}) => {
  const me = requireMember(c);
  const tokens = await tokensOf(c.get('deps').db, me.id);
  return page(
    c,
    c.get('t')('api.title'),
    (v) => TokensPage({ v, tokens, form, made: opts.made, done: c.req.query('done') }),
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
