// `npm run soak [-- --minutes 10 --rate 100]`: Kropotkin as `npm start` runs it, under a steady mixed load for a while
// (10 minutes unless told; at most 60, at most 400 requests/s): the board, members' own pages and notifications, and
// new needs and offers. Passes when fewer than 0.1 % of requests fail and the memory of everything the server runs
// (PSS, Node and the database's processes) grows less than 10 % from the end of the first minute to the last.
// Not part of `npm test` (it takes minutes); writes bench/results/soak-<date>.json.
import fs from 'node:fs';
import path from 'node:path';
import { fixedRate, type Req } from './loadgen.ts';
import { joinMembers } from './load.ts';
import { postForm, prng, pssTreeMb, startServerProcess } from './support.ts';
import { tempDir } from '../tests/support/disk.ts';

const arg = (name: string, fallback: number, min: number, max: number) => {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} takes a number`);
  return Math.min(max, Math.max(min, value));
};
const minutes = arg('--minutes', 10, 1, 60);
const rate = arg('--rate', 100, 10, 400);
const CHUNK_S = 10;
const say = (s: string) => console.error(`[soak] ${s}`);

const dir = tempDir('kropotkin-soak-');
const dataDir = path.join(dir, 'data');
const server = await startServerProcess(dataDir, path.join(dir, 'key'));
try {
  const found = await fetch(`${server.base}/found`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
    body: new URLSearchParams({
      token: server.foundingToken!,
      network_name: 'Soak Mutual Aid',
      areas: 'Eastside\nRiverside\nOld Town\nHillcrest',
      languages: 'en\nes',
      founder_name: 'Founder',
      founder_language: 'en',
    }),
  });
  if (found.status !== 303) throw new Error(`founding answered ${found.status}`);
  const founder = found.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // Enough members that nobody reaches the daily post limit (20): each pair of members below brings 21 requests, one
  // of them a post by the first of the pair, so at most 15 posts for each member who posts.
  const posts = Math.ceil((rate * minutes * 60) / 21);
  const members = await joinMembers(server, dataDir, Math.min(500, Math.max(50, 2 * Math.ceil(posts / 15))));
  const r = prng(17);
  const mix: Req[] = [];
  for (let i = 0; i < members.length; i++) {
    const me = { cookie: members[i]! };
    mix.push(
      { method: 'GET', path: '/board', headers: { cookie: founder } },
      { method: 'GET', path: '/board', headers: me },
      { method: 'GET', path: '/board?kind=offer', headers: me },
      { method: 'GET', path: '/me', headers: me },
      { method: 'GET', path: '/notifications', headers: me },
      { method: 'GET', path: '/decisions', headers: me },
      { method: 'GET', path: '/board', headers: { cookie: founder } },
      { method: 'GET', path: '/agreements', headers: me },
      { method: 'GET', path: '/board?kind=need', headers: me },
      { method: 'GET', path: '/' },
    );
    if (i % 2 === 0)
      mix.push({
        method: 'POST',
        path: '/posts',
        body: new URLSearchParams(postForm(r, i % 4 ? 'need' : 'offer')).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, ...me },
      });
  }
  say(`${minutes} min at ${rate} requests/s, ${members.length} members`);
  const samples: { atS: number; pssMb: number; sent: number; errors: number; p99: number }[] = [];
  const t0 = performance.now();
  for (let chunk = 0; chunk < (minutes * 60) / CHUNK_S; chunk++) {
    // Each chunk starts where the mix left off, so the posts go round the members.
    const offset = (chunk * rate * CHUNK_S) % mix.length;
    const run = await fixedRate(server.base, rate, CHUNK_S, [...mix.slice(offset), ...mix.slice(0, offset)], {});
    const sample = {
      atS: Math.round((performance.now() - t0) / 1000),
      pssMb: Math.round(pssTreeMb(server.child.pid!) * 10) / 10,
      sent: run.sent,
      errors: run.errors,
      p99: Math.round(run.p99),
    };
    samples.push(sample);
    if (chunk % 6 === 5) say(`${sample.atS} s: ${sample.pssMb} MB, p99 ${sample.p99} ms, ${sample.errors} errors`);
  }
  const sent = samples.reduce((n, s) => n + s.sent, 0);
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  const perMinute = 60 / CHUNK_S;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  // The first minute is the warm-up (the pool opens its connections, each database process fills its caches): growth
  // is measured from the second minute to the last, when the soak is three minutes or longer.
  const base = minutes >= 3 ? perMinute : 0;
  const first = mean(samples.slice(base, base + perMinute).map((s) => s.pssMb));
  const last = mean(samples.slice(-perMinute).map((s) => s.pssMb));
  const result = {
    date: new Date().toISOString(),
    minutes,
    rate,
    members: members.length,
    sent,
    errors,
    errorRate: errors / sent,
    pssWarmUpMinuteMb: Math.round(mean(samples.slice(0, perMinute).map((s) => s.pssMb))),
    pssBaselineMinuteMb: Math.round(first),
    pssLastMinuteMb: Math.round(last),
    growth: (last - first) / first,
    p99MaxMs: Math.max(...samples.map((s) => s.p99)),
    passed: errors / sent < 0.001 && (last - first) / first < 0.1,
    samples,
  };
  const results = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, `soak-${result.date.slice(0, 10)}.json`), JSON.stringify(result, null, 2) + '\n');
  const { samples: _, ...summary } = result;
  console.log(summary);
  process.exitCode = result.passed ? 0 : 1;
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
