// Every transaction the console creates (one at a time, or as a payout row) or
// finds at MoMo by its reference id, with the events that moved it. Searched
// by support: by reference id, external id, party, status, kind, profile, date
// range and amount, newest first, a page at a time, on indexes that keep it
// fast at a million rows.
import type { Exchange } from '../momo/exchange';
import { durably, type Db } from './database';
import { PreparedStatements } from './prepared-statements';

/** Like a payout attempt's: reserved and unresolved are looked up before anything is sent again. */
export type TransactionState = 'reserved' | 'unresolved' | 'accepted' | 'SUCCESSFUL' | 'FAILED' | 'UNKNOWN';
export type TransactionOrigin = 'console' | 'batch' | 'lookup';
export const OPEN_STATES: readonly TransactionState[] = ['reserved', 'unresolved', 'accepted'];
/** What each of the four statuses an agent searches for stands for in the store. */
export const STATES_SHOWN_AS = {
  PENDING: ['reserved', 'accepted'],
  SUCCESSFUL: ['SUCCESSFUL'],
  FAILED: ['FAILED'],
  // No clear answer from MoMo yet (unresolved) is not "pending": the agent must not make the payment again.
  UNKNOWN: ['UNKNOWN', 'unresolved'],
} as const satisfies Record<string, readonly TransactionState[]>;

export interface TransactionRecord {
  referenceId: string;
  profileId: string;
  kind: string;
  product: 'collection' | 'disbursement' | 'remittance';
  origin: TransactionOrigin;
  batchId: string | null;
  rowIndex: number | null;
  externalId: string | null;
  partyType: 'MSISDN' | 'EMAIL' | 'PARTY_CODE' | null;
  partyId: string | null;
  amountMinor: bigint | null;
  currency: string | null;
  state: TransactionState;
  momoStatus: string | null;
  reason: string | null;
  financialTransactionId: string | null;
  body: Record<string, unknown>;
  relatedReferenceId: string | null;
  /** Where it was sent (MoMo's address, environment, currency, profile kind): never sent again anywhere else. */
  connection: string | null;
  /** When MoMo last accepted it: the window before UNKNOWN runs from there. */
  acceptedAt: string | null;
  checks: number;
  nextCheckAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionFilter {
  referenceId?: string;
  /** Matches the party or the external id (a number typed by an agent may be either). */
  partyOrExternalId?: { partyId: string | null; externalId: string | null };
  /** Display statuses: PENDING stands for every open state. */
  status?: 'PENDING' | 'SUCCESSFUL' | 'FAILED' | 'UNKNOWN';
  kind?: string;
  profileId?: string;
  fromIso?: string;
  /** Exclusive. */
  toIso?: string;
  minMinor?: bigint;
  maxMinor?: bigint;
  currency?: string;
}

export interface TimelineEvent {
  at: string;
  kind: string;
  details: unknown;
}

type Change = Partial<Pick<TransactionRecord, 'momoStatus' | 'reason' | 'financialTransactionId' | 'checks' | 'nextCheckAt'>> & { state: TransactionState };

export class TransactionRepository {
  private readonly prepared: PreparedStatements;

  constructor(private readonly db: Db) {
    this.prepared = new PreparedStatements(db);
  }

