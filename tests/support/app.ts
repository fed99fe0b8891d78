// The app in-process for integration tests: a fresh database, a fixed key, a mailer that keeps what it sends,
// a clock the test can move, and clients that keep their own cookies.
import { registry } from '../../src/domains.ts';
import { buildRegistry, type Domain } from '../../src/web/domain.ts';
import { matchingSettled } from '../../src/exchange/match-queue.ts';
import { afterResponseSettled } from '../../src/web/later.ts';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/core/config.ts';
import { deriveKeys } from '../../src/security/crypto.ts';
import { RateLimiter } from '../../src/security/rate-limit.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';
import { networkNow } from '../../src/agreements/index.ts';
import { runJobs } from '../../src/jobs.ts';
import { hashToken, newToken } from '../../src/security/tokens.ts';
import { createInvite } from '../../src/members/invites.ts';
import type { Mail, Mailer } from '../../src/mail/mailer.ts';
import type { Deps } from '../../src/web/context.ts';
import { freshDatabase } from './db.ts';
import type { EmbeddedOptions } from '../../src/db/embedded.ts';

export const ORIGIN = 'http://localhost:3000';

export type TestWorld = {
  app: App;
  deps: Deps;
  mails: Mail[];
  now: { value: Date };
  /** Every line the server logged. */
  logs: string[];
  /** The PostgreSQL database's address, on that engine. */
  url?: string;
  close: () => Promise<void>;
};

/**
 * The test world's time: noon (UTC) on a fixed day, so pages and mail read the same on every run; or, with
 * TEST_CLOCK_AHEAD_DAYS, noon that many days past the machine's date (tests/run.mjs runs the PostgreSQL pass so,
 * to prove the app and the database agree on what time it is whatever the calendar says).
 */
