// Batches in SQLite: stored whole in one transaction the moment they are
// imported, every change recorded as an event. Amounts stay integers (BigInt)
// all the way in and out.
import type { FileWarning } from '../payouts/batch-warnings';
import type { ImportedRow, ImportSettings, RowIssue } from '../payouts/payout-import';
import type { Db } from './database';
import { PreparedStatements } from './prepared-statements';

export interface BatchRecord {
  id: string;
  profileId: string;
  fileName: string;
  fileHash: string;
  importedAt: string;
  settings: ImportSettings;
  headers: string[];
  fileWarnings: FileWarning[];
  /** For a batch of retried rows: the batch they failed in. */
  retryOf?: string | null;
}

export type HolderState = 'active' | 'not-active' | 'check-failed' | 'not-checkable';

export interface StoredRow extends Omit<ImportedRow, 'raw'> {
  raw: string[];
  excluded: boolean;
  holder: HolderState | null;
  /** In a retry batch: the row's index in the batch it failed in. */
  originRow: number | null;
}

export interface ApprovalRecord {
  approvedAt: string;
  contentHash: string;
  rowCount: number;
  totals: { currency: string; count: number; amount: string }[];
  acknowledged: string[];
  voidedAt: string | null;
}

export type RowFilter = 'all' | 'valid' | 'invalid' | 'warning';

const FILTERS: Record<RowFilter, string> = {
  all: '1 = 1',
  valid: "errors = '[]'",
  invalid: "errors != '[]'",
  warning: "warnings != '[]'",
};

export class BatchRepository {
  private readonly prepared: PreparedStatements;

  constructor(private readonly db: Db) {
    this.prepared = new PreparedStatements(db);
  }

  private statement(sql: string) {
    return this.prepared.get(sql);
  }

  insert(batch: BatchRecord, rows: (ImportedRow & { originRow?: number | null })[]): void {
    const insertBatch = this.statement('INSERT INTO batches (id, profile_id, file_name, file_hash, imported_at, settings, headers, file_warnings, retry_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertRow = this.statement(
      `INSERT INTO batch_rows (batch_id, row_index, line, party_type, party_id, party_input, amount_input, amount_minor, currency, external_id, payer_message, payee_note, name, extra, raw, errors, warnings, origin_row)
       VALUES (@batchId, @index, @line, @partyType, @partyId, @partyInput, @amountInput, @amountMinor, @currency, @externalId, @payerMessage, @payeeNote, @name, @extra, @raw, @errors, @warnings, @originRow)`,
    );
    this.db.transaction(() => {
      insertBatch.run(batch.id, batch.profileId, batch.fileName, batch.fileHash, batch.importedAt, JSON.stringify(batch.settings), JSON.stringify(batch.headers), JSON.stringify(batch.fileWarnings), batch.retryOf ?? null);
      for (const row of rows) {
        insertRow.run({
          batchId: batch.id,
          index: row.index,
          line: row.line,
          partyType: row.partyType,
          partyId: row.partyId,
          partyInput: row.partyInput,
          amountInput: row.amountInput,
          amountMinor: row.amountMinor,
          currency: row.currency,
          externalId: row.externalId,
          payerMessage: row.payerMessage,
          payeeNote: row.payeeNote,
          name: row.name,
          extra: JSON.stringify(row.extra),
          raw: JSON.stringify(row.raw),
          errors: JSON.stringify(row.errors),
          warnings: JSON.stringify(row.warnings),
          originRow: row.originRow ?? null,
        });
      }
      this.event(batch.id, batch.importedAt, 'imported', { fileName: batch.fileName, rows: rows.length });
    })();
  }

  get(id: string): BatchRecord | null {
    const row = this.statement('SELECT * FROM batches WHERE id = ?').get(id) as Record<string, string> | undefined;
    if (!row) return null;
    return {
      id: row.id ?? id,
      profileId: row.profile_id ?? '',
      fileName: row.file_name ?? '',
      fileHash: row.file_hash ?? '',
      importedAt: row.imported_at ?? '',
      settings: JSON.parse(row.settings ?? '{}') as ImportSettings,
      headers: JSON.parse(row.headers ?? '[]') as string[],
      retryOf: row.retry_of ?? null,
      fileWarnings: JSON.parse(row.file_warnings ?? '[]') as FileWarning[],
    };
  }

