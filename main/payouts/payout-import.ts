// Reads a payout file into checked rows: decode, find the delimiter and the
// columns, then parse as a stream and check every row, naming the line (where
// the record starts; the header is line 1), the column and the reason. A file
// that cannot be used at all gets one file-level error instead.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { isKnownCurrency, minorDigits } from '../money/currency';
import { describeAccepted, mapColumns, type Field } from './column-mapping';
import { checkAmount } from './amount-checks';
import { decodeFile, detectDelimiter } from './file-decoding';
import { checkMessage } from './message-checks';
import { checkParty, partyType, type PartyType } from './party-checks';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CELLS: string[] = Object.freeze([]) as unknown as string[];
export const MAX_ROWS = 100_000;

export interface ImportSettings {
  /** Make an external id for rows without one, instead of refusing them. */
  generateExternalIds: boolean;
  /** What to do with characters MoMo refuses in messages. */
  messageCharacters: 'strip' | 'refuse';
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { generateExternalIds: false, messageCharacters: 'strip' };

export interface ImportProfile {
  kind: 'local' | 'sandbox' | 'production';
  currency: string;
  countryCode?: string | undefined;
  limits: { maxRowAmount?: string | undefined };
}

export interface RowIssue {
  line: number;
  /** The column as the file names it. */
  column: string;
  /** Which of the console's fields that column is (party, amount, …), for marking the cell. */
  field?: string;
  code: string;
  message: string;
}

export interface ImportedRow {
  index: number;
  line: number;
  partyType: PartyType | null;
  partyId: string | null;
  /** The party and amount cells as typed, to show beside the reason when they are refused. */
  partyInput: string;
  amountInput: string;
  amountMinor: bigint | null;
  currency: string;
  externalId: string | null;
  payerMessage: string;
  payeeNote: string;
  name: string;
  /** Columns the console does not use, carried to the report. */
  extra: Record<string, string>;
  /** The cells as read, for the export of invalid rows. */
  raw: string[];
  errors: RowIssue[];
  warnings: RowIssue[];
}

export type ImportResult =
  | { ok: false; code: string; message: string }
  | { ok: true; fileHash: string; encoding: string; delimiter: string; headers: string[]; rows: ImportedRow[] };

const COLUMN_NAMES: Record<Field, string> = {
  party: 'party',
  partyType: 'party type',
  amount: 'amount',
  currency: 'currency',
  externalId: 'external id',
  payerMessage: 'payer message',
  payeeNote: 'payee note',
  name: 'name',
};

export async function importPayoutFile(bytes: Uint8Array, profile: ImportProfile, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS): Promise<ImportResult> {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: 'FILE_TOO_LARGE', message: `The file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 20 MB (and ${MAX_ROWS.toLocaleString('en-US')} rows). Split it into smaller files.` };
  if (bytes.length === 0) return { ok: false, code: 'EMPTY_FILE', message: 'The file is empty.' };
  const decoded = decodeFile(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, code: 'EMPTY_FILE', message: 'The file has no content.' };
  const delimiter = detectDelimiter(text.replace(/^[\s]*\n/, ''));
  const fileHash = createHash('sha256').update(bytes).digest('hex');

  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, relax_quotes: false, trim: false });
  Readable.from(chunks(text)).pipe(parser);

  let columns: ReturnType<typeof mapColumns> | null = null;
  const rows: ImportedRow[] = [];
  const seenExternalIds = new Map<string, number>();
  const maxRowMinor = profile.limits.maxRowAmount ? limitMinor(profile.limits.maxRowAmount, profile.currency) : null;
  const phoneRules = { strict: profile.kind === 'production', countryCode: profile.countryCode };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      if (columns === null) {
        const headers = trimTrailingEmpty(record);
        columns = mapColumns(headers);
        const doubled = Object.entries(columns.claims).filter(([, names]) => names.length > 1);
        if (doubled.length > 0) {
          return {
            ok: false,
            code: 'AMBIGUOUS_COLUMN',
            message: `More than one column could be the ${doubled.map(([field, names]) => `${COLUMN_NAMES[field as Field]} (${names.map((n) => `"${n}"`).join(', ')})`).join(' and the ')}. Rename or remove all but one, so nobody is paid from the wrong column.`,
          };
        }
        const missing = (['party', 'amount', ...(settings.generateExternalIds ? [] : ['externalId'])] as Field[]).filter((f) => columns?.fields[f] === undefined);
        if (missing.length > 0) {
          return {
            ok: false,
            code: 'MISSING_COLUMN',
            message: `The file has no ${missing.map((f) => COLUMN_NAMES[f]).join(' or ')} column. Columns found: ${headers.map((h) => `"${h}"`).join(', ') || 'none'}. Accepted names: ${missing.map((f) => `${COLUMN_NAMES[f]}: ${describeAccepted(f)}`).join('; ')}.`,
          };
        }
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue;
      if (rows.length >= MAX_ROWS) return { ok: false, code: 'TOO_MANY_ROWS', message: `The file has more than ${MAX_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.` };
      rows.push(checkRow(record, rows.length, line, columns, profile, settings, delimiter, maxRowMinor, phoneRules, seenExternalIds));
    }
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid Record Length.*$/s, 'a row has a different number of columns');
    return { ok: false, code: 'UNREADABLE_CSV', message: `The file could not be read as CSV: ${message.split('\n')[0]}` };
  }
  if (columns === null) return { ok: false, code: 'EMPTY_FILE', message: 'The file has no header line.' };
  if (rows.length === 0) return { ok: false, code: 'NO_ROWS', message: 'The file has a header but no payment rows.' };
  return { ok: true, fileHash, encoding: decoded.encoding, delimiter, headers: columns.headers, rows };
}

