// Request set-up: security headers with a per-request CSP nonce, body limits, same-origin posts (the session and the
// network's agreements are loaded by members/ and agreements/). Nothing about the
// person's connection (address, user agent) is read or kept.
import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv, Deps } from './context.ts';
import { errors } from './errors.ts';
import { MAX_BODY_BYTES } from './forms.ts';
import type { Registry } from './domain.ts';

export const SESSION_COOKIE = '__Host-kropotkin';
export const LANG_COOKIE = '__Host-kropotkin-lang';

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nonce = crypto.randomBytes(16).toString('base64');
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    h.set(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join('; '),
    );
    h.set('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` on form posts.
    h.set('Referrer-Policy', 'same-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
    if (new URL(c.req.url).protocol === 'https:' || c.get('deps').config.publicUrl.startsWith('https:')) {
      h.set('Strict-Transport-Security', 'max-age=31536000');
    }
  };
}

/** Refuses bodies over the limit, whether or not they say their length up front; a route that takes a file (a photo)
 * says its own (RouteAccess.upload). */
export function bodyLimit(uploads: Registry['uploads']): MiddlewareHandler<AppEnv> {
  const limit = (maxSize: number) =>
    honoBodyLimit({
      maxSize,
      onError: () => {
        throw errors.tooLarge();
      },
    });
  const usual = limit(MAX_BODY_BYTES);
  const larger = new Map(uploads.map((u) => [u, limit(u.most)]));
  return (c, next) => {
    const path = new URL(c.req.url).pathname;
    for (const [u, check] of larger) if (u.method === c.req.method && samePath(u.path, path)) return check(c, next);
    return usual(c, next);
  };
}

/** Whether a path is the route's ("/things/:id/photo" and "/things/3f…/photo"). */
function samePath(route: string, path: string): boolean {
  const want = route.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((w, i) => w === got[i] || (w.startsWith(':') && got[i] !== ''));
}

/** Cross-site form posts are refused: the Origin (or, lacking it, the Sec-Fetch-Site) must be our own. */
export function sameOrigin(deps: Deps): MiddlewareHandler<AppEnv> {
  const ours = new URL(deps.config.publicUrl).origin;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const given = c.req.header('origin');
      const origin = given && given !== 'null' ? given : undefined;
      const site = c.req.header('sec-fetch-site');
      const requestOrigin = new URL(c.req.url).origin;
      const ok = origin
        ? origin === ours || origin === requestOrigin
        : site
          ? site === 'same-origin' || site === 'none'
          : true;
      if (!ok) throw errors.forbidden('cross_site', 'error.crossSite');
    }
    await next();
  };
}
