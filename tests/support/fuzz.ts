// Generated bad input for every form and endpoint, enumerated from the app's own routes, a fixed budget of requests
// shared among them (fast-check): wrong types, huge and empty strings, unicode edge cases, SQL and HTML injection, duplicated, missing
// and unknown fields, JSON where a form is expected and the reverse, wrong methods and oversized bodies; path ids both
// real (so the junk reaches the handler) and made up. Every answer is below 500; every 4xx says what was wrong (a
// message beside a field, an error page's message, or a JSON error code); and a rejected request leaves the database
// exactly as it was. The tests in tests/integration/fuzz-*.test.ts each take a share of the routes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { buildMember, buildPost, buildWorld, Client, idFromRedirect, ORIGIN, type TestWorld } from './app.ts';
import { populateWithCanaries } from './canaries.ts';
import { createSession } from '../../src/members/sessions.ts';
import { MAX_BODY_BYTES } from '../../src/web/forms.ts';
import { tempDir } from './disk.ts';

export const stats = { requests: 0, prints: 0, printMs: 0, requestMs: 0, walMs: 0 };

/**
 * Requests in one run of all the shares together: the suite's time stays the same as routes are added (each gets its
 * share, never fewer than MIN_RUNS). FUZZ_BUDGET raises it for a deeper search (`npm run test:deep`); never lower.
 */
export const FUZZ_BUDGET = Math.max(10_000, Number(process.env.FUZZ_BUDGET ?? 0));
export const MIN_RUNS = 50;

/** How many generated requests each route gets when `routes` share the budget. */
export const runsPerRoute = (routes: number) => Math.max(MIN_RUNS, Math.floor(FUZZ_BUDGET / Math.max(1, routes)));

/** Every field name the app's forms and endpoints read, so generated bodies hit real fields as well as unknown ones. */
const FIELDS = [
  'address',
  'reply',
  'terms',
  'sheet',
  'url',
  'post_created',
  'notification_created',
  'scope',
  'col-0',
  'col-1',
  'v-area-0',
  'v-category-0',
  'd-area',
  'd-kind',
  'd-language',
  'kind',
  'what',
  'category',
  'area',
  'urgency',
  'needed_by',
  'available_until',
  'capacity',
  'takes',
  'confirm_duplicate',
  'display_name',
  'language',
  'email',
  'remove_email',
  'email_decisions',
  'token',
  'lang',
  'back',
  'body',
  'title',
  'process',
  'options',
  'closes_in',
  'quorum',
  'majority_percent',
  'block_binds',
  'dots',
  'results',
  'anonymous',
  'agreement',
  'agreement_value',
  'pick',
  'rank_0',
  'rank_1',
  'dots_0',
  'score_0',
  'slot_0',
  'reason',
  'note',
  'key',
  'fund',
  'to_fund',
  'amount',
  'named',
  'memo',
  'name',
  'limit',
  'days',
  'keep',
  'second_above',
  'floor',
  'revolving',
  'member',
  'beyond_rotation',
  'duties',
  'term_days',
  'seats',
  'terms_in_row',
  'volunteering',
  'why',
  'about',
  'notice_hours',
  'date',
  'start',
  'end',
  'needed',
  'repeat_weeks',
  'wanted',
  'answer',
  'period_days',
  'order_rule',
  'network_name',
  'areas',
  'languages',
  'founder_name',
  'founder_language',
  'founder_email',
  'challengeId',
  'response',
  'id',
  'request',
  'entry',
  'page',
  'q',
  'send_x',
  'credential',
  'comment',
  'statement',
  'hours',
  'categories',
  'more_categories',
  'categories_shown',
  'time_zone',
  'person_name',
  'person_language',
  'code',
  'causes',
  'intro',
  'follows',
  'q1',
  'q1_kind',
  'q1_options',
  'q2',
  'q2_kind',
  'q2_options',
  'q2_if',
  'q2_is',
  'a1',
  'a2',
  'a2_1',
  'a2_2',
  'held_on',
  'raised',
  'tags',
  'follow_up',
  'text',
  'act',
  'from',
  'to',
  'into',
  'conclusions_en',
  'conclusions_es',
  'place',
  'minutes',
  'repeat',
  'times',
  'claim_hours',
  'open_to_all',
  'readings',
  'occurrence',
  'mine',
  'condition',
  'loan_days',
  'help',
  'counted',
  'food',
  'clean',
  'working',
  'restock',
  'item',
  'n',
  'way',
  'on',
  'other',
  'hours',
  'commons',
  'match',
  'supplier',
  'items',
  'time',
  'pickup',
  'delivery',
  'taken',
  'picked_up',
  'for_whom',
  'phone',
  'consent',
  'script_en',
  'script_es',
  'outcome',
  // (not 'leave_confirm': a generated "on" would have the fixture's member leave, and every later request be theirs)
];

