// The network's agreements as they stand, for every page (null before founding). Each domain adds its fields to
// web/context.ts's Network and says how its agreement fills them (web/agreement.ts).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { foundingState, networkAgreements } from './queries.ts';

export function loadNetwork(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, registry } = c.get('deps');
    const founded = (await foundingState(db)).founded;
    c.set('network', founded ? await networkAgreements(db, registry) : null);
    await next();
  };
}
