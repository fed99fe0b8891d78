// The JSON API (issue 22): a member makes a personal access token on a page (shown once), an app uses it — only on
// /api/v1, only as that member, read-only when made so — until they revoke it. The OpenAPI document validates, and
// lists every API route the app has and no other.
import { beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildMember, ORIGIN, passHours, worldForFile, type Client, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
});

/** An app's request: no cookies, the token in the Authorization header. */
function app(token: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return world.app.request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

async function makeToken(who: Client, name: string, scope: 'read' | 'write'): Promise<string> {
  const res = await who.post('/settings/tokens', { name, scope });
  expect(res.status).toBe(200);
  const token = /<code class="code" id="new-token">(krp_[\w-]{43})<\/code>/.exec(await res.text())?.[1];
  expect(token).toBeDefined();
  return token!;
}

describe(`the JSON API (${engine})`, () => {
  let write: string;
  let read: string;
  let mine: string;

  it('gives a member a token on a page, shown once, kept only as its hash', async () => {
    const bad = await ada.post('/settings/tokens', { name: ' ', scope: 'admin' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Say what the token is for.');
    expect(html).toContain('Choose what it may do.');
    write = await makeToken(ada, 'Our group chat bot', 'write');
    read = await makeToken(ada, 'A dashboard', 'read');
    const page = await (await ada.get('/settings/tokens')).text();
    expect(page).toContain('Our group chat bot');
    expect(page).not.toContain(write);
    const stored = await world.deps.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(write.slice(4));
  });

  it('answers an app as the token’s member, posts with the form’s own checks, and explains every refusal', async () => {
    const me = await app(write, '/api/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'Ada', language: 'en', network: 'Eastside Mutual Aid' });

    const wrong = await app(write, '/api/v1/posts', {
      method: 'POST',
      body: { kind: 'need', what: 'Call me on 555 010 0200', category: 'food', area: 'Atlantis', urgency: 'soon' },
    });
    expect(wrong.status).toBe(422);
    const refusal = (await wrong.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(refusal.error.code).toBe('invalid_input');
    expect(Object.keys(refusal.error.fields).sort()).toEqual(['area', 'what']);
    const form = await world.app.request(`${ORIGIN}/api/v1/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${write}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'kind=need&what=' + 'é'.repeat(3000),
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('unsupported_body');
    const shapeless = await app(write, '/api/v1/posts', { method: 'POST', body: { kind: 'gift', what: 7 } });
    expect(shapeless.status).toBe(422);
    expect(((await shapeless.json()) as { error: { code: string } }).error.code).toBe('invalid_input');

    const posted = await app(write, '/api/v1/posts', {
      method: 'POST',
      body: { kind: 'need', what: 'Groceries for the week', category: 'groceries', area: 'Eastside', urgency: 'soon' },
    });
    expect(posted.status).toBe(201);
    mine = ((await posted.json()) as { id: string }).id;
    const board = (await (await app(read, '/api/v1/posts?kind=need')).json()) as {
      posts: { id: string; mine: boolean }[];
    };
    expect(board.posts.find((p) => p.id === mine)).toMatchObject({ mine: true });
    const one = await app(read, `/api/v1/posts/${mine}`);
    expect(await one.json()).toMatchObject({ id: mine, area: 'Eastside', by: 'Ada', status: 'open' });
    expect((await app(read, '/api/v1/posts/not-an-id')).status).toBe(404);
    expect((await app(read, `/api/v1/posts/${crypto.randomUUID()}`)).status).toBe(404);
    const notes = await app(read, '/api/v1/notifications');
    expect(notes.status).toBe(200);
  });

  it('lets a read-only token only read, and another member’s token not touch Ada’s post', async () => {
    const refused = await app(read, '/api/v1/posts', {
      method: 'POST',
      body: { kind: 'offer', what: 'Spare bread', category: 'food', area: 'Eastside', urgency: 'soon' },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('token_read_only');
    const bos = await makeToken(bo, 'Bo’s script', 'write');
    expect((await app(bos, `/api/v1/posts/${mine}/withdraw`, { method: 'POST' })).status).toBe(403);
    const withdrawn = await app(write, `/api/v1/posts/${mine}/withdraw`, { method: 'POST' });
    expect(await withdrawn.json()).toEqual({ id: mine, status: 'withdrawn' });
    expect((await app(write, `/api/v1/posts/${mine}/withdraw`, { method: 'POST' })).status).toBe(404);
  });

  it('never opens a page for a token, and stops the moment the token is revoked', async () => {
    const page = await world.app.request(`${ORIGIN}/settings/tokens`, {
      headers: { authorization: `Bearer ${write}` },
    });
    expect(page.status).toBe(401);
    expect((await app('krp_' + 'x'.repeat(43), '/api/v1/me')).status).toBe(401);
    expect((await app('not a token', '/api/v1/me')).status).toBe(401);
    const id = (
      await world.deps.db
        .selectFrom('api_tokens')
        .select('id')
        .where('name', '=', 'Our group chat bot')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await bo.post(`/settings/tokens/${id}/revoke`)).status).toBe(404);
    expect((await ada.post(`/settings/tokens/${id}/revoke`)).status).toBe(303);
    const gone = await app(write, '/api/v1/me');
    expect(gone.status).toBe(401);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('bad_token');
  });

  it('holds ten live tokens a member at most', async () => {
    // A day later (ten new tokens a day is the other limit): one live token, nine more make ten.
    passHours(world, 25);
    for (let i = 0; i < 9; i++) await makeToken(ada, `App ${i}`, 'read');
    const eleventh = await ada.post('/settings/tokens', { name: 'One too many', scope: 'read' });
    expect(eleventh.status).toBe(409);
    expect(await eleventh.text()).toContain('You have ten tokens already: revoke one first.');
  });

  it('describes itself in a valid OpenAPI document listing every API route, and only those', async () => {
    const res = await world.app.request(`${ORIGIN}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    const inSpec = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const inApp = world.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(inApp).size).toBeGreaterThan(5);
    expect([...new Set(inSpec)].sort()).toEqual([...new Set(inApp)].sort());
  });
});
