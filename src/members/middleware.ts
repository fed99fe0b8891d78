// Who is asking: the member whose session cookie this is (or nobody), and the language to answer in.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { AppEnv } from '../web/context.ts';
import { LANG_COOKIE, SESSION_COOKIE } from '../web/middleware.ts';
import { fromAcceptLanguage, pickLanguage, translator } from '../web/i18n/index.ts';
import { memberForSession } from './sessions.ts';
import { errors } from '../web/errors.ts';
import { OWN_SESSION_COOKIE, refusedWhileActing } from './acting.ts';
import { setSessionCookie } from './session-cookie.ts';

/** The language this request asks for: the member's own, else the one chosen on the sign-in page, else the browser's. */
export const wantedLanguage = (c: Context<AppEnv>) =>
  c.get('member')?.language ?? getCookie(c, LANG_COOKIE) ?? fromAcceptLanguage(c.req.header('accept-language'));

export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, clock, registry } = c.get('deps');
    let token = getCookie(c, SESSION_COOKIE);
    let { member, reads } = await memberForSession(db, token, clock(), registry.reads);
    // The time to act for someone is up (or they stopped): the acting member's own session, kept aside, comes back.
    const own = getCookie(c, OWN_SESSION_COOKIE);
    if (own && !member?.acting) {
      if (!member) {
        ({ member, reads } = await memberForSession(db, own, clock(), registry.reads));
        if (member) {
          token = own;
          setSessionCookie(c, own);
        }
      }
      deleteCookie(c, OWN_SESSION_COOKIE, { path: '/', secure: true });
    }
    c.set('sessionToken', token);
    c.set('member', member);
    c.set('reads', reads);
    const lang = pickLanguage(wantedLanguage(c));
    c.set('lang', lang);
    c.set('t', translator(lang, registry.catalogs));
    if (member?.acting && refusedWhileActing(c.req.method, c.req.path))
      throw errors.forbidden('acting_limit', 'error.actingLimit');
    await next();
  };
}
