// Reading the spreadsheet a network brings (issue 22, moving in): a CSV as Google Sheets, Google Forms, Airtable or a
// spreadsheet program on Windows writes it — its encoding found (a byte-order mark, else chardet), its delimiter found
// (papaparse) and decoded (iconv-lite: Node's own TextDecoder reads windows-1252 as Latin-1, losing "€" and curly
// quotes) — or an .xlsx workbook's first sheet (read-excel-file). Every cell becomes text, trimmed; rows that are
// wholly empty are dropped. Nothing here is stored: commands.ts seals the table before it is kept.
import Papa from 'papaparse';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import readXlsx from 'read-excel-file/node';
import type { MessageKey } from '../web/i18n/index.ts';

export type Table = {
  /** The first row: the names of the columns, as the sheet has them. */
  headers: string[];
  rows: string[][];
  /** How it was read: a CSV's encoding and delimiter, or "xlsx". */
  encoding: string;
  delimiter: string | null;
};

export const MOST_BYTES = 5 * 1024 * 1024;
export const MOST_ROWS = 5_000;
export const MOST_COLUMNS = 60;
export const MOST_CELL = 4_000;

export type ReadResult = { ok: true; table: Table } | { ok: false; error: MessageKey };

/** The encodings chardet may name that are taken as they are; anything else is read as windows-1252. */
const DECODABLE = new Set([
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-9',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'KOI8-R',
  'Shift_JIS',
  'EUC-JP',
  'EUC-KR',
  'GB18030',
  'Big5',
]);

/** The encoding of a CSV's bytes: a byte-order mark says it; valid UTF-8 is UTF-8; else chardet's best guess. */
export function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'UTF-8';
  } catch {
    // Not UTF-8: a spreadsheet program's own code page, most often.
  }
  const guess = chardet.detect(bytes);
  // chardet names Latin-1 for most Western text; Windows programs write windows-1252, its superset (curly quotes, €).
  if (!guess || guess === 'ISO-8859-1') return 'windows-1252';
  return DECODABLE.has(guess) ? guess : 'windows-1252';
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  const text = String(v).replace(/\r\n?/g, '\n').trim();
  // A cell a spreadsheet (or our own export, web/csv.ts) kept from running as a formula: the quote mark is no part of it.
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
};

/** Reads a sheet's bytes into a table, or says why it cannot (a message for beside the file field). */
export async function readTable(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, error: 'moving.fileEmpty' };
  if (bytes.length > MOST_BYTES) return { ok: false, error: 'moving.fileTooLarge' };
  let grid: unknown[][];
  let encoding: string;
  let delimiter: string | null = null;
  if (isZip(bytes)) {
    try {
      grid = (await readXlsx(Buffer.from(bytes)))[0]?.data ?? [];
    } catch {
      return { ok: false, error: 'moving.fileUnreadable' };
    }
    encoding = 'xlsx';
  } else {
    encoding = encodingOf(bytes);
    const text = iconv.decode(Buffer.from(bytes), encoding);
    if (text.includes('\u0000')) return { ok: false, error: 'moving.fileUnreadable' };
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
    grid = parsed.data;
    delimiter = parsed.meta.delimiter;
  }
  const rows = grid.map((r) => (Array.isArray(r) ? r.map(cellText) : [])).filter((r) => r.some((c) => c !== ''));
  const [first, ...rest] = rows;
  if (!first || rest.length === 0) return { ok: false, error: 'moving.fileNoRows' };
  if (rest.length > MOST_ROWS) return { ok: false, error: 'moving.fileTooManyRows' };
  const width = Math.max(first.length, ...rest.map((r) => r.length));
  if (width > MOST_COLUMNS) return { ok: false, error: 'moving.fileTooManyColumns' };
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => (r[i] ?? '').slice(0, MOST_CELL));
  const headers = pad(first).map((h, i) => h.replace(/\s+/g, ' ').slice(0, 200) || `#${i + 1}`);
  return { ok: true, table: { headers, rows: rest.map(pad), encoding, delimiter } };
}
