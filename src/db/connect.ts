// Opens the database: the embedded PostgreSQL server in the data directory by default (src/db/embedded.ts, ADR 020),
// any PostgreSQL server when DATABASE_URL is set. Both are the same engine, reached through the same pool.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { clockedDialect } from './clock.ts';
import { startEmbedded, type EmbeddedOptions } from './embedded.ts';
import { STATEMENT_LIMIT_MS } from './limits.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

export type DbTarget = { databaseUrl: string } | { dataDir: string; embedded?: EmbeddedOptions };

// Dates without a time stay plain strings ('2026-12-01'); parsing them as local midnight shifts days.
const DATE_OID = 1082;
// 64-bit integers (money in minor units, counts) as numbers: the app caps amounts far below 2^53.
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, Number);

/** The connections one process keeps open: enough for requests, jobs and a backup at once on a small machine. */
export const POOL_SIZE = 10;

/** `clock` is the app's: the database's defaults and triggers tell time by it (src/db/clock.ts). */
export async function openDatabase(
  target: DbTarget,
  clock: () => Date = () => new Date(),
  opts: { statementLimitMs?: number; poolSize?: number } = {},
): Promise<Db> {
  const embedded = 'dataDir' in target ? await startEmbedded(target.dataDir, target.embedded) : null;
  const limit = opts.statementLimitMs ?? STATEMENT_LIMIT_MS;
  const pool = new pg.Pool({
    ...(embedded ? embedded.connection : { connectionString: (target as { databaseUrl: string }).databaseUrl }),
    max: opts.poolSize ?? POOL_SIZE,
    // Two connections stay open when the network is quiet (a page runs up to two statements at once): a new one costs a
    // process, the password exchange and cold catalogue caches, 40–70 ms, and a burst after a quiet spell would pay it
    // on every connection at once. The rest close after 10 s idle.
    min: Math.min(2, opts.poolSize ?? POOL_SIZE),
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 3000,
    // Every statement is time-bounded (maintenance lifts it: limits.ts); a transaction left idle is ended.
    statement_timeout: limit,
    idle_in_transaction_session_timeout: 4 * limit,
  });
  // A dropped connection must not crash the process; the next query gets a fresh one. An idle client's error reaches
  // the pool; a checked-out client's (the server shutting down mid-query) reaches the query, and the client's own
  // 'error' event needs a listener too, or Node treats it as uncaught.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({
    dialect: clockedDialect(new PostgresDialect({ pool }), clock, async () => {
      await embedded?.stop();
    }),
  });
}
