// Every response carries the security headers, enumerated from the app's own routes, signed in and out: a CSP with a
// fresh nonce and no 'unsafe-inline', object-src/base-uri/frame-ancestors 'none'; cookies only as __Host- (Secure,
// Path=/, no Domain); no-store on everything but the static files; HSTS when the public address is https.
import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { type Client, type TestWorld, buildMember, worldForFile, Client as BrowserClient } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { createApp } from '../../src/app.ts';

const files = worldForFile();
let world: TestWorld;
let member: Client;

beforeAll(async () => {
  world = files.world;
  member = await buildMember(world, { name: 'Header Hana' });
});

function checkHeaders(res: Response, where: string, path = '') {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, where).toMatch(/script-src 'nonce-[A-Za-z0-9+/]{22}==' ?;/);
  expect(csp, where).not.toContain('unsafe-inline');
  expect(csp, where).not.toContain('unsafe-eval');
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"])
    expect(csp, where).toContain(d);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  for (const cookie of res.headers.getSetCookie()) {
    expect(cookie, where).toMatch(/^__Host-/);
    expect(cookie, where).toMatch(/;\s*Secure/i);
    expect(cookie, where).toMatch(/;\s*Path=\//i);
    expect(cookie, where).not.toMatch(/;\s*Domain=/i);
  }
  // Static files (CSS, scripts) may be cached; nothing else may.
  if (!(path.startsWith('/static/') && res.status === 200))
    expect(res.headers.get('cache-control'), where).toBe('no-store');
}

/** Every GET route the app has, with a random id wherever the path takes one. */
const getPaths = () => [
  ...new Set(
    world.app.routes
      .filter((r) => r.method === 'GET' && !r.path.includes('*'))
      .map((r) => r.path.replace(/:[a-z]+(\{[^}]*\})?/gi, crypto.randomUUID())),
  ),
];

describe(`security headers on every route (${engine})`, () => {
  it('are on every page and error, signed in and out, with a fresh nonce the page uses', async () => {
    const paths = getPaths();
    expect(paths.length).toBeGreaterThan(50);
    const anon = new BrowserClient(world);
    for (const path of paths) {
      for (const [who, client] of [
        ['signed out', anon],
        ['member', member],
      ] as const) {
        const res = await client.get(path);
        expect(res.status, `${who} ${path}`).toBeLessThan(500);
        checkHeaders(res, `${who} GET ${path}`, path);
      }
    }
    const css = await anon.get('/static/app.css');
    checkHeaders(css, 'GET /static/app.css', '/static/app.css');
    expect(css.headers.get('cache-control')).toMatch(/max-age/);
    for (const path of ['/posts', '/decisions', '/crisis/ask', '/fund/ask', '/sign-in/email']) {
      checkHeaders(await anon.post(path, { x: 'y' }), `POST ${path}`);
    }
    const one = await member.get('/board');
    const two = await member.get('/board');
    const nonce = (r: Response) => r.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;
    expect(nonce(one)).not.toBe(nonce(two));
    const html = await one.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce(one)}"`);
  });

  it('send HSTS only when the public address is https', async () => {
    expect((await member.get('/board')).headers.get('strict-transport-security')).toBeNull();
    const tls = createApp({ ...world.deps, config: { ...world.deps.config, publicUrl: 'https://aid.example.org' } });
    const res = await tls.request('https://aid.example.org/');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });
});
