// Every statement is time-bounded on both engines: PostgreSQL cancels one that overruns and the member is told to try
// again (503, not 500); the embedded database, which cannot cancel, is ended by its watchdog rather than hold the server
// for good. Maintenance (backups, restores, migrations, the purge) runs outside the limit.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { maintenanceTransaction } from '../../src/db/limits.ts';
import { fromDatabaseError } from '../../src/web/errors.ts';
import { engine, freshDatabase } from '../support/db.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

function runChild(
  args: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; ms: number }> {
  const t = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', require.resolve('tsx'), path.join(root, 'tests/support/runaway-child.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, out, ms: Date.now() - t });
    }),
  );
}

describe.runIf(engine === 'pglite')('the embedded database’s watchdog', () => {
  it('ends the process when a statement runs past the limit, saying why', async () => {
    const r = await runChild(['runaway', '1000']);
    expect(r.out).toContain('ready');
    expect(r.out).not.toContain('finished');
    expect(r.signal).toBe('SIGKILL');
    expect(r.out).toMatch(/ran for over 1 s and held the server/);
  }, 120_000);

  it('lets maintenance run past the limit', async () => {
    const r = await runChild(['maintenance', '200', '1000000']);
    expect(r.out).toContain('finished');
    expect(r.code).toBe(0);
  }, 120_000);
});

describe.runIf(engine === 'postgresql')('the PostgreSQL server’s statement limit', () => {
  it('cancels a statement that overruns, which members are told as 503 (try again), and lets maintenance run', async () => {
    const fresh = await freshDatabase();
    const db = await openDatabase({ databaseUrl: fresh.url! }, undefined, { statementLimitMs: 300 });
    try {
      const e = await sql`select pg_sleep(3)`.execute(db).then(
        () => null,
        (err: unknown) => err,
      );
      expect((e as { code?: string })?.code).toBe('57014');
      expect(fromDatabaseError(e)?.status).toBe(503);
      await maintenanceTransaction(db, (tx) => sql`select pg_sleep(0.6)`.execute(tx));
    } finally {
      await db.destroy();
      await fresh.close();
    }
  }, 60_000);
});
