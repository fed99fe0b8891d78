// Run by tests/integration/limits.test.ts: the embedded database with the watchdog at a short limit, then a statement
// that runs far longer ("runaway"), or the same length of work as maintenance ("maintenance"), which is let run.
import fs from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { startWatchdog, unwatched } from '../../src/db/limits.ts';

const mode = process.argv[2];
const db = await openDatabase({ memory: true });
const stop = startWatchdog(Number(process.argv[3] ?? 500));
const long = (rows: number) =>
  sql`select count(*) from generate_series(1, ${rows}::bigint) a, generate_series(1, 10) b`.execute(db);
fs.writeSync(1, 'ready\n');
if (mode === 'runaway') await long(1_000_000_000);
else await unwatched(() => long(Number(process.argv[4])));
fs.writeSync(1, 'finished\n');
await stop();
await db.destroy();
