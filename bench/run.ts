// `npm run bench [-- --quick]`: every figure of BENCHMARKS.md, measured side by side in one run on this machine.
// Writes bench/results/latest.json (a list of { name, value, unit, target, better }), a dated copy with the details
// and the machine, and (full runs) the results table in BENCHMARKS.md. --quick runs each at a small size (< 2 min).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { greedyDispatch, proposeDispatch } from '../src/dispatch/optimise.ts';
import { generate, PRESETS } from './surge/generate.ts';
import { readScenario } from './surge/scenario.ts';
import { surgeFigures } from './surge/simulate.ts';
import { writePath } from './write-path.ts';
import { matchingBench } from './matching.ts';
import { themesBench } from './themes.ts';
import { buyingBench } from './buying.ts';
import { movingBench } from './moving.ts';
import { directoryBench } from './directory.ts';
import { boardUnderLoad, helloUnderLoad, joinMembers, kropotkinUnderLoad } from './load.ts';
import { foundInContext, measurePages } from './pages.ts';
import { analyzeEmbedded, postForm, prng, pssTreeMb, startServerProcess } from './support.ts';
import { tempDir } from '../tests/support/disk.ts';
import { postgresBinDir, startPostgres, which } from '../tests/support/postgres-server.mjs';

const quick = process.argv.includes('--quick');
const ROOT = path.resolve(import.meta.dirname, '..');
type Figure = { name: string; value: number; unit: string; target: number; better: 'higher' | 'lower' };
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const add = (name: string, value: number, unit: string, target: number, better: 'higher' | 'lower') =>
  figures.push({ name, value: round(value, 3), unit, target, better });
const say = (s: string) => console.error(`[bench] ${s}`);

// 1. Surge simulation: each preset, Kropotkin's optimiser against the offline upper bound and greedy.
for (const preset of PRESETS) {
  say(`surge: ${preset}`);
  const scenario = quick
    ? generate(preset, { scale: 0.1 })
    : readScenario(path.join(ROOT, 'bench/scenarios', `${preset}.json`));
  const f = surgeFigures(scenario, proposeDispatch, greedyDispatch);
  details[`surge_${preset}`] = f;
  const key = preset.replace(/-/g, '_');
  add(`surge_${key}_met_vs_upper_bound`, f.metVsUpperBound, 'ratio', 0.95, 'higher');
  add(`surge_${key}_met_vs_greedy`, f.greedyMet ? f.met / f.greedyMet : 1, 'ratio', 1, 'higher');
  add(`surge_${key}_median_minutes_to_match`, f.medianMinutesToMatch, 'min', 30, 'lower');
  add(`surge_${key}_p90_minutes_to_match`, f.p90MinutesToMatch, 'min', 120, 'lower');
  add(`surge_${key}_worst_area_vs_best`, f.worstAreaVsBest, 'ratio', 0.8, 'higher');
  add(`surge_${key}_cpu_ms_per_round`, f.cpuMsPerRound, 'ms', 1000, 'lower');
}

// 1b. Matching: precision and recall of the first suggestions on a fixed set in two languages (bench/matching.ts),
// with the synonyms against the typed words alone, in one run.
say('matching: precision and recall of the first suggestions');
const matching = await matchingBench();
details.matching = matching;
add('matching_recall_at_3', matching.full.recall, 'share of needs answered', 0.85, 'higher');
add('matching_precision_at_3', matching.full.precision, 'share of suggestions that answer', 0.5, 'higher');
add('matching_recall_vs_typed_words', matching.full.recall / (matching.plain.recall || 1), 'ratio', 1, 'higher');
add(
  'matching_precision_vs_typed_words',
  matching.full.precision / (matching.plain.precision || 1),
  'ratio',
  1,
  'higher',
);

// 1c. Themes suggested from open answers (issue 19): 2,000 generated answers in two languages (bench/themes.ts).
say('listening: themes from 2,000 open answers');
const themes = themesBench(2000);
details.themes = themes;
add('themes_ms_for_2000_answers', themes.ms, 'ms', 3000, 'lower');
add('themes_purity', themes.purity, 'share of answers in their true theme', 0.85, 'higher');
add('themes_stability_with_10pct_more', themes.stability, 'share of answers keeping their theme', 0.8, 'higher');

