// The schema is visible and the code agrees with it: src/db/schema.sql is what the migrations make today, the table
// types in src/db/types.ts name exactly the tables and columns the database has (and say null where it may be null),
// and the notifications about a row are forgotten with it on every table a kind of notification names.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import { freshDatabase } from '../support/db.ts';
import { schemaText, SCHEMA_FILE } from '../../src/db/snapshot.ts';
import { domains } from '../../src/domains.ts';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db');

/** Tables and their columns as db/types.ts declares them: whether each column's type admits null. */
function declaredTables(): Map<string, Map<string, boolean>> {
  const file = path.join(here, 'types.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error('db/types.ts has no Database interface');
  const tables = new Map<string, Map<string, boolean>>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) {
      throw new Error(`Database.${member.name?.getText(source)} should be written as { column: type; ... }`);
    }
    const columns = new Map<string, boolean>();
    for (const col of member.type.members) {
      if (!ts.isPropertySignature(col) || !col.type) continue;
      columns.set(col.name.getText(source), /\bnull\b/.test(col.type.getText(source)));
    }
    tables.set(member.name.getText(source), columns);
  }
  return tables;
}

let db: Db;
let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;
beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
}, 60_000);
afterAll(() => fresh?.close());

describe('the schema', () => {
  it('is written out as the migrations leave it (src/db/schema.sql; `npm run schema` writes it)', async () => {
    const written = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    expect(written === (await schemaText(db)), 'src/db/schema.sql is out of date: run `npm run schema`').toBe(true);
  });

  it('has the tables and columns db/types.ts declares, and null where the types say so', async () => {
    const declared = declaredTables();
    const r = await sql<{ t: string; c: string; nullable: string }>`
      select c.table_name as t, c.column_name as c, c.is_nullable as nullable from information_schema.columns c
      join information_schema.tables x on x.table_schema = c.table_schema and x.table_name = c.table_name and x.table_type = 'BASE TABLE'
      where c.table_schema = 'public' order by 1, 2`.execute(db);
    const actual = new Map<string, Map<string, boolean>>();
    for (const row of r.rows) actual.set(row.t, (actual.get(row.t) ?? new Map()).set(row.c, row.nullable === 'YES'));
    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
    const problems: string[] = [];
    for (const [t, columns] of actual) {
      const types = declared.get(t)!;
      for (const [c, nullable] of columns) {
        if (!types.has(c)) problems.push(`${t}.${c} is not in db/types.ts`);
        // A column the database computes (posts.search) is declared without null; elsewhere null must match.
        else if (types.get(c) !== nullable) problems.push(`${t}.${c}: the database says ${nullable ? '' : 'not '}null`);
      }
      for (const c of types.keys())
        if (!columns.has(c)) problems.push(`${t}.${c} is in db/types.ts but not in the database`);
    }
    expect(problems).toEqual([]);
  });

  it('forgets the notifications about a row deleted, on exactly the tables the notification kinds name', async () => {
    const r = await sql<{ table: string }>`select distinct c.relname as table from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'notifications_forget' and not t.tgisinternal`.execute(db);
    const forgetting = r.rows.map((row) => row.table).sort();
    const named = [
      ...new Set(domains.flatMap((d) => (d.notifications ?? []).flatMap((n) => n.about?.tables ?? []))),
    ].sort();
    expect(named.length).toBeGreaterThan(5);
    expect(forgetting).toEqual(named);
  });

  it('has every notification kind declared by exactly one domain', () => {
    const kinds = domains.flatMap((d) => (d.notifications ?? []).map((n) => n.kind as string));
    expect(kinds.length).toBeGreaterThan(20);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
