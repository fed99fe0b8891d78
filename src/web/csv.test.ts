import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.ts';

describe('CSV cells', () => {
  it('leave negative amounts as numbers a spreadsheet sums', () => {
    expect(csvCell('-10.00')).toBe('-10.00');
    expect(csvCell('-300')).toBe('-300');
    expect(csvCell(-5)).toBe('-5');
  });

  it('make text a spreadsheet would run as a formula inert', () => {
    for (const f of ['=SUM(A1)', '-1+2', '+1', '@cmd', '-10.00+cmd', '=1', '-A1'])
      expect(csvCell(f).replace(/^"/, '')).toMatch(/^'/);
  });

  it('quote cells with commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
