// The network's agreements as they stand, for every page (null before founding).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { foundingState, networkAgreements, type NetworkAgreements } from './queries.ts';

declare module '../web/context.ts' {
  // Every request's network is the agreements in force (see web/context.ts).
  interface Network extends NetworkAgreements {}
}

export function loadNetwork(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.get('deps');
    const founded = (await foundingState(db)).founded;
    c.set('network', founded ? await networkAgreements(db) : null);
    await next();
  };
}
