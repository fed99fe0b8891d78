// `npm test`: unit and integration tests on PGlite, the integration tests again on a throwaway PostgreSQL server,
// then the browser journeys in Debian's Chromium. Under CI=true a missing PostgreSQL or Chromium is a failure;
// elsewhere it is skipped with a loud message.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const extra = process.argv.slice(2);
const vitest = (projects, env = {}) => {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};
const missing = (what) => {
  const text = `${what} was not found.`;
  if (ci) {
    console.error(`\nFAIL: ${text} CI must run every suite (.ci/run installs it).`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED: ${text} Install it to run that suite (see .ci/run). ***\n`);
};

function which(cmd) {
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

async function startPostgres(bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args, opts = {}) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args], opts] : [cmd, args, opts];
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  execFileSync(...run(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { stdio: 'ignore' }));
  const port = await freePort();
  const [cmd, args] = run(path.join(bin, 'postgres'), [
    '-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'max_connections=200',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pg = (await import('pg')).default;
  for (let i = 0; i < 100; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return { url, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGINT'); }).then(() => fs.rmSync(dir, { recursive: true, force: true })) };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`PostgreSQL did not start:\n${log}`);
}

let failed = 0;
console.log('\n== unit and integration tests on PGlite ==');
failed += vitest(['unit', 'integration']) ? 1 : 0;

console.log('\n== integration tests on PostgreSQL ==');
const bin = postgresBinDir();
if (!bin) missing('PostgreSQL (postgres and initdb)');
else {
  const server = await startPostgres(bin);
  try {
    failed += vitest(['integration'], { TEST_DATABASE_URL: server.url }) ? 1 : 0;
  } finally {
    await server.stop();
  }
}

console.log('\n== browser tests in Chromium ==');
const chromium = process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser');
if (!chromium) missing('Chromium');
else failed += vitest(['browser'], { CHROMIUM_PATH: chromium }) ? 1 : 0;

if (failed) {
  console.error(`\n${failed} suite(s) failed.`);
  process.exit(1);
}
console.log('\nAll suites passed.');
