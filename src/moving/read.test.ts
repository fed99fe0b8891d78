import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { encodingOf, MOST_ROWS, readTable } from './read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Text as a Windows program writes it, in windows-1252 (Latin letters only, as the tests use). */
function cp1252(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

describe('reading a sheet', () => {
  it('reads a Google Sheets CSV: quoted commas and line breaks, a byte-order mark', async () => {
    const csv =
      '\ufeffTimestamp,Name,What do you need?,Neighborhood\r\n' +
      '2026/11/02 9:14:07 AM,Ada Núñez,"Groceries, and a ride\r\nto the clinic",Northside\r\n' +
      ',,,\r\n' +
      '2026/11/02 10:01:00 AM,Bo,Diapers,"Riverside, near the park"\r\n';
    const read = await readTable(utf8(csv));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.headers).toEqual(['Timestamp', 'Name', 'What do you need?', 'Neighborhood']);
    expect(read.table.rows).toHaveLength(2);
    expect(read.table.rows[0]![2]).toBe('Groceries, and a ride\nto the clinic');
    expect(read.table.rows[1]![3]).toBe('Riverside, near the park');
    expect(read.table.encoding).toBe('UTF-8');
    expect(read.table.delimiter).toBe(',');
  });

  it('finds a semicolon CSV in windows-1252, as a spreadsheet program on Windows in Spanish saves it', async () => {
    const bytes = cp1252('Nombre;Barrio;Necesito\r\nJosé Peña;Año Nuevo;Pañales y leche\r\nMaría;Centro;Comida €\r\n');
    expect(encodingOf(bytes)).toBe('windows-1252');
    const read = await readTable(bytes);
    expect(read.ok && read.table.delimiter).toBe(';');
    expect(read.ok && read.table.rows).toEqual([
      ['José Peña', 'Año Nuevo', 'Pañales y leche'],
      ['María', 'Centro', 'Comida €'],
    ]);
  });

  it('reads tab-separated text and UTF-16 with its byte-order mark', async () => {
    const tsv = 'Name\tPhone\nAda\t555 0100 200\n';
    const tab = await readTable(utf8(tsv));
    expect(tab.ok && tab.table.delimiter).toBe('\t');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name,Area\nZoë,Est\n', 'utf16le')]);
    const u16 = await readTable(new Uint8Array(le));
    expect(u16.ok && u16.table.encoding).toBe('UTF-16LE');
    expect(u16.ok && u16.table.rows).toEqual([['Zoë', 'Est']]);
  });

  it('reads the first sheet of an .xlsx workbook, dates as days', async () => {
    const buffer = await writeXlsxFile([
      [{ value: 'Name' }, { value: 'Kinds of help' }, { value: 'Since' }, { value: 'Household' }],
      [
        { value: 'Ada' },
        { value: 'Groceries, Rides' },
        { value: new Date('2026-11-02T00:00:00Z'), format: 'yyyy-mm-dd' },
        { value: 3 },
      ],
      [{ value: 'Bo' }, null, null, null],
    ]).toBuffer();
    const read = await readTable(new Uint8Array(buffer));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.encoding).toBe('xlsx');
    expect(read.table.headers).toEqual(['Name', 'Kinds of help', 'Since', 'Household']);
    expect(read.table.rows).toEqual([
      ['Ada', 'Groceries, Rides', '2026-11-02', '3'],
      ['Bo', '', '', ''],
    ]);
  });

  it('says why a file is not a sheet it can take', async () => {
    expect(await readTable(new Uint8Array())).toEqual({ ok: false, error: 'moving.fileEmpty' });
    expect(await readTable(utf8('Name,Area\n'))).toEqual({ ok: false, error: 'moving.fileNoRows' });
    const many = 'Name\n' + 'Ada\n'.repeat(MOST_ROWS + 1);
    expect(await readTable(utf8(many))).toEqual({ ok: false, error: 'moving.fileTooManyRows' });
    const wide = Array.from({ length: 61 }, (_, i) => `c${i}`).join(',') + '\n' + 'x,'.repeat(60) + 'x\n';
    expect(await readTable(utf8(wide))).toEqual({ ok: false, error: 'moving.fileTooManyColumns' });
    // A zip that is no workbook, and a binary file.
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await readTable(zip)).toEqual({ ok: false, error: 'moving.fileUnreadable' });
    expect(await readTable(Uint8Array.from([0, 1, 2, 0, 0, 0, 7, 8, 0, 0]))).toEqual({
      ok: false,
      error: 'moving.fileUnreadable',
    });
  });
});