const injections = [
  "'; drop table posts; --",
  "' or '1'='1",
  '1; select pg_sleep(10)',
  '$1',
  '\\x00',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '\u202e\u0645',
  '\ud800',
  '\udfff',
  '\u0000',
  '\uffff',
  'A\u0301',
  '😀',
  '👩‍👩‍👧‍👦',
  'İ',
  'ß',
  '١٢٣',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(40),
  '-1',
  '0',
  '1.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '2026-02-31',
  '0000-00-00',
  '9999-12-31',
  '00000000-0000-0000-0000-000000000000',
  crypto.randomUUID(),
];

const junkString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...injections) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.nat({ max: 3000 }).map((n) => 'é'.repeat(n)) }, // beyond every field's limit
);

type Body =
  | { type: 'form'; pairs: [string, string][] }
  | { type: 'json'; value: unknown }
  | { type: 'raw'; contentType: string | null; text: string }
  | { type: 'huge' }
  | { type: 'method'; method: string };

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const body: fc.Arbitrary<Body> = fc.oneof(
  // Fields as a form, some repeated, some missing, values of every kind.
  {
    weight: 8,
    arbitrary: fc
      .array(fc.tuple(fieldName, junkString), { maxLength: 12 })
      .map((pairs) => ({ type: 'form' as const, pairs })),
  },
  // JSON of the wrong shapes and types.
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }), fc.jsonValue({ maxDepth: 2 }))
      .map((value) => ({ type: 'json' as const, value })),
  },
  // Bodies that are not what they claim.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          null,
          'text/plain',
          'application/json',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
        ),
        junkString,
      )
      .map(([contentType, text]) => ({ type: 'raw' as const, contentType, text })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'huge' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH').map((method) => ({ type: 'method' as const, method })),
  },
);

export type Fixture = { world: TestWorld; client: Client; ids: Record<string, string[]>; memberId: string };