// 1d. Buying together (issue 20): an order of 60 members × 40 items computed, and closed in the embedded database.
say('buying together: an order of 60 members × 40 items');
const buyingFigures = await buyingBench(quick ? 3 : 7);
details.buying = buyingFigures;
add('order_60x40_compute_ms', buyingFigures.computeMs, 'ms', 1000, 'lower');
add('order_60x40_close_in_database_ms', buyingFigures.closeMs, 'ms', 1000, 'lower');
add(
  'order_60x40_compute_vs_first_come',
  buyingFigures.computeMs / Math.max(buyingFigures.firstComeMs, 0.001),
  'ratio',
  1000,
  'lower',
);
add('order_60x40_payers_sum_to_invoice', buyingFigures.payersSumToInvoice ? 1 : 0, 'yes (1) or no (0)', 1, 'higher');

// 1e. Moving in (issue 22): a 2,000-row form export previewed (read, sealed, every row's dry run) as CSV and .xlsx,
// and the approved import carried out in one transaction against a bare insert of the same rows.
say('moving in: a 2,000-row sheet previewed and imported');
const moving = await movingBench(quick ? 500 : 2000, quick ? 1 : 3);
details.moving = moving;
add(`import_preview_${moving.rows}_rows_csv_ms`, moving.csvPreviewMs, 'ms', 10_000, 'lower');
add(`import_preview_${moving.rows}_rows_xlsx_ms`, moving.xlsxPreviewMs, 'ms', 10_000, 'lower');
add(
  `import_${moving.rows}_rows_vs_bare_insert`,
  moving.carryOutMs / Math.max(moving.bareInsertMs, 0.001),
  'ratio',
  20,
  'lower',
);

// 1f. The directory of networks (issue 22): its map drawn on the server, per search, against the list alone.
say('the directory: its map drawn per search');
const directory = await directoryBench(quick ? 1 : 3);
details.directory = directory;
add('directory_first_map_kb', directory.firstMapBytes / 1000, 'KB', 80, 'lower');
add('directory_search_with_map_ms', directory.searchWithMapMs, 'ms', 200, 'lower');
add(
  'directory_search_with_map_vs_list_only',
  directory.searchWithMapMs / Math.max(directory.searchListOnlyMs, 0.001),
  'ratio',
  1000,
  'lower',
);

// 2. Write path on both engines: the embedded server (the default) and a PostgreSQL server through DATABASE_URL.
const wpSize = quick ? { background: 300, requests: 60 } : { background: 2000, requests: 400 };
say('write path: embedded database');
const wpEmbedded = await writePath(wpSize);
details.write_path_embedded = wpEmbedded;
add('write_path_vs_bare_insert_embedded', wpEmbedded.ratio, 'ratio of requests/s', 0.4, 'higher');
// What durability costs: one committed, fsynced insert on the embedded database (every commit reaches the disk).
add('durable_commit_ms_embedded', 1000 / wpEmbedded.bareInsertPerSec, 'ms per committed insert', 20, 'lower');
const pgBin = postgresBinDir();
if (pgBin) {
  say('write path: PostgreSQL (a throwaway server, fsync on)');
  const server = await startPostgres(pgBin, { fsync: true });
  try {
    const wpPg = await writePath({ ...wpSize, databaseUrl: server.url });
    details.write_path_postgresql = wpPg;
    add('write_path_vs_bare_insert_postgresql', wpPg.ratio, 'ratio of requests/s', 0.4, 'higher');
  } finally {
    await server.stop();
  }
} else say('PostgreSQL not found: its write path is not measured (see .ci/run to install it)');

