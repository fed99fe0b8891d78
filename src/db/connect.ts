// Opens the database: embedded PGlite in the data directory by default, a PostgreSQL server when DATABASE_URL is set.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DurableNodeFS, durableStartParams } from './durable-fs.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { clockedDialect } from './clock.ts';
import { STATEMENT_LIMIT_MS } from './limits.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

export type DbTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

// Dates without a time stay plain strings ('2026-12-01'); parsing them as local midnight shifts days.
const DATE_OID = 1082;
const BYTEA_OID = 17;
// 64-bit integers (money in minor units, counts) as numbers on both engines: the app caps amounts far below 2^53.
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, Number);

/** `clock` is the app's: the database's defaults and triggers tell time by it (src/db/clock.ts). */
export async function openDatabase(
  target: DbTarget,
  clock: () => Date = () => new Date(),
  opts: { statementLimitMs?: number } = {},
): Promise<Db> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 3000,
      // Every statement is time-bounded (maintenance lifts it: limits.ts); a transaction left idle is ended.
      statement_timeout: opts.statementLimitMs ?? STATEMENT_LIMIT_MS,
      idle_in_transaction_session_timeout: 4 * (opts.statementLimitMs ?? STATEMENT_LIMIT_MS),
    });
    // A dropped connection must not crash the process; the next query gets a fresh one. An idle client's error reaches
    // the pool; a checked-out client's (the server shutting down mid-query) reaches the query, and the client's own
    // 'error' event needs a listener too, or Node treats it as uncaught.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<Database>({ dialect: clockedDialect(new PostgresDialect({ pool }), clock) });
  }
  // bytea as Buffer, as node-postgres gives it, so both engines hand the app the same types.
  const parsers = {
    [DATE_OID]: (v: string) => v,
    [BYTEA_OID]: (v: string) => Buffer.from(v.slice(2), 'hex'),
    [INT8_OID]: Number,
  };
  let pglite: PGlite;
  if ('memory' in target) {
    pglite = await PGlite.create({ parsers });
  } else {
    fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 });
    const open = () =>
      PGlite.create({ fs: new DurableNodeFS(target.dataDir), startParams: durableStartParams(), parsers });
    if (!fs.existsSync(`${target.dataDir}/PG_VERSION`)) {
      // Creating the data directory takes several hundred MB that the running instance would keep: create it, close,
      // and open it again, so a server started on a new directory is as small as one started on an existing one.
      await (await open()).close();
    }
    pglite = await open();
  }
  return new Kysely<Database>({ dialect: clockedDialect(new PGliteDialect(pglite), clock) });
}