/** A network with one of everything, so routes can be reached with real ids; the fuzzing member is the founder. */
export async function fuzzFixture(): Promise<Fixture> {
  // A server of its own, with autovacuum off: the check that a rejected request changed nothing reads the log's
  // position, which other files' databases or autovacuum would move.
  const dir = tempDir('kropotkin-fuzz-');
  const built = await buildWorld({
    dataDir: path.join(dir, 'data'),
    embedded: { fsync: false, settings: { autovacuum: 'off' } },
  });
  const world = {
    ...built,
    close: async () => {
      await built.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const { founder, asker } = await populateWithCanaries(world);
  const other = await buildMember(world, { name: 'Other' });
  await buildPost(other, { what: 'A need to poke at' });
  idFromRedirect(await founder.post('/decisions', { title: 'Fuzz proposal', process: 'consent', closes_in: '24' }));
  const rota = idFromRedirect(
    await founder.post('/rotas/new', { title: 'Fuzz rota', category: 'rides', notice_hours: '24' }),
  );
  await founder.post(`/rotas/${rota}/slots`, {
    date: '2027-01-05',
    start: '10:00',
    end: '12:00',
    area: 'Eastside',
    needed: '2',
  });
  const circle = idFromRedirect(
    await founder.post('/circles', { name: 'Fuzz circle', amount: '10', period_days: '7', order_rule: 'lottery' }),
  );
  await asker.post(`/circles/${circle}/join`);
  await founder.post('/invites');
  const db = world.deps.db;
  // An open listening cycle (as a passed decision opens one) with a theme and a conversation; a library item.
  const cycle = await db
    .insertInto('listening_cycles')
    .values({
      title: 'Fuzz cycle',
      questions: JSON.stringify([
        { kind: 'long', text: { typed: 'What is hardest?', names: {} }, options: [] },
        {
          kind: 'rank',
          text: { typed: 'Order', names: {} },
          options: [
            { typed: 'A', names: {} },
            { typed: 'B', names: {} },
          ],
        },
      ]),
      languages: ['en', 'es'],
      opens_at: world.now.value,
      closes_at: new Date(world.now.value.getTime() + 30 * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('listening_themes').values({ cycle_id: cycle.id, name: 'Rent' }).execute();
  await founder.post(`/listening/${cycle.id}/conversations`, {
    held_on: world.now.value.toISOString().slice(0, 10),
    raised: 'Rent',
    lang: 'en',
  });
  await founder.post('/library', { title: 'Fuzz reading', language: 'en', body: 'A text.' });
  await founder.post('/things', { title: 'Fuzz drill', area: 'Eastside', condition: 'good', loan_days: '7' });
  const otherId = (
    await db.selectFrom('members').select('id').where('display_name', '=', 'Other').executeTakeFirstOrThrow()
  ).id;
  await founder.post('/time', { other: otherId, way: 'gave', hours: '1' });
  await founder.post('/buying', {
    supplier: 'Fuzz co-op',
    items: 'Rice; kg; 5; 12.50; step 0.5',
    date: new Date(world.now.value.getTime() + 3 * 86_400_000).toISOString().slice(0, 10),
    time: '18:00',
    pickup: 'Hall',
  });
  await founder.post('/calls/neighbours', {
    name: 'Fuzz neighbour',
    phone: '555 010 0000',
    language: 'en',
    area: 'Eastside',
    consent: 'on',
  });
  await founder.post('/calls', { title: 'Fuzz round', hours: '24', script_en: 'Hello' });
  await founder.post('/translate/ht/nav.board', { text: 'Tablo' });
  const round = await db.selectFrom('call_rounds').select('id').executeTakeFirstOrThrow();
  await founder.post(`/calls/rounds/${round.id}/take`);
  const rice = await db.selectFrom('order_items').select(['id', 'order_id']).executeTakeFirstOrThrow();
  await founder.post(`/buying/${rice.order_id}/wants`, { [`most_${rice.id}`]: '2', pickup: 'Hall' });
  await founder.post('/places', { name: 'Fuzz pantry', kind: 'pantry', area: 'Eastside', help: 'food', counted: 'on' });
  await founder.post('/events', {
    kind: 'teach_in',
    title: 'Fuzz teach-in',
    language: 'en',
    area: 'Eastside',
    date: new Date(world.now.value.getTime() + 3 * 86_400_000).toISOString().slice(0, 10),
    start: '18:00',
    repeat: 'weekly',
    times: '3',
    capacity: '2',
    open_to_all: 'on',
  });
  const one = async (table: string, column = 'id') =>
    (
      await sql<{ v: string }>`select ${sql.ref(column)}::text as v from ${sql.table(table)} limit 3`.execute(db)
    ).rows.map((r) => r.v);
  const ids: Record<string, string[]> = {
    posts: await one('posts'),
    matches: await one('matches'),
    decisions: await one('proposals'),
    members: await one('members'),
    messages: await one('messages'),
    requests: await one('fund_requests'),
    records: await one('fund_records'),
    entries: await one('ledger_entries'),
    expected: await one('fund_expected'),
    pledges: await one('fund_pledges'),
    roles: ['treasurer', 'dispatcher'],
    terms: await one('role_terms'),
    circles: await one('circles'),
    rounds: await one('circle_rounds'),
    rotas: await one('rotas'),
    slots: await one('rota_slots'),
    places: await one('rota_signups'),
    invites: await one('invites'),
    cycles: await one('listening_cycles'),
    themes: await one('listening_themes'),
    notes: await one('listening_notes'),
    library: await one('library_items'),
    events: await one('events'),
    things: await one('things'),
    tended: await one('places'),
    hours: await one('time_records'),
    orders: await one('orders'),
    orderWants: await one('order_wants'),
    callRounds: await one('call_rounds'),
    calls: await one('calls'),
    callPeople: await one('call_people'),
    translations: await one('translations'),
  };
  const memberId = (
    await db.selectFrom('members').select('id').where('display_name', '=', 'Ada').executeTakeFirstOrThrow()
  ).id;
  return { world, client: founder, ids, memberId };
}

/** Which fixture ids fit a path's parameter, by the path's first segments. */
export function idsFor(path: string, ids: Record<string, string[]>): string[] {
  const table: [RegExp, string][] = [
    [/^\/posts\/:/, 'posts'],
    [/^\/api\/posts\/:/, 'posts'],
    [/^\/matches\//, 'matches'],
    [/^\/decisions\//, 'decisions'],
    [/^\/members\//, 'members'],
    [/^\/messages\//, 'messages'],
    [/^\/fund\/requests\//, 'requests'],
    [/^\/fund\/records\//, 'records'],
    [/^\/api\/fund\/records\//, 'records'],
    [/^\/fund\/entries\//, 'entries'],
    [/^\/fund\/expected\//, 'expected'],
    [/^\/fund\/pledges\//, 'pledges'],
    [/^\/roles\/terms\//, 'terms'],
    [/^\/roles\/:/, 'roles'],
    [/^\/circles\/rounds\//, 'rounds'],
    [/^\/circles\/:/, 'circles'],
    [/^\/rotas\/slots\//, 'slots'],
    [/^\/rotas\/places\//, 'places'],
    [/^\/rotas\/:/, 'rotas'],
    [/^\/invites\//, 'invites'],
    [/^\/listening\/themes\//, 'themes'],
    [/^\/listening\/notes\//, 'notes'],
    [/^\/listening\/:/, 'cycles'],
    [/^\/library\/:/, 'library'],
    [/^\/events\/:/, 'events'],
    [/^\/things\/:/, 'things'],
    [/^\/places\/:/, 'tended'],
    [/^\/time\/:/, 'hours'],
    [/^\/buying\/wants\//, 'orderWants'],
    [/^\/calls\/rounds\//, 'callRounds'],
    [/^\/calls\/people\//, 'callPeople'],
    [/^\/calls\/:/, 'calls'],
    [/^\/translate\/proposals\//, 'translations'],
    [/^\/buying\/:/, 'orders'],
  ];
  const hit = table.find(([re]) => re.test(path));
  return hit ? (ids[hit[1]] ?? []) : [];
}

/**
 * Every form and endpoint, enumerated from the app: every route but GET (the forms and the JSON endpoints), and the
 * JSON API's GET endpoints. The pages members read (GET HTML) are left to the access matrix and the headers test,
 * which request each with made-up and malformed ids.
 */
export function fuzzRoutes(world: TestWorld): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of world.app.routes) {
    if (r.method === 'ALL' || r.path.includes('*') || r.path.startsWith('/static/')) continue;
    if (r.method === 'GET' && !r.path.startsWith('/api/')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()].sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

let fingerprintSql: string | undefined;

/** Everything the database holds, as one hash per table in one query (sessions left out: reading a page may renew one). */
export async function fingerprint(world: TestWorld): Promise<string> {
  if (!fingerprintSql) {
    const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1`.execute(
      world.deps.db,
    );
    fingerprintSql = tables.rows
      .map(
        ({ t }) =>
          `select '${t}' as t, (select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from "${t}" x) as h`,
      )
      .join(' union all ');
  }
  const r = await sql.raw<{ t: string; h: string }>(fingerprintSql).execute(world.deps.db);
  return r.rows.map((x) => `${x.t}:${x.h}`).join(';');
}

const clearMessage = (status: number, contentType: string, text: string) =>
  contentType.includes('json')
    ? /"code":"[a-z_]+"/.test(text)
    : /class="error-message"|class="error"|error-summary|role="alert"/.test(text) ||
      (contentType.startsWith('text/plain') && text.trim().length > 0);

const walPosition = async (world: TestWorld) =>
  (await sql<{ l: string }>`select pg_current_wal_insert_lsn()::text as l`.execute(world.deps.db)).rows[0]!.l;

/**
 * Fuzzes one route; returns how many requests it made. Whether a rejected request changed the database is read from
 * the write-ahead log's position (any write moves it); when it moved, the whole database is compared with what it
 * held before the request (a read may also move it, by tidying pages, without changing a row).
 */
export async function fuzzRoute(f: Fixture, route: { method: string; path: string }, runs: number): Promise<number> {
  const { world } = f;
  let known = { at: await walPosition(world), print: await fingerprint(world) };
  let made = 0;
  let lastPosition: string | undefined;
  const real = idsFor(route.path, f.ids);
  const pathArb = fc.oneof(
    ...(real.length ? [{ weight: 3, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: junkString },
    { weight: 1, arbitrary: fc.uuid() },
  );
  await fc.assert(
    fc.asyncProperty(pathArb, body, fc.boolean(), async (param, b, asJson) => {
      made++;
      // Signed back in if an earlier request signed the member out.
      if (!f.client.cookies.has('__Host-kropotkin'))
        f.client.cookies.set('__Host-kropotkin', await createSession(world.deps.db, f.memberId, world.now.value));
      // A lone surrogate cannot be percent-encoded; a browser would send U+FFFD for it.
      const path = route.path.replace(/:[a-z]+(\{[^}]*\})?/gi, encodeURIComponent(Buffer.from(param).toString()));
      const method = b.type === 'method' ? b.method : route.method;
      const headers: Record<string, string> = asJson ? { accept: 'application/json' } : {};
      let payload: string | undefined;
      let query = '';
      if (method === 'GET' && b.type === 'form') query = '?' + new URLSearchParams(b.pairs).toString();
      else if (method !== 'GET') {
        if (b.type === 'form') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = new URLSearchParams(b.pairs).toString();
        } else if (b.type === 'json') {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(b.value);
        } else if (b.type === 'raw') {
          if (b.contentType) headers['content-type'] = b.contentType;
          payload = b.text;
        } else if (b.type === 'huge') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = 'what=' + 'a'.repeat(MAX_BODY_BYTES + 10);
        }
      }
      const before = lastPosition ?? (await walPosition(world));
      if (before !== known.at) {
        stats.prints++;
        const t0 = performance.now();
        known = { at: before, print: await fingerprint(world) };
        stats.printMs += performance.now() - t0;
      }
      stats.requests++;
      const t1 = performance.now();
      const res = await f.client.request(path + query, { method, headers, body: payload });
      const text = await res.text();
      stats.requestMs += performance.now() - t1;
      const where = `${route.method} ${route.path} ← ${method} ${(path + query).slice(0, 120)} ${JSON.stringify(b).slice(0, 200)}`;
      expect(res.status, where).toBeLessThan(500);
      if (res.status < 400) {
        lastPosition = undefined; // accepted: work it started may still be writing
        return;
      }
      expect(
        clearMessage(res.status, res.headers.get('content-type') ?? '', text),
        `a clear message: ${res.status} ${where}\n${text.slice(Math.max(0, text.indexOf('<main')), text.indexOf('<main') + 600)}`,
      ).toBe(true);
      const t2 = performance.now();
      lastPosition = await walPosition(world);
      stats.walMs += performance.now() - t2;
      if (lastPosition !== known.at) {
        expect(await fingerprint(world), `the database changed after a rejected request: ${where}`).toBe(known.print);
      }
    }),
    { numRuns: runs, seed: 20261123, endOnFailure: true },
  );
  return made;
}

export { ORIGIN };
