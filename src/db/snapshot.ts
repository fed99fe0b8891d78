// The schema as the migrations leave it, as text: every table with its columns, constraints, indexes and triggers,
// then every function with its current body. `npm run schema` writes it to src/db/schema.sql, so the current body of
// a trigger is one search away instead of spread over the migrations; tests/system/schema.test.ts fails when the
// file and the migrations disagree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from './connect.ts';
import { migrate } from './migrate.ts';

export const SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.sql');

const HEADER = `-- The schema as the migrations in src/db/migrations leave it, written by \`npm run schema\` (src/db/snapshot.ts).
-- Do not edit: change a migration (forward only: add one) and run \`npm run schema\`; a test compares the two.
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads the catalog, whatever the app's tables are
export async function schemaText(db: Kysely<any>): Promise<string> {
  const columns = await sql<{
    t: string;
    c: string;
    type: string;
    nullable: string;
    def: string | null;
    gen: string | null;
  }>`
    select table_name as t, column_name as c,
      case when data_type = 'USER-DEFINED' or data_type = 'ARRAY' then udt_name else data_type end as type,
      is_nullable as nullable, column_default as def, generation_expression as gen
    from information_schema.columns c
    where table_schema = 'public' and exists (select 1 from information_schema.tables x
      where x.table_schema = 'public' and x.table_name = c.table_name and x.table_type = 'BASE TABLE')
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ t: string; name: string; def: string }>`
    select conrelid::regclass::text as t, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace and conrelid <> 0 and contype <> 'n' order by 1, 2`.execute(
    db,
  );
  const indexes = await sql<{ t: string; name: string; def: string }>`
    select tablename as t, indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and indexname not in (select conname from pg_constraint) order by 1, 2`.execute(db);
  const triggers = await sql<{ t: string; name: string; def: string }>`
    select tgrelid::regclass::text as t, tgname as name, pg_get_triggerdef(oid) as def
    from pg_trigger where not tgisinternal order by 1, 2`.execute(db);
  const functions = await sql<{ name: string; def: string }>`
    select p.proname as name, pg_get_functiondef(p.oid) as def from pg_proc p
    where p.pronamespace = 'public'::regnamespace order by 1, pg_get_function_identity_arguments(p.oid)`.execute(db);

  const byTable = <T extends { t: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.t, [...(m.get(r.t) ?? []), r]);
    return m;
  };
  const cons = byTable(constraints.rows),
    idx = byTable(indexes.rows),
    trg = byTable(triggers.rows);
  const out = [HEADER];
  for (const [t, cols] of byTable(columns.rows)) {
    out.push(`table ${t}`);
    for (const c of cols) {
      const parts = [`  ${c.c} ${c.type}`];
      if (c.nullable === 'NO') parts.push('not null');
      if (c.def !== null) parts.push(`default ${c.def}`);
      if (c.gen) parts.push(`generated always as ${c.gen}`);
      out.push(parts.join(' '));
    }
    for (const k of cons.get(t) ?? []) out.push(`  constraint ${k.name} ${k.def}`);
    for (const k of idx.get(t) ?? []) out.push(`  ${k.def}`);
    for (const k of trg.get(t) ?? []) out.push(`  ${k.def}`);
    out.push('');
  }
  for (const f of functions.rows) out.push(`${f.def.trim()}\n`);
  return out.join('\n');
}

/** The schema of a fresh database migrated to this code's migrations. */
export async function currentSchema(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-schema-'));
  const db = await openDatabase({ dataDir: dir, embedded: { fsync: false } });
  try {
    await migrate(db);
    return await schemaText(db);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(SCHEMA_FILE, await currentSchema());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}.`);
}
