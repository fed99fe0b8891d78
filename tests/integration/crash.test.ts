// Crashes in the middle of writes: the real server process, a stream of writes through the JSON API, SIGKILL while
// writes are in flight, a restart.
// - Recording money: every acknowledged transfer is there, none is half-applied, the ledger balances, and sending
//   every key again records each transfer exactly once.
// - Claims ("I can help"): every acknowledged claim is there with its notice, each need has exactly the match its
//   status says, and a need whose claim was in flight is either claimed (with its notice) or open — never between.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { engine, freshDatabase } from '../support/db.ts';
import { fundWorld } from '../support/fund-world.ts';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { deriveKeys } from '../../src/security/crypto.ts';
import { createSession } from '../../src/members/sessions.ts';
import { checkLedger, totalsPerCurrency } from '../../src/fund/queries.ts';
import { tempDir } from '../support/disk.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const dir = tempDir('kropotkin-crash-');
const secret = crypto.randomBytes(32);
const keys = deriveKeys(secret);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', require.resolve('tsx'), path.join(root, 'src/cli/main.ts'), 'start'],
    {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: base,
        KROPOTKIN_SECRET_KEY: secret.toString('base64'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  for (let i = 0; i < 300; i++) {
    if (out.includes('Kropotkin is serving')) return { child, base };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${out}`);
}

/** A migrated database for a server process: a new PostgreSQL database, or a data directory; with the server's env. */
async function serverDatabase(
  name: string,
): Promise<{ target: { databaseUrl: string } | { dataDir: string }; setup: Db; env: Record<string, string> }> {
  if (engine === 'postgresql') {
    const fresh = await freshDatabase();
    cleanups.push(fresh.close);
    return { target: { databaseUrl: fresh.url! }, setup: fresh.db, env: { DATABASE_URL: fresh.url! } };
  }
  const target = { dataDir: path.join(dir, name) };
  const setup = await openDatabase(target);
  await migrate(setup);
  return { target, setup, env: { KROPOTKIN_DATA_DIR: target.dataDir } };
}

describe(`writes through a crash (${engine})`, () => {
  it('keeps every acknowledged transfer, applies none by half, and records each key once after a restart', async () => {
    // Prepare the network, a treasurer and their session in the database the server will use.
    const { target, setup, env } = await serverDatabase('data');
    const w = await fundWorld(setup, keys);
    if (engine === 'embedded') await setup.destroy();

    const amountOf = (i: number) => 100 + i;
    const send = (base: string, i: number) =>
      fetch(`${base}/api/fund/records`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          origin: base,
          cookie: `__Host-kropotkin=${w.session}`,
          'idempotency-key': `crash-transfer-${i}`,
        },
        body: JSON.stringify({ kind: 'gift', fund: w.pot, amount: amountOf(i), memo: `transfer ${i}` }),
      });

    const first = await startServer(env);
    const acknowledged = new Set<number>();
    const sent = new Set<number>();
    let next = 0;
    let killed = false;
    // Four writers at a time; the process is killed once 60 transfers are acknowledged, with others in flight.
    const writer = async () => {
      while (!killed && next < 10_000) {
        const i = next++;
        sent.add(i);
        try {
          const res = await send(first.base, i);
          if (res.status === 201 || res.status === 200) acknowledged.add(i);
          else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (e) {
          if (!killed) throw e;
        }
        if (acknowledged.size >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await new Promise((r) =>
      first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r),
    );
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);

    // Restart: every acknowledged key is already there (a repeat), and the in-flight ones are recorded at most once.
    const second = await startServer(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    for (const i of [...sent].sort((a, b) => a - b)) {
      const res = await send(second.base, i);
      expect([200, 201]).toContain(res.status);
      const body = (await res.json()) as { repeated: boolean };
      if (acknowledged.has(i)) expect(body.repeated, `acknowledged transfer ${i} is present`).toBe(true);
    }
    const overview = (await (
      await fetch(`${second.base}/api/fund`, { headers: { cookie: `__Host-kropotkin=${w.session}` } })
    ).json()) as {
      funds: { id: string; balance: number }[];
      check: { unbalanced: number; mismatched: number };
    };
    expect(overview.check).toMatchObject({ unbalanced: 0, mismatched: 0 });
    const total = [...sent].reduce((s, i) => s + amountOf(i), 0);
    expect(overview.funds.find((f) => f.id === w.pot)!.balance).toBe(total);

    // Stopped cleanly, the database itself says the same: one two-line entry per key, nothing else.
    await new Promise((r) => {
      second.child.once('exit', r);
      second.child.kill('SIGTERM');
    });
    const db = await openDatabase(target);
    cleanups.unshift(() => db.destroy());
    const entries = await db
      .selectFrom('ledger_entries as e')
      .select((eb) => [
        'e.id',
        eb
          .selectFrom('ledger_lines as l')
          .select(eb.fn.countAll().as('n'))
          .whereRef('l.entry_id', '=', 'e.id')
          .as('lines'),
      ])
      .where('e.kind', '=', 'gift')
      .execute();
    expect(entries.length).toBe(sent.size);
    for (const e of entries) expect(Number(e.lines)).toBe(2);
    expect(await checkLedger(db)).toMatchObject({ unbalanced: 0, mismatched: 0 });
    for (const t of (await totalsPerCurrency(db)).values()) expect(t).toBe(0);
  }, 120_000);

  it('keeps every acknowledged claim with its notice, and leaves no claim half made, after a SIGKILL mid-stream', async () => {
    const { target, setup, env } = await serverDatabase('claims-data');
    const w = await fundWorld(setup, keys);
    await w.raiseDailyLimits(); // one member posts 150 needs, six claim them
    const helpers: string[] = [];
    for (let i = 0; i < 6; i++) helpers.push(await createSession(setup, await w.addMember(), new Date()));
    if (engine === 'embedded') await setup.destroy();
    const call = (base: string, session: string, route: string, body: unknown) =>
      fetch(`${base}${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          origin: base,
          cookie: `__Host-kropotkin=${session}`,
        },
        body: JSON.stringify(body),
      });

    const first = await startServer(env);
    const needs: string[] = [];
    for (let i = 0; i < 150; i++) {
      const res = await call(first.base, w.session, '/api/posts', {
        kind: 'need',
        what: `Groceries run number ${i}`,
        category: 'groceries',
        area: 'North',
        urgency: 'soon',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      needs.push(((await res.json()) as { id: string }).id);
    }
    // Six helpers claim needs, two of them racing for each need; killed once 40 claims are acknowledged.
    const acknowledged = new Map<string, string>(); // need → match
    let next = 0;
    let killed = false;
    const helper = async (h: number) => {
      while (!killed && next < needs.length * 2) {
        const need = needs[Math.floor(next++ / 2)]!;
        try {
          const res = await call(first.base, helpers[h]!, `/api/posts/${need}/respond`, {});
          if (res.status === 201) acknowledged.set(need, ((await res.json()) as { matchId: string }).matchId);
          else if (res.status !== 409) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (e) {
          if (!killed) throw e;
        }
        if (acknowledged.size >= 40 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(helpers.map((_, h) => helper(h)));
    await new Promise((r) =>
      first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r),
    );
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);

    // Restart, then stop cleanly, and read what the database holds.
    const second = await startServer(env);
    expect((await fetch(`${second.base}/board`, { headers: { cookie: `__Host-kropotkin=${w.session}` } })).status).toBe(
      200,
    );
    await new Promise((r) => {
      second.child.once('exit', r);
      second.child.kill('SIGTERM');
    });
    const db = await openDatabase(target);
    cleanups.unshift(() => db.destroy());
    const posts = await db.selectFrom('posts').select(['id', 'status']).where('id', 'in', needs).execute();
    const matches = await db
      .selectFrom('matches')
      .select(['id', 'need_id', 'status', 'helper_id'])
      .where('need_id', 'in', needs)
      .execute();
    const notices = new Set(
      (await db.selectFrom('notifications').select('subject').where('kind', '=', 'claimed').execute()).map(
        (n) => n.subject, // a claim's notice names its match
      ),
    );
    for (const [need, match] of acknowledged) {
      const m = matches.find((x) => x.id === match);
      expect(m, `acknowledged claim on ${need}`).toMatchObject({ need_id: need, status: 'active' });
    }
    for (const p of posts) {
      const active = matches.filter((m) => m.need_id === p.id && m.status === 'active');
      expect(active.length, `need ${p.id}`).toBe(p.status === 'matched' ? 1 : 0);
      expect(['open', 'matched']).toContain(p.status);
    }
    for (const m of matches) expect(notices.has(m.id), `the asker was told of match ${m.id}`).toBe(true);
    expect(matches.length).toBeGreaterThanOrEqual(acknowledged.size);
  }, 180_000);
});
