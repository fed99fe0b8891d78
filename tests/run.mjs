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
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let runs = 0;
const vitest = (projects, env = {}) => {
  const report = path.join(reports, `run-${++runs}.json`);
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra];
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  try {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  } catch {
    totals.failed += 1; // the run died before reporting
  }
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
  // PostgreSQL refuses to run as root: run it as the postgres user, directly, so signals reach it.
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) }
    : {};
  if (asRoot) fs.chownSync(dir, ids.uid, ids.gid);
  execFileSync(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
    stdio: 'ignore',
    cwd: dir,
    ...ids,
  });
  const port = await freePort();
  const cmd = path.join(bin, 'postgres');
  const args = [
    '-D', path.join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'max_connections=200',
  ];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...ids });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pg = (await import('pg')).default;
  for (let i = 0; i < 100; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      const stop = async () => {
        if (child.exitCode === null) {
          await new Promise((r) => {
            child.once('exit', r);
            child.kill('SIGINT'); // fast shutdown
          });
        }
        fs.rmSync(dir, { recursive: true, force: true });
      };
      return { url, stop };
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

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failed) {
  console.error(`${failed} suite(s) failed.`);
  process.exit(1);
}
console.log('\nAll suites passed.');
