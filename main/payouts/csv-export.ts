// Every CSV the console writes: UTF-8 with a BOM (so Excel reads it as UTF-8),
// cells that a spreadsheet would run as a formula neutralised, and phone
// numbers kept as text rather than turned into 2.56772E+11.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it should be written: a leading formula character gets a quote in front, so it is shown, not run. */
function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function writeCsv(header: string[], rows: string[][], options: { textColumns?: number[] } = {}): string {
  const text = new Set(options.textColumns ?? []);
  const cells = rows.map((row) => row.map((cell, i) => (text.has(i) && /^\d{6,}$/.test(cell) ? `\t${cell}` : neutralise(cell))));
  // A tab before the digits makes Excel keep a long number as text; it is added after neutralising on purpose.
  return `\ufeff${stringify([header.map(neutralise), ...cells], { record_delimiter: '\r\n', quoted_match: /[\t\r\n",;]/ })}`;
}

const TEMPLATE_HEADER = ['msisdn', 'amount', 'currency', 'external id', 'payer message', 'payee note', 'name'];

export function templateCsv(currency: string): string {
  return writeCsv(TEMPLATE_HEADER, [['256772123456', '1500', currency, 'salary-2026-12-001', 'December salary', 'Thank you', 'Jane Doe']], { textColumns: [0] });
}
