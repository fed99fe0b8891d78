// Static files, served before the session is loaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { errors } from './errors.ts';
import { own } from './lookup.ts';

/** Static files: served before the session is loaded, so a stylesheet costs no database query. */
export const staticRoutes = new Hono<AppEnv>();

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const staticFiles: Record<string, { file: string; type: string }> = {
  'app.css': { file: path.join(here, 'static/app.css'), type: 'text/css; charset=utf-8' },
  'passkey.js': { file: path.join(here, 'static/passkey.js'), type: 'text/javascript; charset=utf-8' },
  'suggest.js': { file: path.join(here, 'static/suggest.js'), type: 'text/javascript; charset=utf-8' },
  'board.js': { file: path.join(here, 'static/board.js'), type: 'text/javascript; charset=utf-8' },
  'copy.js': { file: path.join(here, 'static/copy.js'), type: 'text/javascript; charset=utf-8' },
  'order.js': { file: path.join(here, 'static/order.js'), type: 'text/javascript; charset=utf-8' },
  'webauthn.js': {
    // The package's exports map hides its browser bundle; find it beside the package's entry point.
    file: path.join(path.dirname(require.resolve('@simplewebauthn/browser')), '..', 'dist/bundle/index.umd.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
const cache = new Map<string, Buffer>();

staticRoutes.get('/static/:name', (c) => {
  const entry = own(staticFiles, c.req.param('name'));
  if (!entry) throw errors.notFound();
  let body = cache.get(entry.file);
  if (!body) {
    body = fs.readFileSync(entry.file);
    if (c.get('deps').config.env === 'production') cache.set(entry.file, body);
  }
  c.header('Content-Type', entry.type);
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(new Uint8Array(body));
});
