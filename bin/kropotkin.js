#!/usr/bin/env node
// The `kropotkin` command (and `npm start`). Runs the compiled JavaScript in dist/ — a third of the memory of
// compiling TypeScript at every start — building it first when src/ changed since the last build (bin/build.mjs).
// Where TypeScript is not installed (npm install --omit=dev), it runs the sources through tsx instead. Either way in
// this one process: signals reach the server directly, so it can finish its requests and stop its database cleanly.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, isFresh } from './build.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = isFresh() || build({ quiet: true });
if (!compiled) (await import('tsx/esm/api')).register();
const module = (name) => pathToFileURL(path.join(root, compiled ? `dist/${name}.js` : `src/${name}.ts`)).href;
// The database starts while the app's modules load (src/db/prestart.ts).
if (process.argv[2] === 'start') (await import(module('db/prestart'))).prestart();
await import(module('cli/main'));
