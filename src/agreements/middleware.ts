// The network's agreements as they stand, for every page (null before founding). Each domain adds its fields to
// web/context.ts's Network and says how its agreement fills them (web/agreement.ts).
// Only decisions (and the founding) change them, so each process keeps them between requests: every request reads
// the network's version with its session (one statement for both, members/middleware.ts), and the agreements are read
// again only when the version moved — whichever process changed them (the server's jobs, the CLI, another server).
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { AppEnv, Network } from '../web/context.ts';
import type { RequestRead, Registry } from '../web/domain.ts';
import { foundingState, networkAgreements } from './queries.ts';
import { own } from '../web/lookup.ts';
import { withWords } from '../web/i18n/index.ts';

/** network_state.version: moved by the transaction that changes an agreement or the founding (migration 016). */
export const networkVersion: RequestRead = {
  name: 'network_version',
  select: () => sql<string | null>`(select version::text from network_state)`,
};

type Kept = { version: string; network: Network | null };
const kept = new WeakMap<Db, Kept>();

/** Frozen: one object serves every request until the version moves, so nothing may change it on the way. */
function frozen(network: Network): Network {
  for (const value of Object.values(network)) if (value && typeof value === 'object') Object.freeze(value);
  return Object.freeze(network);
}

/** The network as of `version` (read when it is not the one kept; never kept without a version). */
export async function networkAt(db: Db, registry: Registry, version: string | null): Promise<Network | null> {
  const known = kept.get(db);
  if (version !== null && known?.version === version) return known.network;
  const founded = (await foundingState(db)).founded;
  const network = founded ? frozen(await networkAgreements(db, registry)) : null;
  // Read after the version: what is kept is at least as new as its label (a change in between only reads again).
  if (version !== null) kept.set(db, { version, network });
  return network;
}

/** The network as it stands now, outside a request (scheduled work: Deps.network). */
export async function networkNow(db: Db, registry: Registry): Promise<Network | null> {
  return networkAt(db, registry, await versionNow(db));
}

/** The network's version read on its own (when the request's one statement did not read it). */
const versionNow = async (db: Db) =>
  (await sql<{ v: string | null }>`select ${networkVersion.select(sql.lit(null))} as v`.execute(db)).rows[0]?.v ?? null;

export function loadNetwork(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, registry } = c.get('deps');
    const reads = c.get('reads');
    const version = reads.has(networkVersion.name)
      ? (reads.get(networkVersion.name) as string | null)
      : await versionNow(db);
    const network = await networkAt(db, registry, version);
    c.set('network', network);
    // What the members named in their agreements reads in this language on every page (a kind of help added by
    // decision: categoryLabel asks the translator).
    if (network) c.set('t', withWords(c.get('t'), own(network.words, c.get('lang'))));
    await next();
  };
}
