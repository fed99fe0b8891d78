// The flyer and the cards as a PDF a copy shop can print (ADR 041): made on this machine with PDFKit and the DejaVu
// Sans font shipped in an npm package (Latin, Arabic and more in one font), the QR code drawn square by square. PDFKit
// shapes each run of text with fontkit (Arabic's joined forms, right to left within a run) but knows nothing of mixed
// directions, so each line is first split by the Unicode bidirectional algorithm (bidi-js) into runs of one level, put
// in visual order, mirrored where a bracket needs it, and drawn run by run. A language whose letters the font lacks
// gets no PDF (the page says to print from the browser instead).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import bidiFactory from 'bidi-js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const bidi = bidiFactory();
/** Letters of right-to-left scripts: a run holding none (only spaces or marks) is turned round here, not by fontkit. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Isolates (around a phone number or an address in a right-to-left sentence) and direction marks. */
const FORMAT = new Set(['\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f']);
export { isolate } from '../web/i18n/index.ts';

export type FlyerWords = {
  network: string;
  lead: string;
  text: string | null;
  scan: string | null;
  stop: string | null;
  web: string;
  /** The QR code's modules, row by row (qrcode's create). */
  qr: { size: number; dark: (x: number, y: number) => boolean };
  rtl: boolean;
};

type Doc = InstanceType<typeof PDFDocument>;

/** One line, drawn in visual order, centred between left and left + width. */
function drawLine(doc: Doc, line: string, left: number, width: number, y: number, rtl: boolean) {
  const embedding = bidi.getEmbeddingLevels(line, rtl ? 'rtl' : 'ltr');
  const levels = embedding.levels;
  const mirrored = bidi.getMirroredCharactersMap(line, embedding);
  // Levels are by UTF-16 unit, as the string is: a character outside the first plane keeps its two units together.
  const chars = line.split('');
  for (const [i, ch] of mirrored) chars[i] = ch;
  // Directional isolates and marks steer the levels; they are not drawn.
  for (let i = 0; i < chars.length; i++) if (FORMAT.has(chars[i]!)) chars[i] = '';
  type Run = { text: string; level: number };
  const runs: Run[] = [];
  for (let i = 0; i < chars.length; i++) {
    const last = runs.at(-1);
    if (last && last.level === levels[i]) last.text += chars[i];
    else runs.push({ text: chars[i]!, level: levels[i]! });
  }
  // Rule L2: from the highest level to the lowest odd one, turn round every stretch of runs at that level or higher.
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  // PDFKit lays a string's words out left to right whatever their script: each word (or space) is drawn on its own,
  // a right-to-left run's words taken from its end. Within a word fontkit joins and orders an Arabic word's letters;
  // a right-to-left word with no such letters (a bracket and a stop) is turned round here.
  const pieces = runs.flatMap((r) => {
    const words = r.text.split(/( )/).filter((x) => x !== '');
    if (!words.length) return [];
    const rtlRun = r.level % 2 === 1;
    return (rtlRun ? words.reverse() : words).map((x) =>
      rtlRun && !RTL_LETTER.test(x) ? Array.from(x).reverse().join('') : x,
    );
  });
  const widths = pieces.map((x) => doc.widthOfString(x));
  const total = widths.reduce((sum, w) => sum + w, 0);
  let x = left + Math.max(0, (width - total) / 2);
  pieces.forEach((piece, i) => {
    if (piece !== ' ') doc.text(piece, x, y, { lineBreak: false });
    x += widths[i]!;
  });
}

/** Words wrapped to the width (greedily, in reading order), each line drawn; returns where the next line goes. */
function paragraph(doc: Doc, text: string, left: number, width: number, y: number, rtl: boolean, gap = 1.3) {
  const words = text.split(' ');
  let line = '';
  const lines: string[] = [];
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  for (const l of lines) {
    drawLine(doc, l, left, width, y, rtl);
    y += doc.currentLineHeight() * gap;
  }
  return y;
}

function qr(doc: Doc, q: FlyerWords['qr'], left: number, y: number, side: number) {
  const cell = side / (q.size + 4);
  for (let row = 0; row < q.size; row++)
    for (let col = 0; col < q.size; col++)
      if (q.dark(col, row)) doc.rect(left + (col + 2) * cell, y + (row + 2) * cell, cell, cell).fill('#000');
  return y + side;
}

/** One flyer's content in a box: name, words, the code, the rest. */
function box(doc: Doc, w: FlyerWords, left: number, top: number, width: number, scale: number) {
  let y = top;
  doc.font(BOLD).fontSize(22 * scale);
  y = paragraph(doc, w.network, left, width, y, w.rtl);
  doc.font(FONT).fontSize(13 * scale);
  y = paragraph(doc, w.lead, left, width, y + 6 * scale, w.rtl);
  if (w.text) {
    doc.font(BOLD).fontSize(16 * scale);
    y = paragraph(doc, w.text, left, width, y + 8 * scale, w.rtl);
  }
  const side = 200 * scale;
  y = qr(doc, w.qr, left + (width - side) / 2, y + 6 * scale, side);
  doc.font(FONT).fontSize(11 * scale);
  if (w.scan) y = paragraph(doc, w.scan, left, width, y + 4 * scale, w.rtl);
  if (w.stop) y = paragraph(doc, w.stop, left, width, y + 4 * scale, w.rtl);
  paragraph(doc, w.web, left, width, y + 4 * scale, w.rtl);
}

let glyphs: ((codePoint: number) => boolean) | undefined;

/** Whether the font has every letter these words need (the font is read once). */
export function fontCovers(words: readonly string[]): boolean {
  if (!glyphs) {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.font(FONT);
    const font = (probe as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
    glyphs = (cp) => font.hasGlyphForCodePoint(cp);
  }
  const has = glyphs;
  return words.every((text) =>
    Array.from(text).every((ch) => /\s/.test(ch) || FORMAT.has(ch) || has(ch.codePointAt(0)!)),
  );
}

/** The flyer (one A4 page) or the cards (eight on an A4 page, to cut), as PDF bytes. */
export function flyerPdf(w: FlyerWords, cards: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: w.network, Producer: 'Kropotkin' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const pageWidth = doc.page.width;
  const pageHeight = doc.page.height;
  if (cards) {
    const cols = 2;
    const rows = 4;
    const cw = (pageWidth - 36 * 2) / cols;
    const ch = (pageHeight - 36 * 2) / rows;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const x = 36 + c * cw;
        const y = 36 + r * ch;
        doc.save().dash(3, { space: 3 }).rect(x, y, cw, ch).stroke('#888').undash().restore();
        box(doc, { ...w, lead: '' }, x + 10, y + 8, cw - 20, 0.42);
      }
  } else {
    box(doc, w, 60, 70, pageWidth - 120, 1);
  }
  doc.end();
  return done;
}
