// One clock for the app and the database: before a connection is used, it is told the app's time (kropotkin.now),
// which app_now() reads in defaults and triggers (migration 008). When the app's clock is the machine's own, nothing is
// sent and app_now() is the server's now(), so a running server pays nothing for it.
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

/** How far the app's clock may stand from the machine's before the database is told it. */
const DRIFT_MS = 1000;

class ClockedDriver implements Driver {
  /** The time each connection was last told (a pooled connection keeps it until told otherwise). */
  private readonly told = new WeakMap<DatabaseConnection, string>();

  constructor(
    private readonly inner: Driver,
    private readonly clock: () => Date,
    private readonly afterDestroy: () => Promise<void>,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    const at = this.clock();
    if (Math.abs(at.getTime() - Date.now()) > DRIFT_MS) {
      // A clock that stands still (a test's) is told once, not before every statement.
      const iso = at.toISOString();
      if (this.told.get(conn) !== iso) {
        await conn.executeQuery(CompiledQuery.raw(`select set_config('kropotkin.now', '${iso}', false)`));
        this.told.set(conn, iso);
      }
    } else if (this.told.has(conn)) {
      await conn.executeQuery(CompiledQuery.raw(`select set_config('kropotkin.now', '', false)`));
      this.told.delete(conn);
    }
    return conn;
  }

  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection) {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection) {
    return this.inner.rollbackTransaction(conn);
  }
  savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.savepoint!(conn, name, compile);
  }
  rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint!(conn, name, compile);
  }
  releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint!(conn, name, compile);
  }
  releaseConnection(conn: DatabaseConnection) {
    return this.inner.releaseConnection(conn);
  }
  async destroy() {
    await this.inner.destroy();
    await this.afterDestroy();
  }
}

/** The dialect with the app's clock handed to every connection it gives out; `afterDestroy` runs after the pool ends. */
export function clockedDialect(
  inner: Dialect,
  clock: () => Date,
  afterDestroy: () => Promise<void> = async () => {},
): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new ClockedDriver(inner.createDriver(), clock, afterDestroy),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature: any schema
    createIntrospector: (db: Kysely<any>) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}
