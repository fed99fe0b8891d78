// The embedded database must not lose a committed write to a power cut: every commit reaches a real fsync.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Db } from './connect.ts';
import { migrate } from './migrate.ts';
import { durableStartParams, fsyncStats } from './durable-fs.ts';

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-durable-'));
  db = await openDatabase({ dataDir: dir });
  await migrate(db);
}, 60_000);
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('durability of the embedded database', () => {
  it('starts Postgres without -F and with fsync as the WAL sync method', () => {
    const params = durableStartParams();
    expect(PGlite.defaultStartParams).toContain('-F');
    expect(params).not.toContain('-F');
    expect(params.join(' ')).toContain('wal_sync_method=fsync');
  });

  it('reaches a real fsync on every commit', async () => {
    for (let i = 0; i < 5; i++) {
      const before = fsyncStats.calls;
      await db.insertInto('members').values({ display_name: `m${i}`, language: 'en' }).execute();
      expect(fsyncStats.calls - before, `commit ${i}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps what was committed across a restart', async () => {
    await db.destroy();
    db = await openDatabase({ dataDir: dir });
    const rows = await db.selectFrom('members').select('display_name').execute();
    expect(rows.map((r) => r.display_name)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  }, 60_000);
});
