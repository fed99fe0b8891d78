// CSV for spreadsheets: cells quoted where needed, and text that a spreadsheet would run as a formula made inert.
export const csvCell = (s: string | number) => {
  const text = String(s);
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark stops that. A plain negative number
  // ("-10.00", an outflow) is no formula, and quoted it would be text that sums skip.
  const number = /^-\d+(\.\d+)?$/.test(text);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof s === 'string' && !number ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvText = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