/**
 * 64 K pieces that never split a surrogate pair (an emoji cut in two would come
 * out as two replacement characters), with every line break made "\n":
 * csv-parse counts a quoted CRLF as two lines, which would shift every line
 * number after it. Done piece by piece so the file is not copied whole again.
 */
function* chunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + (1 << 16));
    const last = text.charCodeAt(end - 1);
    if (end < text.length && ((last >= 0xd800 && last <= 0xdbff) || last === 0x0d)) end += 1;
    yield text.slice(start, end).replace(/\r\n?/g, '\n');
    start = end;
  }
}

/** A profile limit in minor units, rounded down to what the currency can pay; never "no limit" because of its format. */
export function limitMinor(text: string, currency: string): bigint {
  const digits = minorDigits(currency) ?? 2;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return 0n;
  return BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt((match[2] ?? '').padEnd(digits, '0').slice(0, digits) || '0');
}

/** Undoes the console's own export protection: a quote before =, +, -, @ (and a tab before a long number). */
function restore(cell: string): string {
  return cell.replace(/^'(?=[=+\-@\t\r])/, '').replace(/^\t(?=\d{6,}$)/, '');
}

function trimTrailingEmpty(cells: string[]): string[] {
  const copy = [...cells];
  while (copy.length > 0 && (copy.at(-1) ?? '').trim() === '') copy.pop();
  return copy;
}

function checkRow(
  record: string[],
  index: number,
  line: number,
  columns: ReturnType<typeof mapColumns>,
  profile: ImportProfile,
  settings: ImportSettings,
  delimiter: string,
  maxRowMinor: bigint | null,
  phoneRules: { strict: boolean; countryCode: string | undefined },
  seenExternalIds: Map<string, number>,
): ImportedRow {
  const cell = (field: Field) => {
    const at = columns.fields[field];
    return at === undefined ? '' : restore(record[at] ?? '');
  };
  const header = (field: Field) => {
    const at = columns.fields[field];
    return at === undefined ? COLUMN_NAMES[field] : (columns.headers[at] ?? COLUMN_NAMES[field]);
  };
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const fail = (field: Field, code: string, message: string) => errors.push({ line, column: header(field), field, code, message });
  // More cells than the header has columns: an unquoted "1,500" shifted everything after it; refuse rather than guess.
  const beyond = record.slice(columns.headers.length).findIndex((cell) => cell.trim() !== '');
  if (beyond >= 0) {
    errors.push({
      line,
      column: `column ${columns.headers.length + beyond + 1}`,
      code: 'TOO_MANY_CELLS',
      message: `this row has more cells than the header has columns; a number like 1,500 may need quotes ("1,500") or no thousands separator`,
    });
  }

  const partyText = cell('party');
  const type = partyType(columns.fields.partyType === undefined ? undefined : cell('partyType'), partyText);
  let partyId: string | null = null;
  if (!type.ok) fail('partyType', type.code, type.reason);
  else {
    const party = checkParty(type.value, partyText, phoneRules);
    if (party.ok) partyId = party.value;
    else fail('party', party.code, party.reason);
  }

  const currencyText = cell('currency').trim().toUpperCase();
  const currency = currencyText === '' ? profile.currency : currencyText;
  if (!isKnownCurrency(currency)) fail('currency', 'CURRENCY_UNKNOWN', `"${cell('currency').trim()}" is not an ISO 4217 currency code`);
  else if (currency !== profile.currency) fail('currency', 'CURRENCY_NOT_ALLOWED', `this profile pays in ${profile.currency}, not ${currency}`);

  let amountMinor: bigint | null = null;
  const amount = checkAmount(cell('amount'), isKnownCurrency(currency) ? currency : profile.currency, delimiter, maxRowMinor);
  if (amount.ok) amountMinor = amount.value;
  else fail('amount', amount.code, amount.reason);

  let externalId: string | null = cell('externalId').trim() || null;
  if (externalId === null) {
    if (settings.generateExternalIds) externalId = randomUUID();
    else fail('externalId', 'EXTERNAL_ID_MISSING', 'every payment needs an external id (your reference for it)');
  } else if (externalId.length > 256) {
    fail('externalId', 'EXTERNAL_ID_TOO_LONG', 'at most 256 characters');
  } else {
    const first = seenExternalIds.get(externalId);
    if (first !== undefined) fail('externalId', 'EXTERNAL_ID_DUPLICATE', `"${externalId}" is already used on line ${first}`);
    else seenExternalIds.set(externalId, line);
  }

  const messages = { payerMessage: '', payeeNote: '' };
  for (const field of ['payerMessage', 'payeeNote'] as const) {
    const checked = checkMessage(cell(field), settings.messageCharacters);
    if (!checked.ok) fail(field, checked.code, checked.reason);
    else {
      messages[field] = checked.value.text;
      if (checked.value.stripped.length > 0) warnings.push({ line, column: header(field), field, code: 'MESSAGE_CHARACTERS_REMOVED', message: `removed ${checked.value.stripped.map((c) => `"${c}"`).join(', ')}, which MoMo refuses` });
    }
  }

  let extra: Record<string, string> = NO_EXTRA;
  if (columns.extra.length > 0) {
    extra = {};
    for (const { index: at, header: name } of columns.extra) extra[name] = record[at] ?? '';
  }
  // The cells as typed are kept only where they are needed: to show and export refused rows.
  const refused = errors.length > 0;
  return {
    index,
    line,
    partyType: type.ok ? type.value : null,
    partyId,
    partyInput: refused ? partyText.trim() : '',
    amountInput: refused ? cell('amount').trim() : '',
    amountMinor,
    currency,
    externalId,
    ...messages,
    name: cell('name').trim(),
    extra,
    raw: refused ? record : NO_CELLS,
    errors,
    warnings,
  };
}
