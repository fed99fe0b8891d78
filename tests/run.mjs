// `npm test`: unit, system and integration tests on the embedded PostgreSQL server the app ships (the test clock on a
// fixed day; vitest's global setup starts it); then, side by side, a compatibility pass of the integration tests that
// lean on the engine or the calendar on the machine's own PostgreSQL server (the oldest we support) with the clock a
// month past the machine's date, and the browser journeys in Debian's Chromium. Under CI=true a missing PostgreSQL or
// Chromium is a failure; elsewhere it is skipped with a loud message.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinDir, startPostgres, which } from './support/postgres-server.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const extra = process.argv.slice(2);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let runs = 0;
const vitestArgs = (projects, report, files) => [
  'vitest',
  'run',
  ...files,
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
];
const count = (report) => {
  try {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  } catch {
    totals.failed += 1; // the run died before reporting
  }
};
/** One vitest run, its output shown as it goes; resolves to its exit status. */
const vitest = (projects, env = {}, files = []) => {
  const report = path.join(reports, `run-${++runs}.json`);
  const r = spawnSync('npx', vitestArgs(projects, report, files), {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  count(report);
  return r.status ?? 1;
};
/** One vitest run beside another: its output kept and shown whole when it ends, so the two do not interleave. */
const vitestAside = (title, projects, env = {}, files = []) =>
  new Promise((resolve) => {
    const report = path.join(reports, `run-${++runs}.json`);
    const child = spawn('npx', vitestArgs(projects, report, files), {
      env: { ...process.env, ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      console.log(`\n== ${title} ==`);
      process.stdout.write(Buffer.concat(out));
      count(report);
      resolve(code ?? 1);
    });
  });
const missing = (what) => {
  const text = `${what} was not found.`;
  if (ci) {
    console.error(`\nFAIL: ${text} CI must run every suite (.ci/run installs it).`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED: ${text} Install it to run that suite (see .ci/run). ***\n`);
};

// The compatibility pass: the integration tests that lean on the engine or the calendar, on the oldest PostgreSQL
// server Kropotkin supports through DATABASE_URL (Debian's 15), with the clock a month past the machine's date.
const COMPATIBILITY = [
  'backup',
  'checkin',
  'claims',
  'clock',
  'crash',
  'decisions',
  'events',
  'fund-concurrency',
  'journey',
  'limits',
  'lifecycle',
  'listening',
  'notification-subjects',
  'places',
  'promises',
  'request-statements',
  'retention',
  'rotas',
  'seizure',
  'things',
  'timebank',
  'buying',
  'calls',
].map((name) => `tests/integration/${name}.test.ts`);

let failed = 0;
console.log(
  '\n== unit, system and integration tests on the embedded PostgreSQL server (the test clock on a fixed day) ==',
);
failed += vitest(['unit', 'system', 'integration']) ? 1 : 0;

// The app and the database tell time by one clock (src/db/clock.ts). The compatibility pass runs with the clock a
// month past the machine's date, so a date that moves on breaks nothing (the main pass runs on a fixed day in the
// past, tests/integration/clock.test.ts in 2031: three offsets in every run). It runs beside the browser pass: the
// browser waits on Chromium and the compatibility pass on its server, so the two share the two cores well (ADR 014).
const bin = postgresBinDir();
if (!bin) missing('PostgreSQL (postgres and initdb)');
const chromium = process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser');
if (!chromium) missing('Chromium');
console.log(
  '\n== compatibility tests on the PostgreSQL server the machine has (the clock a month ahead) and browser tests in Chromium, side by side ==',
);
const aside = [];
let server;
if (bin) {
  server = await startPostgres(bin);
  // TEST_PG_DIR: the seizure drill scans the server's files.
  aside.push(
    vitestAside(
      'compatibility tests on the PostgreSQL server, the clock a month ahead',
      ['integration'],
      {
        TEST_ENGINE: 'postgresql',
        TEST_DATABASE_URL: server.url,
        TEST_PG_DIR: server.dir,
        TEST_CLOCK_AHEAD_DAYS: '31',
      },
      COMPATIBILITY,
    ),
  );
}
if (chromium) aside.push(vitestAside('browser tests in Chromium', ['browser'], { CHROMIUM_PATH: chromium }));
try {
  for (const status of await Promise.all(aside)) failed += status ? 1 : 0;
} finally {
  await server?.stop();
}

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failed) {
  console.error(`${failed} suite(s) failed.`);
  process.exit(1);
}
console.log('\nAll suites passed.');
