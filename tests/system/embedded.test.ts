// The embedded server's life, as a host's machine sees it: who it runs as and how it is reached; that it never
// outlives Kropotkin (the guard stops it when Node is killed outright, and a server left running anyway is stopped at
// the next start) while keeping every acknowledged write; and that an earlier Kropotkin's PGlite directory is refused
// with the command that moves it, which then moves every row.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { layout, OldEngineError, startedAt, stillThere } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite/open.ts';
import { ASIDE, upgradeDatabase } from '../../src/backup/upgrade.ts';
import { tempDir } from '../support/disk.ts';

const require = createRequire(import.meta.url);
const root = tempDir('kropotkin-embedded-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
const postmasterPid = (dataDir: string) =>
  Number(fs.readFileSync(path.join(layout(dataDir).pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
async function until(check: () => boolean, ms: number) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** A Node process that opens the embedded database, writes `rows` rows (saying "ack i" after each), then waits. */
function writer(dataDir: string, rows: number) {
  const code = `
    const { openDatabase } = await import(${JSON.stringify(path.resolve('src/db/connect.ts'))});
    const { sql } = await import('kysely');
    const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
    await sql\`create table if not exists t (i int primary key)\`.execute(db);
    for (let i = 0; i < ${rows}; i++) { await sql\`insert into t values (\${i})\`.execute(db); console.log('ack ' + i); }
    console.log('done');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', require.resolve('tsx'), '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return { child, out: () => out };
}

describe('the embedded server', () => {
  it('listens on no TCP port, only on a socket in a folder of its own, with a generated password', async () => {
    const dataDir = path.join(root, 'layout');
    const db = await openDatabase({ dataDir });
    try {
      const show = async (name: string) =>
        (await sql<Record<string, string>>`${sql.raw(`show ${name}`)}`.execute(db)).rows[0]![name];
      expect(await show('listen_addresses')).toBe('');
      expect(await show('password_encryption')).toBe('scram-sha-256');
      const where = layout(dataDir);
      expect(fs.statSync(where.run).mode & 0o777).toBe(0o700);
      expect(fs.statSync(where.pgdata).mode & 0o777).toBe(0o700);
      expect(fs.statSync(where.password).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(where.password, 'utf8').trim()).toMatch(/^[\w-]{32}$/);
      const hba = fs.readFileSync(path.join(where.pgdata, 'pg_hba.conf'), 'utf8');
      expect(hba.split('\n').filter((l) => /^(local|host)/.test(l) && !/scram-sha-256/.test(l))).toEqual([]);
      if (process.getuid?.() === 0) {
        // Run as root, the server runs as an unprivileged user of its own, which owns only its two folders.
        const owner = fs.statSync(where.pgdata).uid;
        expect(owner).not.toBe(0);
        expect(fs.statSync(path.join('/proc', String(postmasterPid(dataDir)))).uid).toBe(owner);
        expect(fs.statSync(where.password).uid).toBe(0);
      }
    } finally {
      await db.destroy();
    }
  });

  it('stops when Node is killed outright (SIGKILL), keeping every acknowledged write', async () => {
    const dataDir = path.join(root, 'killed');
    const w = writer(dataDir, 30);
    expect(await until(() => w.out().includes('done') || w.child.exitCode !== null, 60_000), w.out()).toBe(true);
    const pid = postmasterPid(dataDir);
    expect(alive(pid)).toBe(true);
    w.child.kill('SIGKILL');
    expect(await until(() => !alive(pid), 20_000), 'the server outlived Node').toBe(true);
    const db = await openDatabase({ dataDir });
    try {
      const n = (await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)).rows[0]!.n;
      expect(n).toBe(30);
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('stops a server left running by a crash at the next start (even with its guard gone), then starts', async () => {
    const dataDir = path.join(root, 'orphan');
    const w = writer(dataDir, 3);
    expect(await until(() => w.out().includes('done') || w.child.exitCode !== null, 60_000), w.out()).toBe(true);
    const pid = postmasterPid(dataDir);
    // Take the guard away first (as if the whole process group but the server had been killed), then Node. The guard
    // is Node's child shell; its children are the server and the shell that reads Node's pipe (which would stop the
    // server when Node goes). Found by parentage, not by name: the reader first, then the guard.
    const children = (parent: number) =>
      spawnSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' })
        .stdout.split('\n')
        .map(Number)
        .filter(Boolean);
    const isShell = (p: number) => {
      try {
        return fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'sh';
      } catch {
        return false;
      }
    };
    const guards = children(w.child.pid!).filter((g) => g !== pid && isShell(g));
    expect(guards.length).toBeGreaterThan(0);
    const readers = guards.flatMap((g) => children(g)).filter((r) => r !== pid && isShell(r));
    expect(readers.length).toBeGreaterThan(0);
    for (const r of readers) process.kill(r, 'SIGKILL');
    for (const g of guards) process.kill(g, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
    w.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(pid), 'the orphan should still be running for this test').toBe(true);
    const born = startedAt(pid);
    const logs: string[] = [];
    const db = await openDatabase({ dataDir, embedded: { log: (l) => void logs.push(l) } });
    try {
      // Gone: its process id is free, or (on a busy machine whose ids wrap) now another process's, born since.
      // If it fails: what /proc says of that id now, to tell a late zombie from a server that never stopped.
      const now = (() => {
        try {
          return fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        } catch {
          return 'no such process';
        }
      })();
      expect(stillThere(pid, born), `process ${pid} (born ${born}): ${now}`).toBe(false);
      // If it fails: how the server's own log says it ended (a fast shutdown asked by a guard left alive, or else).
      const serverLog = (() => {
        try {
          return fs.readFileSync(layout(dataDir).log, 'utf8').split('\n').slice(-15).join('\n');
        } catch {
          return 'no server log';
        }
      })();
      expect(logs.join('\n'), serverLog).toMatch(
        new RegExp(`left running by an earlier Kropotkin \\(process ${pid}\\)`),
      );
      expect((await sql<{ n: number }>`select count(*)::int as n from t`.execute(db)).rows[0]!.n).toBe(3);
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it("refuses an earlier Kropotkin's PGlite directory, naming the command; the command moves every row", async () => {
    const dataDir = path.join(root, 'old');
    const old = await openPglite(dataDir, { create: true });
    await migrate(old);
    await old
      .insertInto('members')
      .values([
        { display_name: 'Ada', language: 'en' },
        { display_name: 'Berta', language: 'es' },
      ])
      .execute();
    await old.destroy();
    const before = fs.readdirSync(dataDir).sort();

    const refused = await openDatabase({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(OldEngineError);
    expect((refused as Error).message).toContain('npx kropotkin upgrade-database');
    expect(fs.readdirSync(dataDir).sort()).toEqual(before); // nothing changed

    const summary = await upgradeDatabase(dataDir, Buffer.alloc(32, 7), new Date(), () => {});
    expect(summary.rows.members).toBe(2);
    expect(fs.existsSync(path.join(dataDir, ASIDE, 'PG_VERSION'))).toBe(true);
    const db = await openDatabase({ dataDir });
    try {
      const names = await db.selectFrom('members').select('display_name').orderBy('display_name').execute();
      expect(names.map((r) => r.display_name)).toEqual(['Ada', 'Berta']);
    } finally {
      await db.destroy();
    }
    // Run again, there is nothing to upgrade, and it says so.
    await expect(upgradeDatabase(dataDir, Buffer.alloc(32, 7), new Date(), () => {})).rejects.toThrow(
      /nothing to upgrade/,
    );
  }, 120_000);
});