  /**
   * Stores a new transaction with its first event, on disk before its request
   * may leave (durably). `guard` runs first inside the same write transaction,
   * so a check it makes (a refund's amount left) holds against every writer.
   */
  insert(record: Omit<TransactionRecord, 'checks' | 'nextCheckAt' | 'updatedAt' | 'acceptedAt'> & { nextCheckAt?: string }, event: { kind: string; details: unknown }, guard?: () => void): void {
    durably(this.db, () => {
      guard?.();
      this.prepared
        .get(
          `INSERT INTO transactions (reference_id, profile_id, kind, product, origin, batch_id, row_index, external_id, party_type, party_id, amount_minor, currency,
             state, momo_status, reason, financial_transaction_id, body, related_reference_id, connection, next_check_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.referenceId,
          record.profileId,
          record.kind,
          record.product,
          record.origin,
          record.batchId,
          record.rowIndex,
          record.externalId,
          record.partyType,
          record.partyId,
          record.amountMinor,
          record.currency,
          record.state,
          record.momoStatus,
          record.reason,
          record.financialTransactionId,
          JSON.stringify(record.body),
          record.relatedReferenceId,
          record.connection,
          record.nextCheckAt ?? null,
          record.createdAt,
          record.createdAt,
        );
      this.addEvent(record.referenceId, record.createdAt, event.kind, event.details);
    });
  }

  get(referenceId: string): TransactionRecord | null {
    const row = this.prepared.get('SELECT * FROM transactions WHERE reference_id = ?').safeIntegers(true).get(referenceId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Moves a transaction on, with the event that says why; a final state is never overwritten. Returns whether it moved. */
  update(referenceId: string, change: Change, event: { kind: string; details: unknown }, at: string): boolean {
    return this.db
      .transaction(() => {
        const moved = this.prepared
          .get(
            // reason: undefined keeps it, null clears it; a success never keeps one (an error seen on the way is not why it ended).
            // An accepted transaction never goes back to "no clear answer": a late duplicate send's confusion is not news.
            `UPDATE transactions SET state = ?, momo_status = COALESCE(?, momo_status),
               reason = CASE WHEN ? THEN ? WHEN ? = 'SUCCESSFUL' THEN NULL ELSE reason END,
               financial_transaction_id = COALESCE(?, financial_transaction_id), accepted_at = CASE WHEN ? = 'accepted' AND state <> 'accepted' THEN ? ELSE accepted_at END,
               checks = COALESCE(?, checks), next_check_at = ?, updated_at = ?
             WHERE reference_id = ? AND state NOT IN ('SUCCESSFUL', 'FAILED') AND NOT (? = 'unresolved' AND state = 'accepted')`,
          )
          .run(
            change.state,
            change.momoStatus ?? null,
            change.reason !== undefined ? 1 : 0,
            change.reason ?? null,
            change.state,
            change.financialTransactionId ?? null,
            change.state,
            at,
            change.checks ?? null,
            change.nextCheckAt ?? null,
            at,
            referenceId,
            change.state,
          ).changes > 0;
        if (moved) this.addEvent(referenceId, at, event.kind, event.details);
        return moved;
      })
      .immediate();
  }

  /** MoMo's word on a transaction that is already final for the console (a pre-approval cancelled after it was approved). */
  annotate(referenceId: string, momoStatus: string, at: string, kind: string, details: unknown): void {
    this.db.transaction(() => {
      this.prepared.get('UPDATE transactions SET momo_status = ?, updated_at = ? WHERE reference_id = ?').run(momoStatus, at, referenceId);
      this.addEvent(referenceId, at, kind, details);
    })();
  }

  /** A callback came for a transaction made one at a time: look at it at the next turn of the tracking loop. */
  hint(referenceId: string, nowIso: string): boolean {
    return this.prepared.get("UPDATE transactions SET next_check_at = ? WHERE reference_id = ? AND origin <> 'batch' AND state IN ('accepted', 'unresolved')").run(nowIso, referenceId).changes > 0;
  }

  /** Our reference id for a callback about a transaction made one at a time, by its id or its (single) open external id. */
  identify(hint: { referenceId: string | null; externalId: string | null }): string | null {
    if (hint.referenceId) {
      const found = this.prepared.get("SELECT reference_id FROM transactions WHERE reference_id = ? AND origin <> 'batch'").get(hint.referenceId.toLowerCase()) as { reference_id: string } | undefined;
      if (found) return found.reference_id;
    }
    if (!hint.externalId) return null;
    const open = this.prepared.get("SELECT reference_id FROM transactions WHERE external_id = ? AND origin <> 'batch' AND state IN ('accepted', 'unresolved') LIMIT 2").all(hint.externalId) as { reference_id: string }[];
    return open.length === 1 ? (open[0]?.reference_id ?? null) : null;
  }

  /** An event that changes no state (a party check, a delivery notification, an exchange). */
  note(referenceId: string, at: string, kind: string, details: unknown): void {
    this.addEvent(referenceId, at, kind, details);
  }

  /**
   * Keeps the redacted request and response of a call about a transaction made
   * one at a time (payout rows keep theirs in the journal): every send, and
   * every call that failed; a status read that answered is its status event already.
   */
  recordExchange(exchange: Exchange): void {
    if (!exchange.referenceId) return;
    if (exchange.method === 'GET' && exchange.response !== null && exchange.response.status < 300) return;
    const known = this.prepared.get("SELECT 1 FROM transactions WHERE reference_id = ? AND origin <> 'batch'").get(exchange.referenceId);
    if (known) this.addEvent(exchange.referenceId, exchange.startedAt, 'exchange', exchange);
  }

  /** The transaction's own events and, for a payout row, its row's events in the journal; oldest first. */
  timeline(referenceId: string): TimelineEvent[] {
    const rows = this.prepared
      .get(
        `SELECT at, kind, details, 0 AS source, id FROM transaction_events WHERE reference_id = ?
         UNION ALL SELECT at, kind, details, 1 AS source, id FROM row_events WHERE reference_id = ?
         ORDER BY at, source, id`,
      )
      .all(referenceId, referenceId) as { at: string; kind: string; details: string }[];
    return rows.map((r) => ({ at: r.at, kind: r.kind, details: JSON.parse(r.details) as unknown }));
  }

  /** Refunds (and other transactions) made from this one. */
  related(referenceId: string): TransactionRecord[] {
    return (this.prepared.get('SELECT * FROM transactions WHERE related_reference_id = ? ORDER BY created_at').safeIntegers(true).all(referenceId) as Row[]).map(toRecord);
  }

  /** Newest first; one more row than asked is read to tell whether there is a next page. */
  search(filter: TransactionFilter, offset: number, limit: number): { rows: TransactionRecord[]; more: boolean } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.referenceId !== undefined) {
      where.push('reference_id = ?');
      params.push(filter.referenceId);
    }
    if (filter.partyOrExternalId) {
      const { partyId, externalId } = filter.partyOrExternalId;
      const either = [partyId === null ? null : 'party_id = ?', externalId === null ? null : 'external_id = ?'].filter((c): c is string => c !== null);
      where.push(`(${either.join(' OR ')})`);
      params.push(...[partyId, externalId].filter((v): v is string => v !== null));
    }
    if (filter.status !== undefined) {
      const states = STATES_SHOWN_AS[filter.status];
      where.push(`state IN (${states.map(() => '?').join(',')})`);
      params.push(...states);
    }
    for (const [column, value, op] of [
      ['kind', filter.kind, '='],
      ['profile_id', filter.profileId, '='],
      ['created_at', filter.fromIso, '>='],
      ['created_at', filter.toIso, '<'],
      ['amount_minor', filter.minMinor, '>='],
      ['amount_minor', filter.maxMinor, '<='],
      ['currency', filter.currency, '='],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} ${op} ?`);
      params.push(value);
    }
    const sql = `SELECT * FROM transactions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, reference_id LIMIT ? OFFSET ?`;
    const rows = (this.prepared.get(sql).safeIntegers(true).all(...params, limit + 1, offset) as Row[]).map(toRecord);
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }

  /**
   * Transactions made one at a time (payout rows are the batch runner's) whose
   * next look is due: a status read of an accepted one, or the lookup of one
   * with no clear outcome.
   */
  due(nowIso: string, limit: number): TransactionRecord[] {
    return (
      this.prepared
        .get("SELECT * FROM transactions WHERE state IN ('accepted', 'unresolved') AND origin <> 'batch' AND (next_check_at IS NULL OR next_check_at <= ?) ORDER BY next_check_at LIMIT ?")
        .safeIntegers(true)
        .all(nowIso, limit) as Row[]
    ).map(toRecord);
  }

  /** Transactions made one at a time whose request may or may not have reached MoMo: looked up before anything else. */
  unsettled(): TransactionRecord[] {
    return (this.prepared.get("SELECT * FROM transactions WHERE state IN ('reserved', 'unresolved') AND origin = 'console' ORDER BY created_at").safeIntegers(true).all() as Row[]).map(toRecord);
  }

  private addEvent(referenceId: string, at: string, kind: string, details: unknown): void {
    this.prepared.get('INSERT INTO transaction_events (reference_id, at, kind, details) VALUES (?, ?, ?, ?)').run(referenceId, at, kind, JSON.stringify(details));
  }
}

type Row = Record<string, string | bigint | null>;

function toRecord(r: Row): TransactionRecord {
  const text = (v: string | bigint | null | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    referenceId: String(r.reference_id),
    profileId: String(r.profile_id),
    kind: String(r.kind),
    product: String(r.product) as TransactionRecord['product'],
    origin: String(r.origin) as TransactionOrigin,
    batchId: text(r.batch_id),
    rowIndex: r.row_index === null ? null : Number(r.row_index),
    externalId: text(r.external_id),
    partyType: text(r.party_type) as TransactionRecord['partyType'],
    partyId: text(r.party_id),
    amountMinor: r.amount_minor === null || r.amount_minor === undefined ? null : BigInt(r.amount_minor),
    currency: text(r.currency),
    state: String(r.state) as TransactionState,
    momoStatus: text(r.momo_status),
    reason: text(r.reason),
    financialTransactionId: text(r.financial_transaction_id),
    body: JSON.parse(String(r.body)) as Record<string, unknown>,
    relatedReferenceId: text(r.related_reference_id),
    connection: text(r.connection),
    acceptedAt: text(r.accepted_at),
    checks: Number(r.checks),
    nextCheckAt: text(r.next_check_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}
