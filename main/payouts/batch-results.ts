// After a run: the results report (the file's columns as paid, plus reference
// id, financial transaction id, status, reason, attempts and times), the
// failed-only report, and a new batch of the failed rows that may pass on a
// second try: new reference ids, each row linked to the one it retries, and an
// approval of its own.
import { randomUUID } from 'node:crypto';
import { AppError } from '../ipc/app-error';
import { formatAmount } from '../money/amount';
import type { BatchRepository, StoredRow } from '../store/batch-repository';
import type { AttemptRecord, RunJournal } from '../store/run-journal';
import type { BatchSummary, PayoutBatches } from './batch-service';
import { mapColumns, type Field } from './column-mapping';
import { writeCsv } from './csv-export';

/** Reasons that will not change by trying again: the payee does not exist or may not receive. */
export const FINAL_REASONS = new Set(['PAYEE_NOT_FOUND', 'PAYER_NOT_FOUND', 'NOT_ALLOWED', 'PAYEE_NOT_ALLOWED_TO_RECEIVE', 'INVALID_CURRENCY', 'NOT_ALLOWED_TARGET_ENVIRONMENT', 'RESOURCE_NOT_FOUND']);

export interface ResultsDeps {
  batches: BatchRepository;
  journal: RunJournal;
  payouts: PayoutBatches;
  now(): Date;
}

export class BatchResults {
  constructor(private readonly deps: ResultsDeps) {}

  /** The results as CSV, every row or only the FAILED ones, under the export rules (BOM, no formulas, phones as text). */
  report(batchId: string, options: { failedOnly?: boolean } = {}): { fileName: string; content: string } {
    const batch = this.deps.batches.get(batchId);
    if (!batch) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${batchId}.`);
    const attempts = this.byRow(batchId);
    const columns = mapColumns(batch.headers);
    const header = [...batch.headers, 'line', 'reference id', 'financial transaction id', 'status', 'reason', 'attempts', 'sent at', 'last change at'];
    const rows = this.deps.batches
      .rows(batchId)
      .map((row) => ({ row, status: statusOf(row, attempts.get(row.index)) }))
      .filter(({ status }) => !options.failedOnly || status.status === 'FAILED');
    const content = writeCsv(
      header,
      rows.map(({ row, status }) => [...cellsOf(row, batch.headers, columns.fields), String(row.line), status.referenceId, status.ftid, status.status, status.reason, String(status.attempts), status.sentAt, status.changedAt]),
      { textColumns: [columns.fields.party, columns.fields.externalId].filter((i): i is number => i !== undefined) },
    );
    const base = batch.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    return { fileName: `${base}-${options.failedOnly ? 'failed' : 'results'}.csv`, content };
  }

  /**
   * A new batch of the rows that FAILED for a reason that may pass later
   * (or any FAILED row the operator names), to be approved and run on its own.
   */
  async retryFailed(batchId: string, overrideRows: number[] = []): Promise<BatchSummary> {
    const batch = this.deps.batches.get(batchId);
    if (!batch) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${batchId}.`);
    const attempts = this.byRow(batchId);
    // A row already taken into a retry batch is retried from there, never twice from here.
    const retried = this.deps.batches.retriedRows(batchId);
    const failed = this.deps.batches.rows(batchId, 'valid').filter((row) => {
      const latest = attempts.get(row.index)?.at(-1);
      return latest?.state === 'FAILED' && !retried.has(row.index) && (!FINAL_REASONS.has(latest.reason ?? '') || overrideRows.includes(row.index));
    });
    if (failed.length === 0) {
      throw new AppError('NOTHING_TO_RETRY', retried.size > 0 ? 'The failed rows that may pass are already in a retry batch; retry from that batch.' : 'No row failed for a reason that trying again could change.');
    }
    const id = randomUUID();
    this.deps.batches.insert(
      { id, profileId: batch.profileId, fileName: `${batch.fileName} (retry)`, fileHash: `retry:${batchId}:${id}`, importedAt: this.deps.now().toISOString(), settings: batch.settings, headers: batch.headers, fileWarnings: [], retryOf: batchId },
      failed.map((row, index) => ({ ...row, index, raw: [], errors: [], warnings: [], originRow: row.index })),
    );
    return this.deps.payouts.summary(id);
  }

  private byRow(batchId: string): Map<number, AttemptRecord[]> {
    const map = new Map<number, AttemptRecord[]>();
    for (const attempt of this.deps.journal.attempts(batchId)) map.set(attempt.rowIndex, [...(map.get(attempt.rowIndex) ?? []), attempt]);
    return map;
  }
}

function statusOf(row: StoredRow, attempts: AttemptRecord[] | undefined) {
  const latest = attempts?.at(-1);
  if (row.errors.length > 0) return { status: 'INVALID', reason: row.errors.map((e) => `${e.column}: ${e.message}`).join('; '), referenceId: '', ftid: '', attempts: 0, sentAt: '', changedAt: '' };
  if (row.excluded) return { status: 'EXCLUDED', reason: '', referenceId: '', ftid: '', attempts: 0, sentAt: '', changedAt: '' };
  if (!latest) return { status: 'NOT_SENT', reason: '', referenceId: '', ftid: '', attempts: 0, sentAt: '', changedAt: '' };
  const status = latest.state === 'accepted' ? 'PENDING' : latest.state === 'reserved' || latest.state === 'unresolved' ? 'UNKNOWN' : latest.state;
  return { status, reason: latest.reason ?? '', referenceId: latest.referenceId, ftid: latest.financialTransactionId ?? '', attempts: attempts?.length ?? 0, sentAt: latest.createdAt, changedAt: latest.updatedAt };
}

/** The row's cells in the file's column order, as they were paid (invalid rows as they were read). */
function cellsOf(row: StoredRow, headers: string[], fields: Partial<Record<Field, number>>): string[] {
  if (row.raw.length > 0) return headers.map((_, i) => row.raw[i] ?? '');
  const byIndex = new Map<number, string>();
  const put = (field: Field, value: string | null) => {
    const at = fields[field];
    if (at !== undefined) byIndex.set(at, value ?? '');
  };
  put('party', row.partyId);
  put('partyType', row.partyType);
  put('amount', row.amountMinor === null ? null : formatAmount(row.amountMinor, row.currency));
  put('currency', row.currency);
  put('externalId', row.externalId);
  put('payerMessage', row.payerMessage);
  put('payeeNote', row.payeeNote);
  put('name', row.name);
  return headers.map((header, i) => byIndex.get(i) ?? row.extra[header] ?? '');
}
