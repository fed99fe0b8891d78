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
