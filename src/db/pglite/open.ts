// Opens an earlier Kropotkin's PGlite data directory, for `kropotkin upgrade-database` only (db/upgrade.ts).
// PGlite is imported here alone, when an upgrade runs, so a running server never loads its WebAssembly.
import fs from 'node:fs';
import { Kysely } from 'kysely';
import type { Database } from '../types.ts';
import type { Db } from '../connect.ts';

const DATE_OID = 1082;
const BYTEA_OID = 17;
const INT8_OID = 20;

/** `create` makes a new one (the tests make an old directory to upgrade). */
export async function openPglite(dataDir: string, opts: { create?: boolean } = {}): Promise<Db> {
  if (!opts.create && !fs.existsSync(`${dataDir}/PG_VERSION`)) throw new Error(`${dataDir} holds no PGlite database.`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { PGlite } = await import('@electric-sql/pglite');
  const { DurableNodeFS, durableStartParams } = await import('./durable-fs.ts');
  const { PGliteDialect } = await import('./dialect.ts');
  // bytea as Buffer, as node-postgres gives it, so the copy reads the same types as the server does.
  const parsers = {
    [DATE_OID]: (v: string) => v,
    [BYTEA_OID]: (v: string) => Buffer.from(v.slice(2), 'hex'),
    [INT8_OID]: Number,
  };
  const pglite = await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: durableStartParams(), parsers });
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