  /** The most recent earlier import of the same file content for this profile. */
  findByFileHash(profileId: string, fileHash: string, exceptBatchId = ''): { batchId: string; importedAt: string } | null {
    const row = this.statement('SELECT id, imported_at FROM batches WHERE profile_id = ? AND file_hash = ? AND id != ? ORDER BY imported_at DESC LIMIT 1').get(profileId, fileHash, exceptBatchId) as
      | { id: string; imported_at: string }
      | undefined;
    return row ? { batchId: row.id, importedAt: row.imported_at } : null;
  }

  /** "party|amountMinor|currency" of every row in batches approved (and not voided) since `sinceIso`. */
  recentApprovedPayments(profileId: string, sinceIso: string, exceptBatchIds: string[] = []): Set<string> {
    const except = exceptBatchIds.length > 0 ? exceptBatchIds : [''];
    const rows = this
      .statement(
        `SELECT r.party_id, r.amount_minor, r.currency FROM batch_rows r
         JOIN batches b ON b.id = r.batch_id JOIN approvals a ON a.batch_id = b.id
         WHERE b.profile_id = ? AND b.id NOT IN (${except.map(() => '?').join(',')}) AND a.voided_at IS NULL AND a.approved_at >= ? AND r.errors = '[]' AND r.excluded = 0`,
      )
      .safeIntegers(true)
      .all(profileId, ...except, sinceIso) as { party_id: string; amount_minor: bigint; currency: string }[];
    return new Set(rows.map((r) => `${r.party_id}|${r.amount_minor}|${r.currency}`));
  }

  rows(id: string, filter: RowFilter = 'all', offset = 0, limit = -1): StoredRow[] {
    const rows = this
      .statement(`SELECT * FROM batch_rows WHERE batch_id = ? AND ${FILTERS[filter]} ORDER BY row_index LIMIT ? OFFSET ?`)
      .safeIntegers(true)
      .all(id, limit, offset) as Record<string, string | bigint | null>[];
    return rows.map(toStoredRow);
  }

  /** The rows at these indexes, so a runner holds only the group it is sending, never the whole batch. */
  rowsAt(id: string, indexes: number[]): StoredRow[] {
    if (indexes.length === 0) return [];
    const rows = this
      .statement(`SELECT * FROM batch_rows WHERE batch_id = ? AND row_index IN (SELECT value FROM json_each(?)) ORDER BY row_index`)
      .safeIntegers(true)
      .all(id, JSON.stringify(indexes)) as Record<string, string | bigint | null>[];
    return rows.map(toStoredRow);
  }

  count(id: string, filter: RowFilter = 'all'): number {
    return (this.statement(`SELECT count(*) AS n FROM batch_rows WHERE batch_id = ? AND ${FILTERS[filter]}`).get(id) as { n: number }).n;
  }

  /** Takes rows out of (or back into) the batch; any approval no longer matches and is voided. */
  setExcluded(id: string, rowIndexes: number[], excluded: boolean, at: string): void {
    const update = this.statement('UPDATE batch_rows SET excluded = ? WHERE batch_id = ? AND row_index = ?');
    this.db.transaction(() => {
      for (const index of rowIndexes) update.run(excluded ? 1 : 0, id, index);
      this.event(id, at, excluded ? 'rows-excluded' : 'rows-included', { rows: rowIndexes });
      this.voidApproval(id, at, 'the rows changed');
    })();
  }

  /** Rows of this batch already copied into a retry batch. */
  retriedRows(batchId: string): Set<number> {
    const rows = this.statement('SELECT r.origin_row FROM batch_rows r JOIN batches b ON b.id = r.batch_id WHERE b.retry_of = ? AND r.origin_row IS NOT NULL').all(batchId) as { origin_row: number }[];
    return new Set(rows.map((r) => r.origin_row));
  }