export function defaultTestTime(): Date {
  const ahead = Number(process.env.TEST_CLOCK_AHEAD_DAYS ?? '');
  if (!ahead) return new Date('2026-11-22T12:00:00Z');
  const day = new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T12:00:00Z`);
}

/**
 * `dataDir` starts an embedded server of the world's own there (as `npm start` would; `embedded` sets it up), instead
 * of a database on the run's shared server. `domains` replaces the app's list (src/domains.ts), to try a domain the
 * app does not have.
 */
export async function buildWorld(
  opts: { now?: Date; dataDir?: string; embedded?: EmbeddedOptions; domains?: readonly Domain[] } = {},
): Promise<TestWorld> {
  const logs: string[] = [];
  const mails: Mail[] = [];
  const mailer: Mailer = { kind: 'console', send: async (m) => void mails.push(m) };
  const now = { value: opts.now ?? defaultTestTime() };
  const { db, url, close } = await freshDatabase(opts.dataDir, () => now.value, { embedded: opts.embedded });
  const domains = opts.domains ? buildRegistry(opts.domains) : registry;
  const deps: Deps = {
    config: { ...loadConfig({ NODE_ENV: 'test' }), publicUrl: ORIGIN },
    db,
    keys: deriveKeys(crypto.randomBytes(32)),
    mailer,
    clock: () => now.value,
    log: (line) => void logs.push(line),
    limits: {
      signInLinks: new RateLimiter(5, 15 * 60_000, () => now.value.getTime()),
      signInLinksGlobal: new RateLimiter(200, 15 * 60_000, () => now.value.getTime()),
      wrongCodes: new RateLimiter(60, 15 * 60_000, () => now.value.getTime()),
    },
    registry: domains,
    jobs: new Map(),
    network: () => networkNow(db, domains),
  };
  return { app: createApp(deps), deps, mails, now, logs, url, close };
}

/** A browser-like client: keeps cookies, sends our Origin on posts, follows nothing by itself. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private readonly world: TestWorld) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', ORIGIN);
    const res = await this.world.app.request(`${ORIGIN}${path}`, { ...init, headers });
    await matchingSettled(this.world.deps.db); // helpers are told of a new need just after it is posted
    await afterResponseSettled(); // mail and sign-in links are made just after the answer
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request(path, { headers });
  }

  post(path: string, form: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  postJson(path: string, body: unknown) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

export const AREAS = ['Eastside', 'Riverside', 'Old Town'];

/** Founds a network through the real founding form; returns the founder's client. */
export async function foundNetwork(world: TestWorld, over: Partial<Record<string, string>> = {}) {
  const token = newToken();
  await setFoundingToken(world.deps.db, hashToken(token));
  const founder = new Client(world);
  const res = await founder.post('/found', {
    token,
    network_name: 'Eastside Mutual Aid',
    areas: AREAS.join('\n'),
    languages: 'en\nes',
    founder_name: 'Ada',
    founder_language: 'en',
    founder_email: 'ada@example.org',
    ...over,
  });
  if (res.status !== 303) throw new Error(`founding failed: ${res.status} ${await res.text()}`);
  return founder;
}

let memberCount = 0;

/** A member who joined through an invite link, as a person would (and, given an email, opened the link mailed to it). */
export async function buildMember(world: TestWorld, over: { name?: string; language?: string; email?: string } = {}) {
  const { token } = await createInvite(world.deps.db, null, world.now.value);
  // Where joining takes a second member, the person was given a link a member had seconded.
  await sql`update invites set seconded_at = ${world.now.value},
    seconded_by = (select id from members where removed_at is null order by joined_at limit 1)
    where token_hash = ${hashToken(token)} and exists (select 1 from members)`.execute(world.deps.db);
  const client = new Client(world);
  memberCount++;
  const res = await withMailSeen(world, () =>
    client.post(`/join/${token}`, {
      display_name: over.name ?? `Member ${memberCount}`,
      language: over.language ?? 'en',
      email: over.email ?? '',
    }),
  );
  if (res.result.status !== 303) throw new Error(`joining failed: ${res.result.status} ${await res.result.text()}`);
  if (over.email) await confirmMailedEmail(world, client, res.mails, over.email);
  return client;
}

/** Runs `fn` while keeping a copy of every mail the app sends (to whatever mailer the world has). */
export async function withMailSeen<T>(world: TestWorld, fn: () => Promise<T>): Promise<{ result: T; mails: Mail[] }> {
  const mailer = world.deps.mailer;
  const mails: Mail[] = [];
  world.deps.mailer = {
    ...mailer,
    send: async (m) => {
      mails.push(m);
      await mailer.send(m);
    },
  };
  try {
    return { result: await fn(), mails };
  } finally {
    world.deps.mailer = mailer;
  }
}

/** Opens the confirmation link mailed to `email` and presses its button, as its owner would. */
export async function confirmMailedEmail(world: TestWorld, client: Client, mails: Mail[], email: string) {
  const mail = mails.find(
    (m) => m.to.toLowerCase() === email.trim().toLowerCase() && /\/email\/confirm\?token=/.test(m.text),
  );
  if (!mail) throw new Error(`no confirmation mail to ${email}`);
  const token = mail.text.match(/\/email\/confirm\?token=([\w-]{43})/)![1]!;
  const res = await client.post('/email/confirm', { token });
  if (res.status !== 303) throw new Error(`confirming the email failed: ${res.status} ${await res.text()}`);
}

export function inADay(world: TestWorld, days = 1) {
  const d = new Date(world.now.value);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Posts a need or offer through the form; returns its id. */
export async function buildPost(
  client: Client,
  over: Partial<
    Record<
      | 'kind'
      | 'what'
      | 'category'
      | 'area'
      | 'urgency'
      | 'needed_by'
      | 'available_until'
      | 'capacity'
      | 'confirm_duplicate',
      string
    >
  > = {},
) {
  const res = await client.post('/posts', {
    kind: 'need',
    what: 'A ride to the clinic on Tuesday morning',
    category: 'rides',
    area: 'Eastside',
    urgency: 'soon',
    ...over,
  });
  if (res.status !== 303) throw new Error(`posting failed: ${res.status} ${await res.text()}`);
  return idFromRedirect(res);
}

/** The id in a redirect's location, e.g. /posts/<id>, /decisions/<id> or /fund/requests/<id>. */
export const idFromRedirect = (res: Response) => {
  const parts = new URL(res.headers.get('location')!, ORIGIN).pathname.split('/');
  return parts.find((p) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(p)) ?? parts[2]!;
};

/** A member's id, found by the name they joined with. */
export const memberIdOf = async (world: TestWorld, name: string) =>
  (await world.deps.db.selectFrom('members').select('id').where('display_name', '=', name).executeTakeFirstOrThrow())
    .id;

/** A post's status as the database holds it. */
export const postStatus = async (world: TestWorld, id: string) =>
  (await world.deps.db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

/** Moves the world's clock forward; scheduled work sees it on the next runJobs. */
export function passHours(world: TestWorld, hours: number) {
  world.now.value = new Date(world.now.value.getTime() + hours * 3_600_000);
}

/**
 * A world for one test file: built before its tests (optionally with the network founded), closed after.
 * Read `.world` (and `.founder`) inside tests and hooks.
 */
/** The members change an agreement: `by` proposes it, nobody objects, and it passes when it closes a day later. */
export async function decideAgreement(world: TestWorld, by: Client, agreement: string, value: string) {
  const res = await by.post('/decisions', {
    title: `Change ${agreement}`,
    process: 'consent',
    closes_in: '24',
    agreement,
    agreement_value: value,
  });
  if (res.status !== 303) throw new Error(`the proposal was refused: ${res.status} ${await res.text()}`);
  passHours(world, 25);
  await runJobs(world.deps);
}

export function worldForFile(opts: { found?: boolean } = {}) {
  const holder = {} as { world: TestWorld; founder: Client };
  beforeAll(async () => {
    holder.world = await buildWorld();
    if (opts.found !== false) holder.founder = await foundNetwork(holder.world);
  });
  afterAll(() => holder.world.close());
  return holder;
}
