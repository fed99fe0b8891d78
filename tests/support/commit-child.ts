// Run under strace by tests/system/durability.test.ts: starts the embedded server in a directory and makes N commits,
// writing "ack <i>" to stdout after each one is acknowledged. `nosync` starts it with fsync off, for comparison.
import fs from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';

const [dir, n, mode] = [process.argv[2]!, Number(process.argv[3]), process.argv[4]];
const ack = (i: number) => fs.writeSync(1, `ack ${i}\n`);
const db = await openDatabase({ dataDir: dir, embedded: { fsync: mode !== 'nosync' } });
await sql`create table t (id int primary key, what text)`.execute(db);
fs.writeSync(1, 'ready\n');
for (let i = 0; i < n; i++) {
  await sql`insert into t values (${i}, ${`row ${i}`})`.execute(db);
  ack(i);
}
await db.destroy();
