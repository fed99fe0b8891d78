// The session cookie: __Host- prefixed, Secure, HttpOnly, SameSite=Lax, path /.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../web/middleware.ts';
import { SESSION_DAYS } from './sessions.ts';

/** A session's cookie; `name`: another, such as the acting member's own session kept aside (members/acting.ts). */
export function setSessionCookie(c: Context, token: string, name = SESSION_COOKIE) {
  setCookie(c, name, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
