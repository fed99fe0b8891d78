/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Errors as a page (for people) or JSON with a stable code (for the API and scripts).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.ts';
import { InputError, type AppError } from './errors.ts';
import { page } from './render.tsx';

function wantsJson(c: Context<AppEnv>) {
  return (
    c.req.path.startsWith('/api/') ||
    c.req.path.startsWith('/passkeys/') ||
    /application\/json/.test(c.req.header('accept') ?? '') ||
    // A body sent as JSON comes from a program (a phone's gateway), not a page.
    /application\/json/.test(c.req.header('content-type') ?? '')
  );
}

export async function errorPage(c: Context<AppEnv>, e: AppError, statusOverride?: ContentfulStatusCode) {
  const status = (statusOverride ?? e.status) as ContentfulStatusCode;
  const t = c.get('t');
  if (wantsJson(c))
    return c.json(
      { error: { code: e.code, message: t(e.messageKey), ...(e instanceof InputError ? { fields: e.fields } : {}) } },
      status,
    );
  try {
    return await page(
      c,
      t('error.title'),
      (v) => (
        <>
          <h1>{t('error.title')}</h1>
          <p class="error-message" data-code={e.code}>
            {t(e.messageKey)}
          </p>
          {e.status === 401 ? (
            <p>
              <a class="button primary" href="/sign-in">
                {t('home.signIn')}
              </a>
            </p>
          ) : (
            <p>
              <a href={v.member ? '/board' : '/'}>{t('error.back')}</a>
            </p>
          )}
        </>
      ),
      { status },
    );
  } catch {
    // The database may be the thing that failed; answer without it.
    return c.text(t(e.messageKey), status);
  }
}
