// docs/SECURITY.md lists every column the database has and every field the server writes to its log, each with a
// classification and how long it is kept. This fails when a migration adds a column, or the code logs a new value,
// that the inventory does not classify (and when the inventory lists something that no longer exists).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const doc = fs.readFileSync(path.join(root, 'docs/SECURITY.md'), 'utf8');
const CLASSES = ['public to members', 'private to one member', 'private to a matched pair', 'secret'];

/** The rows of the markdown tables under a heading, first cell unwrapped from backticks. */
function tableRows(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/SECURITY.md has no "## ${heading}" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .map(([first, ...rest]) => [first!.replace(/^`|`$/g, ''), ...rest]);
}

/** The argument text of each logging call in the server's source (log, print, console.*), with balanced parentheses. */
function loggedArguments(): { file: string; arg: string }[] {
  const out: { file: string; arg: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'static') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/(?<![\w.])(?:deps\.log|log|print|console\.(?:log|error|warn|info))\(/g)) {
          let depth = 1;
          let i = m.index! + m[0].length;
          const from = i;
          for (; i < text.length && depth > 0; i++) {
            if (text[i] === '(') depth++;
            else if (text[i] === ')') depth--;
          }
          const arg = text
            .slice(from, i - 1)
            .trim()
            .replace(/,$/, ''); // a call split over lines ends its last argument with a comma
          if (arg) out.push({ file: path.relative(root, p), arg });
        }
      }
    }
  };
  walk(path.join(root, 'src'));
  return out;
}

/** What a logging call writes that is not fixed text: each `${…}` of a template, or the whole argument otherwise. */
export function loggedFields(arg: string): string[] {
  if (/^'[^']*'$/.test(arg) || /^"[^"]*"$/.test(arg)) return [];
  if (!arg.startsWith('`')) return [arg.replace(/\s+/g, ' ')];
  const fields: string[] = [];
  for (let i = arg.indexOf('${'); i >= 0; i = arg.indexOf('${', i)) {
    let depth = 1;
    let j = i + 2;
    for (; j < arg.length && depth > 0; j++) {
      if (arg[j] === '{') depth++;
      else if (arg[j] === '}') depth--;
    }
    fields.push(
      arg
        .slice(i + 2, j - 1)
        .replace(/\s+/g, ' ')
        .trim(),
    );
    i = j;
  }
  return fields;
}

describe('the data inventory in docs/SECURITY.md', () => {
  it('classifies every column of every table, with how long it is kept, and lists none that does not exist', async () => {
    const { db, close } = await freshDatabase();
    const r = await sql<{ c: string }>`select table_name || '.' || column_name as c from information_schema.columns
      where table_schema = 'public' order by 1`.execute(db);
    await close();
    const columns = r.rows.map((x) => x.c);
    const rows = new Map(tableRows('Inventory of stored data').map(([name, cls, kept]) => [name!, { cls, kept }]));
    expect(columns.length).toBeGreaterThan(200);
    expect(
      columns.filter((c) => !rows.has(c)),
      'columns with no entry in the inventory',
    ).toEqual([]);
    expect(
      [...rows.keys()].filter((c) => !columns.includes(c)),
      'inventory entries for columns that do not exist',
    ).toEqual([]);
    const badly = [...rows].filter(([, v]) => !CLASSES.includes(v.cls ?? '') || !v.kept);
    expect(
      badly.map(([k]) => k),
      `each needs one of: ${CLASSES.join(', ')}; and how long it is kept`,
    ).toEqual([]);
  }, 60_000); // opening and migrating a database takes seconds when the machine is busy

  it('classifies every value the server writes to its log', () => {
    const fields = new Set(loggedArguments().flatMap((c) => loggedFields(c.arg)));
    expect(fields.size).toBeGreaterThan(5);
    const rows = new Map(tableRows('Log fields').map(([name, cls, kept]) => [name!, { cls, kept }]));
    expect(
      [...fields].filter((f) => !rows.has(f)),
      'logged values with no entry under "Log fields"',
    ).toEqual([]);
    expect(
      [...rows.keys()].filter((f) => !fields.has(f)),
      'log entries the code no longer writes',
    ).toEqual([]);
    expect([...rows].filter(([, v]) => !CLASSES.includes(v.cls ?? '') || !v.kept).map(([k]) => k)).toEqual([]);
  });

  it('reads logging calls as intended', () => {
    expect(loggedFields("'fixed text'")).toEqual([]);
    expect(loggedFields('`failed: ${(e as Error).message} at ${x.y}`')).toEqual(['(e as Error).message', 'x.y']);
    expect(loggedFields('result.error')).toEqual(['result.error']);
  });
});
