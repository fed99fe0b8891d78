// The map in docs/ARCHITECTURE.md, checked: which folder may import which. Reads every import in src/ (type-only
// ones too) and holds the rules that keep a new domain one folder and one line in src/domains.ts:
// - infrastructure (core, db, security, web, mail) imports no domain and no wiring;
// - a domain imports another only through that domain's public module (its index.ts), never a file inside it;
// - no folder reaches back to itself through others (no cycle), and no file imports itself through others at run time;
// - every domain folder declares itself in its index.ts and is named in src/domains.ts, and nothing else is;
// - every table has one owning domain, and only the owner's code writes it (others call its commands).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { domains } from './domains.ts';

const src = path.dirname(fileURLToPath(import.meta.url));
export const INFRASTRUCTURE = ['core', 'db', 'security', 'web', 'mail'];
/** Putting the app together: they may import anything, and nothing in a domain or the infrastructure imports them. */
export const WIRING = ['cli', 'backup'];

type Edge = { from: string; to: string; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;

function imports(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const names = m[0].match(/\{([^}]*)\}/)?.[1];
      // `import { type A, type B }` is type-only as much as `import type { A, B }`.
      const typeOnly = !!m[1] || (!!names && names.split(',').every((n) => !n.trim() || n.trim().startsWith('type ')));
      edges.push({
        from: path.relative(src, file),
        to: path.relative(src, path.resolve(path.dirname(file), m[2]!)),
        typeOnly,
      });
    }
  }
  return edges;
}

/** The folder under src/ a file is in; files at src/'s root are the wiring. */
const folder = (file: string) => (file.includes(path.sep) ? file.split(path.sep)[0]! : '(root)');
const kind = (f: string) =>
  f === '(root)' || WIRING.includes(f) ? 'wiring' : INFRASTRUCTURE.includes(f) ? 'infrastructure' : 'domain';

/** The tables a source file writes: Kysely's insertInto/updateTable/deleteFrom, and insert/update/delete in SQL. */
export function writesIn(text: string): { table: string; at: number }[] {
  const out: { table: string; at: number }[] = [];
  const line = (i: number) => text.slice(0, i).split('\n').length;
  for (const m of text.matchAll(/\.(?:insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)/g))
    out.push({ table: m[1]!, at: line(m.index!) });
  for (const m of text.matchAll(/\b(?:insert into|delete from) ([a-z_]+)\b|\bupdate ([a-z_]+) (?:[a-z]+ )?set\b/g)) {
    out.push({ table: (m[1] ?? m[2])!, at: line(m.index!) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Strongly connected groups of more than one node (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

const graphOf = (edges: Edge[], node: (file: string) => string) => {
  const g = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = node(e.from),
      b = node(e.to);
    if (a === b) continue;
    if (!g.has(a)) g.set(a, new Set());
    g.get(a)!.add(b);
  }
  return g;
};

describe('the architecture', () => {
  const edges = imports();

  it('reads the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('keeps the infrastructure free of domains and wiring', () => {
    const bad = edges.filter(
      (e) => kind(folder(e.from)) === 'infrastructure' && kind(folder(e.to)) !== 'infrastructure',
    );
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('lets a domain use another only through its public module', () => {
    const bad = edges.filter((e) => {
      const a = folder(e.from),
        b = folder(e.to);
      return (
        kind(a) === 'domain' &&
        a !== b &&
        (kind(b) === 'wiring' || (kind(b) === 'domain' && e.to !== path.join(b, 'index.ts')))
      );
    });
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('has no cycle between folders, counting type-only imports', () => {
    // The wiring is one node: it puts the rest together and nothing else imports it.
    expect(cycles(graphOf(edges, (f) => (kind(folder(f)) === 'wiring' ? 'wiring' : folder(f))))).toEqual([]);
  });

  it('has no cycle between files at run time', () => {
    expect(
      cycles(
        graphOf(
          edges.filter((e) => !e.typeOnly),
          (f) => f,
        ),
      ),
    ).toEqual([]);
  });

  it('knows every domain folder from src/domains.ts, each declared in its own index.ts', () => {
    const folders = fs
      .readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const domainFolders = folders.filter((f) => kind(f) === 'domain').sort();
    expect(domains.map((d) => d.name).sort()).toEqual(domainFolders);
    for (const f of domainFolders) expect(fs.existsSync(path.join(src, f, 'index.ts')), `${f}/index.ts`).toBe(true);
  });

  it('gives every table one owning domain, and lets only its owner write it', () => {
    const tables = [...fs.readFileSync(path.join(src, 'db/schema.sql'), 'utf8').matchAll(/^table (\w+)$/gm)].map(
      (m) => m[1]!,
    );
    expect(tables.length).toBeGreaterThan(40);
    const owner = new Map<string, string>();
    for (const d of domains)
      for (const table of d.tables ?? []) {
        expect(owner.get(table), `${table} is claimed by ${owner.get(table)} and ${d.name}`).toBeUndefined();
        owner.set(table, d.name);
      }
    expect(
      tables.filter((table) => !owner.has(table) && table !== 'schema_migrations').sort(),
      'tables no domain owns',
    ).toEqual([]);
    expect(
      [...owner.keys()].filter((table) => !tables.includes(table)),
      'owned tables that do not exist',
    ).toEqual([]);
    const bad: string[] = [];
    for (const file of sourceFiles(src)) {
      const d = folder(path.relative(src, file));
      if (kind(d) !== 'domain') continue;
      for (const { table, at } of writesIn(fs.readFileSync(file, 'utf8'))) {
        if (owner.get(table) !== d)
          bad.push(`${path.relative(src, file)}:${at} writes ${table} (owned by ${owner.get(table) ?? 'no domain'})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('sees writes in the query builder and in SQL', () => {
    const found = writesIn(
      "db.insertInto('posts'); tx\n.updateTable('matches as m'); sql`update fund_pledges p set x = 1; delete from flags where`",
    ).map((w) => w.table);
    expect(found).toEqual(['posts', 'matches', 'fund_pledges', 'flags']);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