// 3–5. The server as its own process: pages, memory, load, and start-up on an existing data directory.
const dir = tempDir('kropotkin-bench-server-');
const dataDir = path.join(dir, 'data');
const keyFile = path.join(dir, 'key');
const chromiumPath = process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser');
if (!chromiumPath) throw new Error('Chromium was not found (apt-get install -y chromium)');
let server = await startServerProcess(dataDir, keyFile);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  // Found the network in the browser (so it holds the session), and seed open needs and offers.
  const context = await browser.newContext({ baseURL: server.origin });
  const cookie = await foundInContext(context, server.origin, server.foundingToken!);
  // Many members, as in a real network: each member's posts stay within the daily limit (20 by default).
  const members = await joinMembers(server, dataDir, quick ? 20 : 250);
  const r = prng(5);
  const seeded = quick ? 100 : 600;
  let postPath = '';
  for (let i = 0; i < seeded; i++) {
    const res = await fetch(`${server.base}/posts`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: server.origin,
        cookie: members[i % members.length]!,
      },
      body: new URLSearchParams(postForm(r, i % 2 ? 'offer' : 'need')),
    });
    if (res.status !== 303) throw new Error(`seeding answered ${res.status}`);
    postPath = new URL(res.headers.get('location')!, server.origin).pathname;
  }
  await analyzeEmbedded(dataDir);
  say('pages on a cheap phone');
  const pages = await measurePages(context, server.origin, [
    '/board',
    '/posts/new?kind=need',
    postPath,
    '/me',
    '/notifications',
    '/decisions',
    '/fund',
    '/mutuality',
  ]);
  details.pages = pages;
  add(
    'page_gzip_kb_max',
    Math.max(...pages.map((p) => p.gzipBytes)) / 1024,
    'KB (gzip, page and all it loads)',
    25,
    'lower',
  );
  add('page_lcp_ms_max', Math.max(...pages.map((p) => p.lcpMs)), 'ms (Slow 4G, CPU ÷4)', 1500, 'lower');

  // Idle: nobody has asked anything for 12 s, so the pool has closed the connections it no longer needs (after 10 s).
  await new Promise((res) => setTimeout(res, 12_000));
  const idle = pssTreeMb(server.child.pid!);
  say('under load: Kropotkin, then hello world');
  const seconds = quick ? 1 : 5;
  const load = await kropotkinUnderLoad(server, cookie, members, { seconds });
  // The mixed climb ends by overwhelming the server: let it finish the queue (matching the last needs) first.
  await new Promise((res) => setTimeout(res, quick ? 2_000 : 20_000));
  const boardOnly = await boardUnderLoad(server, cookie, { seconds });
  const hello = await helloUnderLoad({ seconds });
  details.load = { kropotkin: load, board: boardOnly, hello };
  add(
    'load_rate_vs_hello_world',
    hello.best ? load.best / hello.best : 0,
    `ratio (${load.best} vs ${hello.best} requests/s at p99 < 100 ms)`,
    0.04,
    'higher',
  );
  add('load_requests_per_s', load.best, 'requests/s at p99 < 100 ms (mixed)', 400, 'higher');
  add('board_requests_per_s', boardOnly.best, 'requests/s at p99 < 100 ms (the board alone)', 500, 'higher');
  add('pss_idle_mb', idle, 'MB (PSS, Node and the database server)', 120, 'lower');
  add(
    'pss_under_load_mb',
    Math.max(load.peakPssMb, boardOnly.peakPssMb),
    'MB (PSS, Node and the database server)',
    200,
    'lower',
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
say('start-up on an existing data directory');
server = await startServerProcess(dataDir, keyFile);
add('start_to_first_page_ms', server.startedMs, 'ms', 1000, 'lower');
// A restarted server on an existing data directory is what runs day to day (idle as above).
await new Promise((res) => setTimeout(res, 12_000));
add('pss_restarted_idle_mb', pssTreeMb(server.child.pid!), 'MB (PSS, Node and the database server)', 120, 'lower');
details.start = { restartMs: server.startedMs };
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

// Results.
const results = path.join(ROOT, 'bench/results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'latest.json'), JSON.stringify(figures, null, 2) + '\n');
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memGb: round(os.totalmem() / 2 ** 30, 1),
  platform: `${os.type()} ${os.release()}`,
};
const date = new Date().toISOString();
fs.writeFileSync(
  path.join(results, `${date.slice(0, 10)}${quick ? '-quick' : ''}.json`),
  JSON.stringify({ date, quick, machine, figures, details }, null, 2) + '\n',
);
if (!quick) writeTable(date, machine);
console.table(figures.map((f) => ({ ...f, met: f.better === 'higher' ? f.value >= f.target : f.value <= f.target })));

/** The results table in BENCHMARKS.md, between its markers. */
function writeTable(when: string, m: typeof machine) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const rows = figures.map(
    (f) =>
      `| \`${f.name}\` | ${f.value} | ${f.unit} | ${f.better === 'higher' ? '≥' : '≤'} ${f.target} | ${(f.better === 'higher' ? f.value >= f.target : f.value <= f.target) ? 'yes' : '**no**'} |`,
  );
  const table = [
    `Measured ${when.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.cpu}, ${m.memGb} GB, Node ${m.node}, ${m.platform}. Reproduce: \`npm run bench\`.`,
    '',
    '| figure | value | unit | target | met |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  if (!text.includes(start)) return;
  fs.writeFileSync(
    file,
    text.slice(0, text.indexOf(start) + start.length) + '\n' + table + '\n' + text.slice(text.indexOf(end)),
  );
}
