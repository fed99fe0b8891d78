// Run under strace by src/db/durability.system.test.ts: opens the embedded database in a directory and makes N commits,
// writing "ack <i>" to stdout after each one is acknowledged. `stock` opens PGlite as shipped, for comparison.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../src/db/connect.ts';
import { sql } from 'kysely';

const [dir, n, mode] = [process.argv[2]!, Number(process.argv[3]), process.argv[4]];
const ack = (i: number) => fs.writeSync(1, `ack ${i}\n`);
if (mode === 'stock') {
  const pg = await PGlite.create({ dataDir: dir });
  await pg.exec('create table t (id int primary key, what text)');
  fs.writeSync(1, 'ready\n');
  for (let i = 0; i < n; i++) {
    await pg.query('insert into t values ($1, $2)', [i, `row ${i}`]);
    ack(i);
  }
  await pg.close();
} else {
  const db = await openDatabase({ dataDir: dir });
  await sql`create table t (id int primary key, what text)`.execute(db);
  fs.writeSync(1, 'ready\n');
  for (let i = 0; i < n; i++) {
    await sql`insert into t values (${i}, ${`row ${i}`})`.execute(db);
    ack(i);
  }
  await db.destroy();
}
