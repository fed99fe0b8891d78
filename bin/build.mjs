#!/usr/bin/env node
// Compiles src/ to dist/ (tsconfig.build.json) and copies the files that are not TypeScript (stylesheets, scripts for
// the browser, the schema snapshot), then stamps dist/ with what it was built from, so `kropotkin start` can tell a
// fresh build from a stale one (bin/kropotkin.js). Run by `npm install` (prepare) and, when src/ changed, by start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const STAMP = path.join(dist, '.built-from');

/** Every file under src/ that ends up in dist/, with its size and modification time: what a build depends on. */
export function sourceState() {
  const parts = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(e.name)) {
        const s = fs.statSync(p);
        parts.push(`${path.relative(src, p)} ${s.size} ${Math.floor(s.mtimeMs)}`);
      }
    }
  };
  walk(src);
  return parts.join('\n');
}

export function isFresh() {
  try {
    return fs.readFileSync(STAMP, 'utf8') === sourceState();
  } catch {
    return false;
  }
}

/** Builds dist/; returns false (saying why) when the compiler is not installed (npm install --omit=dev). */
export function build({ quiet = false } = {}) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    if (!quiet) console.error('TypeScript is not installed here, so Kropotkin runs its sources through tsx instead.');
    return false;
  }
  const state = sourceState();
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('Compiling Kropotkin failed (above); it runs its sources through tsx instead.');
    return false;
  }
  // What is not TypeScript: copied beside the compiled modules that read it.
  const copy = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) copy(p);
      else if (!/\.tsx?$/.test(e.name)) {
        const to = path.join(dist, path.relative(src, p));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(p, to);
      }
    }
  };
  copy(src);
  // What a source no longer there left behind (a file renamed or deleted since the last build).
  const prune = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const from = path.join(src, path.relative(dist, p));
      if (e.isDirectory()) {
        if (fs.existsSync(from)) prune(p);
        else fs.rmSync(p, { recursive: true, force: true });
      } else if (!e.name.startsWith('.')) {
        const sources = e.name.endsWith('.js') ? [from.replace(/\.js$/, '.ts'), from.replace(/\.js$/, '.tsx')] : [from];
        if (!sources.some((f) => fs.existsSync(f))) fs.rmSync(p);
      }
    }
  };
  prune(dist);
  fs.writeFileSync(STAMP, state);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // As npm install's prepare step, a failed build must not fail the install: start then runs the sources instead.
  process.exit(build() || process.argv.includes('--prepare') ? 0 : 1);
}
