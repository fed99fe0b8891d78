// Every statement a request runs is time-bounded. On a PostgreSQL server the server enforces it (statement_timeout);
// the embedded PGlite has no timer inside its WebAssembly and blocks the one JavaScript thread while a statement runs,
// so a watchdog thread ends the process when a statement overruns (the embedded database keeps every acknowledged
// commit through that, and the service manager starts it again). Maintenance that may rightly take longer — backups,
// restores, migrations, the retention purge — runs outside the limit.
import { Worker } from 'node:worker_threads';
import { sql, type Transaction } from 'kysely';
import type { Database } from './types.ts';
import type { Db } from './connect.ts';

/** The longest a statement a member's request runs may take. */
export const STATEMENT_LIMIT_MS = 15_000;

/** Shared with the watchdog thread: [when the running statement started (ms, 0 when none), maintenance depth]. */
const state = new BigInt64Array(new SharedArrayBuffer(16));

/** The embedded database's connection marks each statement, so the watchdog can see one that never returns. */
export function statementStarted(): void {
  if (Atomics.load(state, 1) === 0n) Atomics.store(state, 0, BigInt(Date.now()));
}
export function statementEnded(): void {
  Atomics.store(state, 0, 0n);
}

/** Runs maintenance the time limit does not apply to. */
export async function unwatched<T>(fn: () => Promise<T>): Promise<T> {
  Atomics.add(state, 1, 1n);
  Atomics.store(state, 0, 0n);
  try {
    return await fn();
  } finally {
    Atomics.sub(state, 1, 1n);
  }
}

/** One transaction of maintenance: no statement limit on either engine. */
export function maintenanceTransaction<T>(
  db: Db,
  fn: (tx: Transaction<Database>) => Promise<T>,
  opts: { repeatableRead?: boolean } = {},
): Promise<T> {
  const t = opts.repeatableRead ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return unwatched(() =>
    t.execute(async (tx) => {
      await sql`set local statement_timeout = 0`.execute(tx);
      return fn(tx);
    }),
  );
}

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { state, limitMs } = workerData;
setInterval(() => {
  const started = Number(Atomics.load(state, 0));
  if (started && Date.now() - started > limitMs) {
    fs.writeSync(2, 'A database statement ran for over ' + Math.round(limitMs / 1000) + ' s and held the server; Kropotkin stops now so it can be started again (nothing acknowledged is lost).\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);
`;

/** Starts the watchdog thread (the server does, for the embedded database); returns its stop. */
export function startWatchdog(limitMs = STATEMENT_LIMIT_MS): () => Promise<void> {
  const worker = new Worker(WATCHDOG, { eval: true, workerData: { state, limitMs } });
  worker.unref();
  return async () => void (await worker.terminate());
}
