// Every statement is time-bounded: the server cancels one that overruns and the member is told to try again (503, not
// 500). Maintenance (backups, restores, migrations, the purge) runs outside the limit.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.ts';
import { maintenanceTransaction } from '../../src/db/limits.ts';
import { fromDatabaseError } from '../../src/web/errors.ts';
import { engine, freshDatabase } from '../support/db.ts';

describe(`the statement limit (${engine})`, () => {
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
