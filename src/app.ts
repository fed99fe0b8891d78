// Builds the Hono app from its dependencies; used by server.ts and by tests (app.request, no port needed).
import { Hono } from 'hono';
import type { AppEnv, Deps } from './web/context.ts';
import { AppError, errors, fromDatabaseError } from './web/errors.ts';
import { bodyLimit, loadSession, sameOrigin, securityHeaders } from './web/middleware.ts';
import { siteRoutes, staticRoutes } from './web/routes.tsx';
import { memberRoutes } from './members/routes.ts';
import { exchangeRoutes } from './exchange/routes.ts';
import { notificationRoutes } from './notifications/routes.tsx';
import { agreementRoutes } from './agreements/routes.tsx';
import { decisionRoutes } from './decisions/routes.ts';
import { safetyRoutes } from './safety/routes.ts';
import { fundRoutes } from './fund/routes.ts';
import { fundApiRoutes } from './fund/api.ts';
import { roleRoutes } from './roles/routes.ts';
import { circleRoutes } from './circles/routes.ts';
import { rotaRoutes } from './rotas/routes.ts';
import { dispatchRoutes } from './dispatch/routes.ts';
import { mutualityRoutes } from './mutuality/routes.ts';
import { errorPage } from './web/error-page.tsx';
import { fromAcceptLanguage, translator } from './web/i18n/index.ts';

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('member', null);
    c.set('network', null);
    const lang = fromAcceptLanguage(c.req.header('accept-language'));
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
  });
  app.use(securityHeaders());
  app.use(bodyLimit());
  app.use(sameOrigin(deps));
  app.route('/', staticRoutes);
  app.use(loadSession());

  app.route('/', siteRoutes);
  app.route('/', memberRoutes);
  app.route('/', exchangeRoutes);
  app.route('/', notificationRoutes);
  app.route('/', agreementRoutes);
  app.route('/', decisionRoutes);
  app.route('/', safetyRoutes);
  app.route('/', fundRoutes);
  app.route('/', fundApiRoutes);
  app.route('/', roleRoutes);
  app.route('/', circleRoutes);
  app.route('/', rotaRoutes);
  app.route('/', mutualityRoutes);
  app.route('/', dispatchRoutes);

  app.notFound((c) => errorPage(c, errors.notFound()));
  app.onError((err, c) => {
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) return errorPage(c, known);
    // Only the error's text, never the request (no addresses, no bodies).
    deps.log(`unexpected error: ${err.stack ?? err.message}`);
    return errorPage(c, new AppError(503, 'server_error', 'error.server'), 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
