// Every regular expression in the app runs in time linear in its input: a backtracking pattern on a 60 KB field
// stalls the one JavaScript thread for seconds. recheck proves each pattern safe (or shows the attack string).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function regexLiterals(file: string): { where: string; source: string; flags: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { where: string; source: string; flags: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({
        where: `${path.relative(process.cwd(), file)}:${line}`,
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
      });
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      throw new Error(`${file}: a RegExp built at run time cannot be checked here; write it as a literal`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('regular expressions', () => {
  const all = sourceFiles('src').flatMap(regexLiterals);

  it('are found in the source (the scan works)', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.some((r) => r.where.startsWith('src/exchange/schema.ts'))).toBe(true);
  });

  it('all run in linear time, or are bounded', { timeout: 120_000 }, () => {
    const unsafe = all
      .map((r) => ({ ...r, result: checkSync(r.source, r.flags.replace(/[gy]/g, ''), { checker: 'automaton' }) }))
      .filter((r) => r.result.status !== 'safe')
      .map(
        (r) =>
          `${r.where} /${r.source}/${r.flags}: ${r.result.status}${r.result.status === 'vulnerable' ? ` (${r.result.complexity.type})` : ''}`,
      );
    expect(unsafe).toEqual([]);
  });

  it('catch a pattern that backtracks (the checker works)', () => {
    expect(checkSync('[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}', '').status).toBe('vulnerable');
  });
});
