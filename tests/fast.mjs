// `npm run test:fast`: the inner loop. The unit tests, then — on the embedded database only — the integration tests
// about what changed: test files changed themselves, those that import a changed source file, and those named after a
// domain whose folder changed (tests/integration/fund*.test.ts for src/fund/). "Changed" is what git has not committed,
// or, with nothing uncommitted, the last commit; `npm run test:fast -- <commit>` compares with that commit instead.
// The full suite CI runs stays `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const git = (...args) => spawnSync('git', args, { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
const base = process.argv[2];
let changed = base
  ? git('diff', '--name-only', base)
  : [...git('diff', '--name-only', 'HEAD'), ...git('ls-files', '--others', '--exclude-standard')];
if (!base && changed.length === 0) changed = git('diff', '--name-only', 'HEAD~1', 'HEAD');

const integration = fs.readdirSync('tests/integration').filter((f) => f.endsWith('.test.ts') && !f.startsWith('fuzz-'));
const domains = new Set(
  changed.filter((f) => f.startsWith('src/') && f.split('/').length > 2).map((f) => f.split('/')[1]),
);
const sources = changed
  .filter((f) => /^src\/.*\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => f.replace(/\.tsx?$/, ''));
const chosen = integration.filter((file) => {
  const rel = `tests/integration/${file}`;
  if (changed.includes(rel)) return true;
  if ([...domains].some((d) => file.startsWith(d))) return true;
  const text = fs.readFileSync(rel, 'utf8');
  return sources.some((s) => text.includes(`../../${s}.`));
});

const run = (args) => spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit' }).status ?? 1;
console.log(`\n== unit tests ==`);
let failed = run(['--project', 'unit']);
if (chosen.length) {
  console.log(`\n== integration tests on PGlite about what changed: ${chosen.join(', ')} ==`);
  failed ||= run(['--project', 'integration', ...chosen.map((f) => path.join('tests/integration', f))]);
} else console.log('\nNo integration test is about what changed; `npm test` runs them all.');
process.exit(failed ? 1 : 0);
