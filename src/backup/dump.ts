// A logical copy of the whole database, the same on both engines, so a network can also move from the embedded
// database to a PostgreSQL server (or back) through a backup. Each table's rows are copied as the JSON PostgreSQL
// itself writes and reads (json_agg / json_populate_recordset), so no value passes through JavaScript's types.
//
// Layout (before sealing): one header line of JSON, then each table's JSON text, in the header's order and sizes.
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import { appliedMigrations, migrate, migrationNames } from '../db/migrate.ts';
import { checkLedger } from '../fund/queries.ts';
import { maintenanceTransaction } from '../db/limits.ts';

const FORMAT = 'kropotkin-backup';
const VERSION = 1;
/** Minutes-long secrets, useless after a restore: left out. */
const LEFT_OUT = new Set(['schema_migrations', 'auth_challenges', 'sign_in_tokens']);

export class RestoreError extends Error {}

type Header = {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  /** The master key that opens contact details and messages; the backup is sealed, so it travels safely. */
  masterKey: string;
  tables: { name: string; rows: number; bytes: number }[];
};

export type BackupContents = { header: Header; tables: Map<string, string> };

// The backup's tables, in name order; the columns PostgreSQL computes itself (posts.search) are left to it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature: any schema
async function tableColumns(db: Kysely<any>): Promise<Map<string, string[]>> {
  const r = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
    order by c.table_name, c.ordinal_position`.execute(db);
  const out = new Map<string, string[]>();
  for (const row of r.rows) {
    if (LEFT_OUT.has(row.table_name)) continue;
    out.set(row.table_name, [...(out.get(row.table_name) ?? []), row.column_name]);
  }
  return out;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Copies every table in one consistent snapshot. */
export async function dumpDatabase(db: Db, masterKey: Buffer, now: Date): Promise<Buffer> {
  return maintenanceTransaction(
    db,
    async (tx) => {
      const migrations = await appliedMigrations(tx);
      const tables: Header['tables'] = [];
      const bodies: Buffer[] = [];
      for (const [name, cols] of await tableColumns(tx)) {
        const list = cols.map(ident).join(', ');
        const r = await sql<{ j: string; n: number }>`
        select coalesce(json_agg(t), '[]')::text as j, count(*)::int as n
        from (select ${sql.raw(list)} from ${sql.raw(ident(name))}) t`.execute(tx);
        const body = Buffer.from(r.rows[0]!.j, 'utf8');
        tables.push({ name, rows: r.rows[0]!.n, bytes: body.length });
        bodies.push(body);
      }
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: now.toISOString(),
        migrations: sortMigrations(migrations),
        masterKey: masterKey.toString('base64'),
        tables,
      };
      return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), ...bodies]);
    },
    { repeatableRead: true },
  );
}

const sortMigrations = (names: string[]) =>
  migrationNames.filter((n) => names.includes(n)).concat(names.filter((n) => !migrationNames.includes(n)));

export function readBackup(plain: Buffer): BackupContents {
  const newline = plain.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(plain.subarray(0, newline).toString('utf8')) as Header;
  } catch {
    throw new RestoreError('The backup opened but its contents are not a Kropotkin backup.');
  }
  if (header.format !== FORMAT)
    throw new RestoreError('The backup opened but its contents are not a Kropotkin backup.');
  if (header.version !== VERSION)
    throw new RestoreError(
      `This backup has format ${header.version}; this Kropotkin reads format ${VERSION}. Restore it with the Kropotkin version that wrote it.`,
    );
  const tables = new Map<string, string>();
  let at = newline + 1;
  for (const t of header.tables) {
    tables.set(t.name, plain.subarray(at, at + t.bytes).toString('utf8'));
    at += t.bytes;
  }
  if (at !== plain.length) throw new RestoreError('The backup is incomplete: its tables do not add up to its header.');
  return { header, tables };
}

export type RestoreSummary = { createdAt: string; rows: Record<string, number>; ledgerEntries: number };

/**
 * Loads a backup into an empty database (no network founded), then brings it up to this code's migrations. The rows
 * go in exactly as they were, with the database's triggers held back (they already held when the rows were written);
 * then the ledger is checked.
 */
export async function restoreDatabase(db: Db, contents: BackupContents): Promise<RestoreSummary> {
  const { header, tables } = contents;
  const unknown = header.migrations.filter((m) => !migrationNames.includes(m));
  if (unknown.length)
    throw new RestoreError(
      `This backup comes from a newer Kropotkin (it has ${unknown.join(', ')}). Upgrade Kropotkin, then restore.`,
    );
  const applied = await appliedMigrations(db);
  const beyond = applied.filter((m) => !header.migrations.includes(m));
  if (beyond.length)
    throw new RestoreError(
      'Restore into an empty database: this one has been brought further than the backup. Start from an empty data directory (or a new PostgreSQL database).',
    );
  if (header.migrations.length) await migrate(db, { upTo: header.migrations.at(-1) });
  const nonEmpty = await sql<{
    n: number;
  }>`select (select count(*) from members)::int + (select count(*) from network_founding)::int as n`.execute(db);
  if (nonEmpty.rows[0]!.n > 0)
    throw new RestoreError(
      'Restore into an empty database: this one already holds a network. Start from an empty data directory (or a new PostgreSQL database).',
    );

  const columns = await tableColumns(db);
  const missing = header.tables.filter((t) => !columns.has(t.name)).map((t) => t.name);
  if (missing.length) throw new RestoreError(`The backup has tables this database lacks (${missing.join(', ')}).`);
  const rows: Record<string, number> = {};
  await maintenanceTransaction(db, async (tx) => {
    try {
      await sql`set local session_replication_role = replica`.execute(tx);
    } catch {
      throw new RestoreError(
        'Restoring needs a database role allowed to set session_replication_role (a superuser, or: GRANT SET ON PARAMETER session_replication_role TO your_role).',
      );
    }
    // Cascade also empties the minutes-long tables left out of backups (they point at members).
    await sql.raw(`truncate table ${[...columns.keys()].map(ident).join(', ')} cascade`).execute(tx);
    for (const t of header.tables) {
      const list = columns.get(t.name)!.map(ident).join(', ');
      const r = await sql`insert into ${sql.raw(ident(t.name))} (${sql.raw(list)})
        select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(ident(t.name))}, ${tables.get(t.name)!}::json)`.execute(
        tx,
      );
      rows[t.name] = Number(r.numAffectedRows ?? 0);
      if (rows[t.name] !== t.rows)
        throw new RestoreError(`The backup's ${t.name} should hold ${t.rows} rows but ${rows[t.name]} went in.`);
    }
    // Sequences continue after the restored ids.
    const seqs = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_default like 'nextval(%'`.execute(tx);
    for (const s of seqs.rows) {
      await sql`select setval(pg_get_serial_sequence(${ident(s.table_name)}, ${s.column_name}),
        coalesce((select max(${sql.ref(s.column_name)}) from ${sql.raw(ident(s.table_name))}), 0) + 1, false)`.execute(
        tx,
      );
    }
    const ledger = await checkLedger(tx);
    if (ledger.unbalanced || ledger.mismatched)
      throw new RestoreError(
        `The restored ledger does not balance (${ledger.unbalanced} entries unbalanced, ${ledger.mismatched} balances wrong); nothing was restored.`,
      );
  });
  await migrate(db);
  return { createdAt: header.createdAt, rows, ledgerEntries: (await checkLedger(db)).entries };
}
