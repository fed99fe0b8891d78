// A fresh database for one test file: PGlite in memory, or a new database on the PostgreSQL server named by
// TEST_DATABASE_URL (set by tests/run.mjs, which starts a throwaway server).
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';

export const engine = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

export async function freshDatabase(
  dataDir?: string,
  clock?: () => Date,
  opts: { upTo?: string } = {},
): Promise<{ db: Db; url?: string; close: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const db = await openDatabase(dataDir ? { dataDir } : { memory: true }, clock);
    await migrate(db, opts);
    return { db, close: () => db.destroy() };
  }
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
