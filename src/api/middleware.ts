// The JSON API's door: a request to /api/v1/ that carries `Authorization: Bearer <token>` is its member's (tokens.ts),
// in their language; a read-only token may only read. Without a token the API answers the signed-in member of a
// session, as the pages do (a same-origin script).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { AppError, errors } from '../web/errors.ts';
import { pickLanguage, translator } from '../web/i18n/index.ts';
import { memberForToken } from './tokens.ts';

export const API_BASE = '/api/v1';

export function bearerToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!c.req.path.startsWith(`${API_BASE}/`) || !header) return next();
    const [kind, sent] = header.split(/\s+/, 2);
    if (kind?.toLowerCase() !== 'bearer' || !sent) throw new AppError(401, 'bad_token', 'api.badToken');
    const found = await memberForToken(c.get('deps').db, sent);
    if (!found) throw new AppError(401, 'bad_token', 'api.badToken');
    c.set('member', found.member);
    const lang = pickLanguage(found.member.language);
    c.set('lang', lang);
    c.set('t', translator(lang, c.get('deps').registry.catalogs));
    if (found.scope === 'read' && c.req.method !== 'GET' && c.req.method !== 'HEAD')
      throw errors.forbidden('token_read_only', 'api.readOnly');
    await next();
  };
}
