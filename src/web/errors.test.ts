// Every error code a migration raises is mapped to an answer a member understands: an unmapped one would be a 500.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from './errors.ts';

describe('database errors', () => {
  const dir = new URL('../db/migrations/', import.meta.url);
  const raised = new Set(
    fs
      .readdirSync(dir)
      .flatMap((f) => [...fs.readFileSync(new URL(f, dir), 'utf8').matchAll(/errcode = '(\w{5})'/g)].map((m) => m[1]!)),
  );

  it('are found in the migrations (the scan works)', () => {
    expect(raised.size).toBeGreaterThan(20);
    expect(raised.has('KR021')).toBe(true);
  });

  it('raised by a migration all have an answer below 500', () => {
    const unmapped = [...raised].filter((code) => {
      const e = fromDatabaseError({ code });
      return !e || e.status >= 500;
    });
    expect(unmapped).toEqual([]);
  });

  it('from a statement stopped for taking too long answer 503, not 500', () => {
    expect(fromDatabaseError({ code: '57014' })?.status).toBe(503);
  });
});
