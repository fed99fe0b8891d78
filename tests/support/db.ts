// A fresh database for one test file: a new database on the run's server (TEST_DATABASE_URL: the embedded server
// tests/support/global-db.ts starts, or the PostgreSQL server tests/run.mjs's compatibility pass names), or, given a
// data directory, the app's own embedded server started there (as `npm start` would).
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import type { EmbeddedOptions } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';

/** `embedded`: the default engine the app ships; `postgresql`: a host's own server through DATABASE_URL. */
export const engine: 'embedded' | 'postgresql' = process.env.TEST_ENGINE === 'postgresql' ? 'postgresql' : 'embedded';

export async function freshDatabase(
  dataDir?: string,
  clock?: () => Date,
  opts: { upTo?: string; embedded?: EmbeddedOptions } = {},
): Promise<{ db: Db; url?: string; close: () => Promise<void> }> {
  if (dataDir) {
    const db = await openDatabase({ dataDir, embedded: opts.embedded }, clock);
    await migrate(db, opts);
    return { db, close: () => db.destroy() };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set: run the tests through vitest (its global setup sets it).');
  const name = `k_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() }, clock);
  await migrate(db, opts);
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
