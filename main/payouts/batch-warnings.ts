// The warnings an operator must acknowledge before approving: each is a sign
// of paying someone twice or paying the wrong amount.
import type { ImportedRow, RowIssue } from './payout-import';

export const ACKNOWLEDGE_CODES = ['DUPLICATE_PARTY_AMOUNT', 'FILE_SEEN_BEFORE', 'PAID_RECENTLY', 'AMOUNT_OUTLIER'] as const;
export type AcknowledgeCode = (typeof ACKNOWLEDGE_CODES)[number];

/** A warning about the whole file, not one row. */
export interface FileWarning {
  line: null;
  column: null;
  code: AcknowledgeCode;
  message: string;
}

export interface WarningContext {
  /** When a file with the same content was imported before, and as which batch. */
  seenBefore: { batchId: string; importedAt: string } | null;
  /** "party|amountMinor|currency" of payments approved in the last 7 days. */
  recentPayments: ReadonlySet<string>;
}

/** A row this far above the file's median (with at least five rows) is flagged. */
const OUTLIER_FACTOR = 10n;

export const paymentKey = (row: Pick<ImportedRow, 'partyId' | 'amountMinor' | 'currency'>) => `${row.partyId}|${row.amountMinor}|${row.currency}`;

export function addBatchWarnings(rows: ImportedRow[], context: WarningContext): FileWarning[] {
  const valid = rows.filter((r) => r.errors.length === 0);
  const firstLine = new Map<string, number>();
  for (const row of valid) {
    const key = paymentKey(row);
    const first = firstLine.get(key);
    if (first !== undefined) warn(row, 'party', 'DUPLICATE_PARTY_AMOUNT', `the same party and amount as line ${first}`);
    else firstLine.set(key, row.line);
    if (context.recentPayments.has(key)) warn(row, 'party', 'PAID_RECENTLY', 'the same party and amount was in a batch approved in the last 7 days');
  }
  if (valid.length >= 5) {
    const sorted = valid.map((r) => r.amountMinor ?? 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0n;
    for (const row of valid) if (median > 0n && (row.amountMinor ?? 0n) > median * OUTLIER_FACTOR) warn(row, 'amount', 'AMOUNT_OUTLIER', 'more than ten times the median amount of this file');
  }
  return context.seenBefore
    ? [{ line: null, column: null, code: 'FILE_SEEN_BEFORE', message: `A file with exactly this content was imported on ${context.seenBefore.importedAt} (batch ${context.seenBefore.batchId}).` }]
    : [];
}

function warn(row: ImportedRow, column: 'party' | 'amount', code: AcknowledgeCode, message: string): void {
  const issue: RowIssue = { line: row.line, column, field: column, code, message };
  row.warnings.push(issue);
}

/** Count and total per currency of the rows given, totals as exact decimal strings. */
export function totalsOf(rows: Pick<ImportedRow, 'currency' | 'amountMinor'>[]): { currency: string; count: number; minor: bigint }[] {
  const byCurrency = new Map<string, { count: number; minor: bigint }>();
  for (const row of rows) {
    const entry = byCurrency.get(row.currency) ?? { count: 0, minor: 0n };
    entry.count += 1;
    entry.minor += row.amountMinor ?? 0n;
    byCurrency.set(row.currency, entry);
  }
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, { count, minor }]) => ({ currency, count, minor }));
}
