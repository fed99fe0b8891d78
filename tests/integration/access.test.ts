// Who can reach what: signed out, strangers, guessed and tampered ids, cross-site posts, cookies and headers.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, buildPost, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(async () => {
  world = files.world;
  founder = files.founder;
});

describe(`access rules (${engine})`, () => {
  it('asks a signed-out visitor to sign in (401) on every member page and API', async () => {
    const anon = new Client(world);
    for (const path of [
      '/board',
      '/me',
      '/notifications',
      '/settings',
      '/invites',
      '/agreements',
      '/posts/new',
      '/welcome',
      '/fund',
      '/fund/ask',
      '/fund/give',
      '/fund/ledger',
      '/fund/ledger.csv',
      '/fund/statement',
      '/fund/propose',
      '/roles/treasurer/propose',
      '/circles',
      '/circles/new',
      '/roles',
      '/roles/new',
      '/roles/treasurer',
      '/roles/treasurer/change',
      '/rotas',
      '/rotas/new',
      '/mutuality',
      '/mutuality/summary',
      '/mutuality.csv',
      '/checkin',
      '/crisis',
      '/dispatch',
    ]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(401);
      expect(await res.text()).toContain('href="/sign-in"');
    }
    expect((await anon.get('/api/suggestions?kind=need')).status).toBe(401);
    const api = await anon.get('/api/posts');
    expect(api.status).toBe(401);
    expect((await api.json()).error.code).toBe('sign_in_needed');
    expect((await anon.post('/posts', { what: 'x' })).status).toBe(401);
    expect((await anon.post('/invites')).status).toBe(401);
    expect((await anon.post('/fund/ask', { amount: '5' })).status).toBe(401);
    expect((await anon.post('/crisis/ask')).status).toBe(401);
    expect((await anon.post('/dispatch', { send_x: 'y' })).status).toBe(401);
    expect((await anon.get('/api/fund')).status).toBe(401);
  });

  it('answers 404 for unknown or malformed fund ids, and keeps a request’s line to its asker and the treasurers', async () => {
    const m = await buildMember(world);
    for (const id of ['abc', crypto.randomUUID(), "' or 1=1 --"]) {
      expect((await m.get(`/fund/requests/${encodeURIComponent(id)}`)).status).toBe(404);
      expect((await m.get(`/fund/records/${encodeURIComponent(id)}`)).status).toBe(404);
      expect((await m.post(`/fund/records/${encodeURIComponent(id)}/confirm`, { key: 'k-12345678' })).status).toBe(404);
      expect((await m.post(`/fund/requests/${encodeURIComponent(id)}/pay`, { key: 'k-12345678' })).status).toBe(404);
    }
    expect((await m.post('/fund/entries/abc/reverse')).status).toBe(403); // not a treasurer, whatever the id
    for (const id of ['abc', crypto.randomUUID()]) {
      expect((await m.get(`/circles/${id}`)).status).toBe(404);
      expect((await m.post(`/circles/rounds/${id}/pay`, { key: 'k-12345678' })).status).toBe(404);
      expect((await m.post(`/circles/${id}/start`)).status).toBe(404);
    }
    const pot = (
      await world.deps.db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow()
    ).id;
    const asked = await m.post('/fund/ask', {
      key: 'access-key-01',
      fund: pot,
      amount: '12',
      note: 'My bank is Solidarity CU 4411',
    });
    const page = new URL(asked.headers.get('location')!, 'http://x').pathname;
    expect(await (await m.get(page)).text()).toContain('Solidarity CU 4411');
    const other = await (await founder.get(page)).text();
    expect(other).not.toContain('Solidarity CU 4411');
    // Nobody else can withdraw it, mark it received, or pay it without the role.
    expect((await founder.post(`${page}/withdraw`)).status).toBe(403);
    expect((await founder.post(`${page}/received`)).status).toBe(403);
    expect((await founder.post(`${page}/pay`, { key: 'k-12345678' })).status).toBe(403);
  });

  it('hides a thread from everyone but its two members, whatever id is guessed', async () => {
    const asker = await buildMember(world);
    const helper = await buildMember(world);
    const stranger = await buildMember(world);
    const needId = await buildPost(asker, { what: 'A ride to court on Monday', category: 'legal' });
    const match = (await helper.post(`/posts/${needId}/respond`)).headers.get('location')!;
    await helper.post(`${match}/messages`, { body: 'My number is 555-0199' });
    for (const path of [
      match,
      `/matches/${crypto.randomUUID()}`,
      '/matches/1',
      "/matches/' or 1=1 --",
      '/matches/%00',
    ]) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('555-0199');
    }
    for (const action of ['messages', 'release', 'met']) {
      expect((await stranger.post(`${match}/${action}`, { body: 'x' })).status, action).toBe(404);
    }
    expect((await founder.get(match)).status).toBe(404); // the founder is no admin
  });

  it('answers 404, not an error, for malformed and unknown post ids', async () => {
    const m = await buildMember(world);
    for (const id of ['abc', crypto.randomUUID(), '00000000-0000-0000-0000-000000000000', 'ä'.repeat(50)]) {
      expect((await m.get(`/posts/${encodeURIComponent(id)}`)).status).toBe(404);
      expect((await m.post(`/posts/${encodeURIComponent(id)}/respond`)).status).toBe(404);
    }
  });

  it('refuses form posts from another site', async () => {
    const m = await buildMember(world);
    const res = await m.request('/posts', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'kind=need&what=spam',
    });
    expect(res.status).toBe(403);
    const res2 = await m.request('/invites', {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
    });
    expect(res2.status).toBe(403);
  });

  it('keeps the session in a __Host- cookie: Secure, HttpOnly, SameSite=Lax, path /', async () => {
    const { createInvite } = await import('../../src/members/invites.ts');
    const { token } = await createInvite(world.deps.db, null, world.now.value);
    const res = await new Client(world).post(`/join/${token}`, { display_name: 'Cookie', language: 'en' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-kropotkin='))!;
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // Only a hash of the token is stored.
    const value = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await world.deps.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash.toString('base64url') === value)).toBe(false);
  });

  it('ends the session on sign-out (after a warning when the member would have no way back in)', async () => {
    const m = await buildMember(world);
    const warned = await m.post('/sign-out');
    expect(warned.status).toBe(200);
    expect(await warned.text()).toContain('You have no way back in yet');
    expect((await m.get('/board')).status).toBe(200);
    expect((await m.post('/sign-out', { anyway: 'on' })).status).toBe(303);
    expect((await m.get('/board')).status).toBe(401);
    const withEmail = await buildMember(world, { email: 'signs-out@example.org' });
    expect((await withEmail.post('/sign-out')).status).toBe(303);
    expect((await withEmail.get('/board')).status).toBe(401);
  });

  it('sends a strict CSP with a nonce and no unsafe-inline, and no-store on private pages', async () => {
    const m = await buildMember(world);
    const res = await m.get('/board');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(part);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const nonce = csp.match(/nonce-([^']+)/)![1]!;
    const html = await res.text();
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!localhost)/);
  });

  it('serves static files to anyone, with the same security headers, and 404 for unknown names', async () => {
    const anon = new Client(world);
    const css = await anon.get('/static/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect((await anon.get('/static/webauthn.js')).status).toBe(200);
    expect((await anon.get('/static/..%2Fpackage.json')).status).toBe(404);
    expect((await anon.get('/static/nope.js')).status).toBe(404);
  });
});
