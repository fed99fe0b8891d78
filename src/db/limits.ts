// Every statement a request runs is time-bounded: the server enforces it (statement_timeout, set on every connection
// of the pool in connect.ts), and a transaction left idle is ended. Maintenance that may rightly take longer — backups,
// restores, migrations, the retention purge — lifts the limit for its own transaction.
import { sql, type Transaction } from 'kysely';
import type { Database } from './types.ts';
import type { Db } from './connect.ts';

/** The longest a statement a member's request runs may take. */
export const STATEMENT_LIMIT_MS = 15_000;

/** One transaction of maintenance: no statement limit. */
export function maintenanceTransaction<T>(
  db: Db,
  fn: (tx: Transaction<Database>) => Promise<T>,
  opts: { repeatableRead?: boolean } = {},
): Promise<T> {
  const t = opts.repeatableRead ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return t.execute(async (tx) => {
    await sql`set local statement_timeout = 0`.execute(tx);
    return fn(tx);
  });
}
