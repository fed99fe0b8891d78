// A network's sheet as it comes: the responses of a Google Form, exported from Google Sheets as CSV (UTF-8, CRLF,
// fields with commas quoted). What its rows hold is what networks' sign-up forms ask: names in two columns, an email,
// a phone, a street address or a neighbourhood, ticked kinds of help, free text, a language, how urgent.
const HEADERS = [
  'Timestamp',
  'First name',
  'Last name',
  'Email Address',
  'Phone number',
  'Your address or neighborhood',
  'What kind of help do you need?',
  'Tell us more',
  'Anything you can offer?',
  'Preferred language',
  'How urgent is it?',
];

export const SHEET_ROWS = [
  [
    '11/2/2026 9:14:07',
    'Ada',
    'Núñez',
    'ada.n@example.org',
    '555-010-0201',
    '12 Elm St, Eastside',
    'Groceries, Rides',
    'Weekly shop, and a ride to the clinic on Thursdays',
    '',
    'Español',
    'This week',
  ],
  [
    '11/2/2026 9:30:51',
    'Bea',
    'Lopez',
    '',
    '(555) 010-0302',
    'Riverside',
    'Diapers, Food',
    'For my 4 month old',
    'I can drive on weekends',
    'English',
    'ASAP',
  ],
  [
    '11/3/2026 8:02:13',
    'Ada',
    'Núñez',
    'ADA.N@example.org',
    '',
    'Eastside',
    'Groceries',
    'Weekly shop, and a ride to the clinic on Thursdays',
    '',
    '',
    '',
  ],
  ['11/3/2026 8:05:40', '', '', 'anon@example.org', '', 'Eastside', 'Food', 'Anything helps', '', '', ''],
  [
    '11/3/2026 11:47:02',
    'Carl',
    'Ortiz',
    'carl.ortiz@example.org',
    '',
    'Downtown',
    'Medical',
    'Rides to dialysis three times a week',
    '',
    'English',
    'Whenever',
  ],
  [
    '11/4/2026 7:20:30',
    'Dee',
    'Quinn',
    'dee.q@example.org',
    '',
    '40 River Rd, Riverside',
    'Cash',
    'Help with the electric bill',
    '',
    '',
    'Urgent',
  ],
  ['11/4/2026 19:02:11', 'Eli', '', 'eli@@example.org', '', 'Eastside', 'Groceries', 'Milk and bread', '', '', ''],
];

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The sheet's CSV, as Google Sheets downloads it. */
export function sheetsExport(rows: string[][] = SHEET_ROWS): string {
  return [HEADERS, ...rows].map((r) => r.map(field).join(',')).join('\r\n');
}

const FIRST = ['Ada', 'Bea', 'Carl', 'Dee', 'Eli', 'Fatima', 'Guo', 'Hana', 'Ines', 'José', 'Kwame', 'Lena', 'Malik'];
const LAST = ['Núñez', 'Lopez', 'Ortiz', 'Quinn', 'Okafor', 'Nguyen', 'Haddad', 'Silva', 'Kowalski', 'Pierre'];
const PLACES = ['Eastside', 'Riverside', 'Old Town', 'Downtown'];
const STREETS = ['Elm St', 'River Rd', 'Main St', 'Oak Ave', 'Hill Lane'];
const KINDS = ['Groceries', 'Rides', 'Childcare', 'Medical', 'Diapers', 'Rent', 'Food', 'Cash'];
const DETAILS = [
  'Weekly shop for a family of four',
  'A ride to the clinic on Thursdays',
  'After school on Tuesdays and Wednesdays',
  'Help with the electric bill this month',
  'Formula and wipes for a newborn',
  'Prescriptions picked up from the pharmacy',
];

/** `count` rows as a busy network's form collects them (a few repeats and mistakes among them), the same each time. */
export function generatedRows(count: number, seed = 7): string[][] {
  let s = seed >>> 0;
  const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 10 && r() < 0.05) {
      rows.push([...rows[Math.floor(r() * rows.length)]!]); // the same person filled the form twice
      continue;
    }
    const first = pick(FIRST);
    const last = pick(LAST);
    const email =
      r() < 0.7 ? `${first}.${last}.${i}@example.org`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') : '';
    const phone = r() < 0.5 ? `555-0${String(100 + (i % 900)).padStart(3, '0')}-${String(i).padStart(4, '0')}` : '';
    const place = pick(PLACES);
    const where = r() < 0.4 ? `${1 + Math.floor(r() * 200)} ${pick(STREETS)}, ${place}` : place;
    const kinds = [...new Set([pick(KINDS), ...(r() < 0.5 ? [pick(KINDS)] : [])])].join(', ');
    rows.push([
      `11/${1 + (i % 28)}/2026 ${8 + (i % 12)}:${String(i % 60).padStart(2, '0')}:00`,
      r() < 0.01 ? '' : first,
      last,
      r() < 0.01 ? `${email}@` : email,
      phone,
      where,
      kinds,
      pick(DETAILS),
      r() < 0.1 ? 'I can drive on weekends' : '',
      r() < 0.3 ? 'Español' : 'English',
      pick(['This week', 'ASAP', 'Whenever', '']),
    ]);
  }
  return rows;
}

/** The same rows as an .xlsx workbook's first sheet would hold them. */
export const sheetRows = (rows: string[][]) => [HEADERS, ...rows];
