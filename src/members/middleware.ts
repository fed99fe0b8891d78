// Who is asking: the member whose session cookie this is (or nobody), and the language to answer in.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../web/context.ts';
import { LANG_COOKIE, SESSION_COOKIE } from '../web/middleware.ts';
import { fromAcceptLanguage, pickLanguage, translator } from '../web/i18n/index.ts';
import { memberForSession } from './sessions.ts';

/** The language this request asks for: the member's own, else the one chosen on the sign-in page, else the browser's. */
export const wantedLanguage = (c: Context<AppEnv>) =>
  c.get('member')?.language ?? getCookie(c, LANG_COOKIE) ?? fromAcceptLanguage(c.req.header('accept-language'));

export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, clock, registry } = c.get('deps');
    const token = getCookie(c, SESSION_COOKIE);
    c.set('sessionToken', token);
    const { member, reads } = await memberForSession(db, token, clock(), registry.reads);
    c.set('member', member);
    c.set('reads', reads);
    const lang = pickLanguage(wantedLanguage(c));
    c.set('lang', lang);
    c.set('t', translator(lang, registry.catalogs));
    await next();
  };
}
