// Builds the Hono app from its dependencies; used by server.ts and by tests (app.request, no port needed). The routes
// and per-request set-up are the domains' own (deps.registry, from src/domains.ts); this file names no domain.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Deps } from './web/context.ts';
import { AppError, errors, fromDatabaseError } from './web/errors.ts';
import { bodyLimit, sameOrigin, securityHeaders } from './web/middleware.ts';
import { staticRoutes } from './web/static.ts';
import { healthRoutes } from './web/health.ts';
import { errorPage } from './web/error-page.tsx';
import { fromAcceptLanguage, translator } from './web/i18n/index.ts';

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('member', null);
    c.set('network', null);
    c.set('reads', new Map());
    const lang = fromAcceptLanguage(c.req.header('accept-language'));
    c.set('lang', lang);
    c.set('t', translator(lang, deps.registry.catalogs));
    await next();
  });
  app.use(securityHeaders());
  app.use(bodyLimit(deps.registry.uploads));
  app.use(sameOrigin(deps));
  app.route('/', staticRoutes);
  app.route('/', healthRoutes);
  for (const m of deps.registry.middleware) app.use(m);
  for (const routes of deps.registry.routes) app.route('/', routes);

  app.notFound((c) => errorPage(c, errors.notFound()));
  app.onError((err, c) => {
    const known = err instanceof AppError ? err : (fromHttpException(err) ?? fromDatabaseError(err));
    if (known) return errorPage(c, known);
    // Only the error's text, never the request (no addresses, no bodies).
    deps.log(`unexpected error: ${err.stack ?? err.message}`);
    return errorPage(c, new AppError(503, 'server_error', 'error.server'), 500);
  });
  return app;
}

/** A refusal a library threw as Hono's HTTPException (a body of the wrong type for an API route): said as ours. */
function fromHttpException(err: unknown): AppError | undefined {
  if (!(err instanceof HTTPException)) return undefined;
  if (err.status === 415) return errors.unsupportedBody();
  if (err.status === 413) return errors.tooLarge();
  if (err.status >= 400 && err.status < 500) return errors.badRequest();
  return undefined;
}

export type App = ReturnType<typeof createApp>;
