// Finding and starting a throwaway PostgreSQL server: used by `npm test` (tests/run.mjs) and `npm run bench`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function postgresBinDir() {
  const onPath = which('postgres');
  if (onPath) return path.dirname(fs.realpathSync(onPath));
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (fs.existsSync(path.join(base, v, 'bin/postgres'))) return path.join(base, v, 'bin');
  return null;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** A throwaway PostgreSQL server on 127.0.0.1 in a temp dir; fsync off unless asked (tests need no durability). */
export async function startPostgres(bin, { fsync = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-pg-'));
  // PostgreSQL refuses to run as root: run it as the postgres user, directly, so signals reach it.
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      }
    : {};
  if (asRoot) fs.chownSync(dir, ids.uid, ids.gid);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      stdio: 'ignore',
      cwd: dir,
      ...ids,
    },
  );
  const port = await freePort();
  const cmd = path.join(bin, 'postgres');
  const args = [
    '-D',
    path.join(dir, 'data'),
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `fsync=${fsync ? 'on' : 'off'}`,
    '-c',
    'max_connections=200',
    '-c',
    'wal_recycle=off', // as docs/HOSTING.md advises
  ];
  // The server's log goes straight to a file (as a host would keep it), never through a pipe: `npm test` runs vitest
  // with spawnSync, so nothing would drain a pipe, and a server whose stderr pipe is full stops answering.
  const logPath = path.join(dir, 'postgres.log');
  const logFd = fs.openSync(logPath, 'a', 0o644);
  const log = () => fs.readFileSync(logPath, 'utf8');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pg = (await import('pg')).default;
  let child;
  const launch = async () => {
    child = spawn(cmd, args, { stdio: ['ignore', 'ignore', logFd], cwd: dir, ...ids });
    for (let i = 0; i < 100; i++) {
      const c = new pg.Client({ connectionString: url });
      try {
        await c.connect();
        await c.end();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    child.kill('SIGKILL');
    throw new Error(`PostgreSQL did not start:\n${log()}`);
  };
  /** Stops the server (fast shutdown: clients are disconnected), keeping its data for `resume`. */
  const halt = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGINT');
      });
    }
  };
  await launch();
  const stop = async () => {
    await halt();
    fs.closeSync(logFd);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, dir, stop, halt, resume: launch };
}