  /** The optional account-holder check's answer for one row; not part of what an approval covers. */
  setHolder(id: string, rowIndex: number, holder: HolderState): void {
    this.statement('UPDATE batch_rows SET holder = ? WHERE batch_id = ? AND row_index = ?').run(holder, id, rowIndex);
  }

  recordEvent(id: string, at: string, kind: string, details: unknown): void {
    this.event(id, at, kind, details);
  }

  approval(id: string): ApprovalRecord | null {
    const row = this.statement('SELECT * FROM approvals WHERE batch_id = ? ORDER BY rowid DESC LIMIT 1').get(id) as Record<string, string | number | null> | undefined;
    if (!row) return null;
    return {
      approvedAt: String(row.approved_at),
      contentHash: String(row.content_hash),
      rowCount: Number(row.row_count),
      totals: JSON.parse(String(row.totals)) as ApprovalRecord['totals'],
      acknowledged: JSON.parse(String(row.acknowledged)) as string[],
      voidedAt: row.voided_at === null ? null : String(row.voided_at),
    };
  }

  approve(id: string, approval: Omit<ApprovalRecord, 'voidedAt'>): void {
    this.db.transaction(() => {
      this.voidApproval(id, approval.approvedAt, 'approved again');
      this
        .statement('INSERT INTO approvals (batch_id, approved_at, content_hash, row_count, totals, acknowledged) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, approval.approvedAt, approval.contentHash, approval.rowCount, JSON.stringify(approval.totals), JSON.stringify(approval.acknowledged));
      this.event(id, approval.approvedAt, 'approved', { contentHash: approval.contentHash, rowCount: approval.rowCount, totals: approval.totals, acknowledged: approval.acknowledged });
    })();
  }

  voidApproval(id: string, at: string, reason: string): void {
    const voided = this.statement('UPDATE approvals SET voided_at = ? WHERE batch_id = ? AND voided_at IS NULL').run(at, id);
    if (voided.changes > 0) this.event(id, at, 'approval-voided', { reason });
  }

  events(id: string): { at: string; kind: string; details: unknown }[] {
    return (this.statement('SELECT at, kind, details FROM batch_events WHERE batch_id = ? ORDER BY id').all(id) as { at: string; kind: string; details: string }[]).map((e) => ({ ...e, details: JSON.parse(e.details) as unknown }));
  }

  list(profileId: string): { id: string; fileName: string; importedAt: string }[] {
    return (this.statement('SELECT id, file_name, imported_at FROM batches WHERE profile_id = ? ORDER BY imported_at DESC').all(profileId) as { id: string; file_name: string; imported_at: string }[]).map((b) => ({ id: b.id, fileName: b.file_name, importedAt: b.imported_at }));
  }

  private event(id: string, at: string, kind: string, details: unknown): void {
    this.statement('INSERT INTO batch_events (batch_id, at, kind, details) VALUES (?, ?, ?, ?)').run(id, at, kind, JSON.stringify(details, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
  }
}

function toStoredRow(r: Record<string, string | bigint | null>): StoredRow {
  return {
    index: Number(r.row_index),
    line: Number(r.line),
    partyType: r.party_type as StoredRow['partyType'],
    partyId: r.party_id as string | null,
    partyInput: String(r.party_input),
    amountInput: String(r.amount_input),
    amountMinor: r.amount_minor as bigint | null,
    currency: String(r.currency),
    externalId: r.external_id as string | null,
    payerMessage: String(r.payer_message),
    payeeNote: String(r.payee_note),
    name: String(r.name),
    extra: JSON.parse(String(r.extra)) as Record<string, string>,
    raw: JSON.parse(String(r.raw)) as string[],
    errors: JSON.parse(String(r.errors)) as RowIssue[],
    warnings: JSON.parse(String(r.warnings)) as RowIssue[],
    excluded: r.excluded === 1n,
    holder: r.holder as HolderState | null,
    originRow: r.origin_row === null ? null : Number(r.origin_row),
  };
}
