// `npm run bench [-- --quick]`: the core's costs on the durable embedded database, as ratios measured in one run.
// Writes bench/results/latest.json ({ name, value, unit, target, better }) and a dated copy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPost, openMatch } from '../src/exchange/commands.ts';
import { boardPosts, candidatesFor, postById } from '../src/exchange/queries.ts';
import { rankCandidates } from '../src/exchange/matching.ts';
import { DEFAULT_CATEGORIES } from '../src/agreements/defaults.ts';

const quick = process.argv.includes('--quick');
const N = quick ? 200 : 2000;
const REPS = quick ? 50 : 200;
const AREAS = ['Eastside', 'Riverside', 'Old Town', 'Hillcrest', 'Valley', 'Harbor'];
const WORDS = 'ride clinic groceries diapers rent coat meals childcare laptop school pharmacy boxes moving sofa bread'.split(' ');
const rand = (n: number) => crypto.randomInt(n);
const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
const text = () => Array.from({ length: 6 }, () => pick(WORDS)).join(' ');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-bench-'));
const db = await openDatabase({ dataDir: dir });
await migrate(db);
const members: string[] = [];
for (let i = 0; i < 100; i++) {
  members.push((await db.insertInto('members').values({ display_name: `m${i}`, language: 'en' }).returning('id').executeTakeFirstOrThrow()).id);
}
const post = (kind: 'need' | 'offer') => ({
  kind, what: text(), category: pick(DEFAULT_CATEGORIES), area: pick(AREAS), urgency: pick(['urgent', 'soon', 'whenever'] as const),
  needed_by: undefined, available_until: undefined, capacity: undefined,
});
for (let i = 0; i < N; i++) await createPost(db, pick(members), 'en', post(i % 2 ? 'offer' : 'need'), new Date());

async function perOp(fn: () => Promise<unknown>, reps = REPS) {
  const t = performance.now();
  for (let i = 0; i < reps; i++) await fn();
  return (performance.now() - t) / reps;
}

const bareInsert = await perOp(() =>
  db.insertInto('posts').values({ ...post('need'), member_id: pick(members), needed_by: null, available_until: null, capacity: null }).execute(),
);
const postNeed = await perOp(() => createPost(db, pick(members), 'en', post('need'), new Date()));
const needIds = (await db.selectFrom('posts').select(['id']).where('kind', '=', 'need').where('status', '=', 'open').limit(REPS).execute()).map((r) => r.id);
let claims = 0;
const claim = await perOp(async () => {
  const need = (await postById(db, needIds[claims++]!))!;
  const helper = members.find((m) => m !== need.memberId)!;
  await openMatch(db, helper, need);
});
const board = await perOp(() => boardPosts(db, {}));
const suggest = await perOp(async () => {
  const want = { kind: 'need' as const, what: text(), category: pick(DEFAULT_CATEGORIES) };
  rankCandidates(want, await candidatesFor(db, want));
});
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

type Figure = { name: string; value: number; unit: string; target: number; better: 'higher' | 'lower' };
const round = (x: number) => Math.round(x * 100) / 100;
const figures: Figure[] = [
  // Posting a need runs the matching query and writes notifications: tens of bare inserts is the budget.
  { name: 'post_need_vs_bare_insert', value: round(postNeed / bareInsert), unit: 'ratio', target: 50, better: 'lower' },
  { name: 'post_need_ms', value: round(postNeed), unit: `ms (${N} posts)`, target: 100, better: 'lower' },
  { name: 'claim_vs_bare_insert', value: round(claim / bareInsert), unit: 'ratio', target: 5, better: 'lower' },
  { name: 'board_query_ms', value: round(board), unit: `ms (${N} posts)`, target: 50, better: 'lower' },
  { name: 'suggestions_ms', value: round(suggest), unit: `ms (${N} posts)`, target: 50, better: 'lower' },
  { name: 'bare_insert_ms', value: round(bareInsert), unit: 'ms (durable commit)', target: 20, better: 'lower' },
];
const results = path.join(import.meta.dirname, 'results');
fs.mkdirSync(results, { recursive: true });
const body = JSON.stringify(figures, null, 2);
fs.writeFileSync(path.join(results, 'latest.json'), body + '\n');
const meta = { date: new Date().toISOString(), quick, node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, figures };
fs.writeFileSync(path.join(results, `${meta.date.slice(0, 10)}${quick ? '-quick' : ''}.json`), JSON.stringify(meta, null, 2) + '\n');
console.table(figures);
