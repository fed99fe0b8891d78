// What the benchmarks share: text that reads like real posts, a Kropotkin server as its own process, and reading a
// process's memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { layout } from '../src/db/embedded.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A seeded random source (mulberry32), so runs compare. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WANT = [
  'groceries',
  'a ride',
  'hot meals',
  'diapers',
  'baby formula',
  'a winter coat',
  'help moving boxes',
  'insulin pickup',
  'a phone charger',
  'school supplies',
  'cleaning supplies',
  'bottled water',
  'a warm blanket',
  'dog food',
  'bus fare',
  'a space heater',
  'medicine from the pharmacy',
  'childcare for two hours',
  'a translator at the clinic',
  'help with a form',
];
const FOR = [
  'for my family',
  'for my neighbour',
  'for two kids',
  'for an older friend',
  'for the weekend',
  'this week',
  'after the storm',
  'before Friday',
  'for my mother',
  'tonight',
];
const NEAR = [
  'near the library',
  'by the bus depot',
  'on the hill',
  'near the school',
  'by the market',
  'close to the park',
  'near the clinic',
  'by the river',
];

/** A post's text: plain words from a vocabulary of some fifty, as members write them. */
export function postText(r: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return `${pick(WANT)} ${pick(FOR)} ${pick(NEAR)}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type ServerProcess = {
  child: ChildProcess;
  base: string;
  origin: string;
  foundingToken: string | null;
  startedMs: number;
  stop: () => Promise<void>;
};

/**
 * Starts `kropotkin start` as its own process on the embedded database in dataDir, on 127.0.0.1, and waits until it
 * answers a page. startedMs is the time from spawning to that first answer.
 */
/** The flags `npm start` gives Node (package.json's start script), so the bench measures what members run. */
export function startNodeArgs(): string[] {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts;
  const m = scripts.start.match(/^node ((?:--\S+ )*)bin\/kropotkin\.js start$/);
  if (!m)
    throw new Error(`package.json's start script is not "node [--flags] bin/kropotkin.js start": ${scripts.start}`);
  return m[1]!.split(' ').filter(Boolean);
}

export async function startServerProcess(
  dataDir: string,
  keyFile: string,
  opts: { nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  // What `npm start` runs: the compiled JavaScript, built beforehand so the start's time is the start's alone.
  const built = spawnSync(process.execPath, [path.join(ROOT, 'bin/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building dist/ failed');
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [...startNodeArgs(), ...(opts.nodeArgs ?? []), path.join(ROOT, 'bin/kropotkin.js'), 'start'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: origin,
        KROPOTKIN_DATA_DIR: dataDir,
        KROPOTKIN_KEY_FILE: keyFile,
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${out}`);
    try {
      const res = await fetch(`${base}/`, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 60_000) throw new Error(`the server did not answer within a minute:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const startedMs = performance.now() - t0;
  const token = out.match(/\/found\?token=([\w-]+)/)?.[1] ?? null;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, base, origin, foundingToken: token, startedMs, stop };
}

export const AREAS = ['Eastside', 'Riverside', 'Old Town', 'Hillcrest'];
export const CATEGORIES = ['groceries', 'meals', 'rides', 'medical', 'supplies', 'childcare'];

/** A need or offer as the post form sends it. */
export function postForm(r: () => number, kind: 'need' | 'offer') {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return {
    kind,
    what: postText(r),
    category: pick(CATEGORIES),
    area: pick(AREAS),
    urgency: pick(['urgent', 'soon', 'whenever']),
    confirm_duplicate: 'yes',
  };
}

/** The process and all its descendants (the embedded database server and its workers), from /proc. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of parents.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/**
 * Proportional set size summed over a process and its descendants, in MB: what the server really costs the machine
 * (shared pages counted once, split among the processes that share them), the figure ADR 020's targets use.
 */
export function pssTreeMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)\s+kB/m)?.[1] ?? 0);
    } catch {
      /* gone meanwhile */
    }
  }
  return kb / 1024;
}

/**
 * ANALYZE on a running server's embedded database (through its socket, with its password): the planner's statistics
 * as autovacuum keeps them on a network that grew over weeks. It analyses a table within a minute of it growing by a
 * tenth; a bench seeds thousands of rows in seconds and measures at once.
 */
export async function analyzeEmbedded(dataDir: string): Promise<void> {
  const where = layout(dataDir);
  const client = new pg.Client({
    host: where.run,
    user: 'kropotkin',
    database: 'kropotkin',
    password: fs.readFileSync(where.password, 'utf8').trim(),
  });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
