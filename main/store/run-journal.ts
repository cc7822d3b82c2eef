// The payout journal: one run per batch, one attempt per reference id, and an
// append-only chain of events per batch (each carries the hash of the one
// before it). A reference id is written here, in a committed transaction,
// before its request leaves the machine.
import { createHash } from 'node:crypto';
import type { Exchange } from '../momo/exchange';
import { durably, type Db } from './database';
import { PreparedStatements } from './prepared-statements';

export type RunState = 'running' | 'paused' | 'cancelled' | 'finished';
/** reserved: the id is stored, the POST may or may not have gone. unresolved: sent, outcome unknown, to be looked up before anything else. */
export type AttemptState = 'reserved' | 'unresolved' | 'accepted' | 'SUCCESSFUL' | 'FAILED' | 'UNKNOWN';

export interface RunRecord {
  batchId: string;
  operation: string;
  state: RunState;
  pauseReason: string | null;
  startedAt: string;
  /** Where it was started; null for batches started before the console kept it. */
  connection: string | null;
}

export interface AttemptRecord {
  referenceId: string;
  batchId: string;
  rowIndex: number;
  attempt: number;
  operation: string;
  body: Record<string, unknown>;
  state: AttemptState;
  financialTransactionId: string | null;
  reason: string | null;
  checks: number;
  nextCheckAt: string | null;
  createdAt: string;
  /** When MoMo last accepted it (a resend after a crash starts the UNKNOWN window again). */
  acceptedAt: string | null;
  updatedAt: string;
}

const GENESIS = '0'.repeat(64);

export class RunJournal {
  private readonly prepared: PreparedStatements;

  constructor(private readonly db: Db) {
    this.prepared = new PreparedStatements(db);
  }

  private statement(sql: string) {
    return this.prepared.get(sql);
  }

  startRun(batchId: string, operation: string, at: string, connection: string | null = null): void {
    this.db.transaction(() => {
      this.statement('INSERT INTO runs (batch_id, operation, state, started_at, updated_at, connection) VALUES (?, ?, ?, ?, ?, ?)').run(batchId, operation, 'running', at, at, connection);
      this.event(batchId, -1, null, at, 'run-started', { operation });
    })();
  }

  run(batchId: string): RunRecord | null {
    const row = this.statement('SELECT * FROM runs WHERE batch_id = ?').get(batchId) as Record<string, string | null> | undefined;
    return row
      ? { batchId, operation: String(row.operation), state: row.state as RunState, pauseReason: row.pause_reason ?? null, startedAt: String(row.started_at), connection: row.connection ?? null }
      : null;
  }

  setRunState(batchId: string, state: RunState, reason: string | null, at: string): void {
    this.db.transaction(() => {
      this.statement('UPDATE runs SET state = ?, pause_reason = ?, updated_at = ? WHERE batch_id = ?').run(state, reason, at, batchId);
      this.event(batchId, -1, null, at, `run-${state}`, reason === null ? {} : { reason });
    })();
  }

  /**
   * Takes the batch for one runner (this process, this window) until
   * `untilIso`: two runners on one batch, say the app and the command line,
   * would race each other. A lease that ran out (its process died) can be taken.
   */
  claim(batchId: string, owner: string, nowIso: string, untilIso: string): boolean {
    return (
      this.db
        .transaction(() => this.statement('UPDATE runs SET owner = ?, lease_until = ? WHERE batch_id = ? AND (owner IS NULL OR owner = ? OR lease_until < ?)').run(owner, untilIso, batchId, owner, nowIso).changes)
        .immediate() > 0
    );
  }

  /** Takes over from a holder known to be dead (its process is gone), whatever its lease says. */
  takeOver(batchId: string, deadOwner: string, owner: string, untilIso: string): boolean {
    return this.statement('UPDATE runs SET owner = ?, lease_until = ? WHERE batch_id = ? AND owner = ?').run(owner, untilIso, batchId, deadOwner).changes > 0;
  }

  holder(batchId: string): string | null {
    return (this.statement('SELECT owner FROM runs WHERE batch_id = ?').get(batchId) as { owner: string | null } | undefined)?.owner ?? null;
  }

  release(batchId: string, owner: string): void {
    this.statement('UPDATE runs SET owner = NULL, lease_until = NULL WHERE batch_id = ? AND owner = ?').run(batchId, owner);
  }

  /** Batches that were running when the process last stopped. */
  runningBatches(): string[] {
    return (this.statement("SELECT batch_id FROM runs WHERE state = 'running' ORDER BY started_at").all() as { batch_id: string }[]).map((r) => r.batch_id);
  }

  /** Valid, included rows that have no attempt yet, in file order. */
  unsentRows(batchId: string, limit: number): number[] {
    return (
      this
        .statement(
          `SELECT r.row_index FROM batch_rows r WHERE r.batch_id = ? AND r.errors = '[]' AND r.excluded = 0
           AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.batch_id = r.batch_id AND a.row_index = r.row_index) ORDER BY r.row_index LIMIT ?`,
        )
        .all(batchId, limit) as { row_index: number }[]
    ).map((r) => r.row_index);
  }

  /**
   * Stores reference ids for a group of rows in one committed transaction:
   * nothing is sent before this returns. Each also becomes a transaction that
   * support can search, under the kind of call it is (`disbursement.transfer`…).
   */
  reserve(batchId: string, attempts: { rowIndex: number; referenceId: string; attempt: number; operation: string; kind: string; body: Record<string, unknown> }[], at: string): void {
    const insert = this.statement('INSERT INTO attempts (reference_id, batch_id, row_index, attempt, operation, body, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const searchable = this.statement(
      `INSERT INTO transactions (reference_id, profile_id, kind, product, origin, batch_id, row_index, external_id, party_type, party_id, amount_minor, currency, state, body, created_at, updated_at)
       SELECT ?, b.profile_id, ?, 'disbursement', 'batch', r.batch_id, r.row_index, r.external_id, r.party_type, r.party_id, r.amount_minor, r.currency, 'reserved', ?, ?, ?
       FROM batch_rows r JOIN batches b ON b.id = r.batch_id WHERE r.batch_id = ? AND r.row_index = ?`,
    );
    // On disk before any of these requests leaves: a power cut must not forget an id that may have been sent.
    durably(this.db, () => {
      for (const a of attempts) {
        const body = JSON.stringify(a.body);
        insert.run(a.referenceId, batchId, a.rowIndex, a.attempt, a.operation, body, 'reserved', at, at);
        searchable.run(a.referenceId, a.kind, body, at, at, batchId, a.rowIndex);
        this.event(batchId, a.rowIndex, a.referenceId, at, 'created', { attempt: a.attempt, operation: a.operation });
      }
    });
  }

  attempts(batchId: string, states?: readonly AttemptState[]): AttemptRecord[] {
    const rows = (
      states
        ? this.statement(`SELECT * FROM attempts WHERE batch_id = ? AND state IN (${states.map(() => '?').join(',')}) ORDER BY row_index, attempt`).all(batchId, ...states)
        : this.statement('SELECT * FROM attempts WHERE batch_id = ? ORDER BY row_index, attempt').all(batchId)
    ) as Record<string, string | number | null>[];
    return rows.map((r) => toAttempt(r));
  }

  /** Count and minor-unit total of a batch's payable rows by the state of their latest attempt ('QUEUED' for none yet), in SQL. */
  tally(batchId: string): { state: AttemptState | 'QUEUED'; count: number; minor: bigint }[] {
    return (
      this
        .statement(
          `SELECT COALESCE(a.state, 'QUEUED') AS state, count(*) AS n, COALESCE(sum(r.amount_minor), 0) AS minor
           FROM batch_rows r
           LEFT JOIN attempts a ON a.batch_id = r.batch_id AND a.row_index = r.row_index
             AND a.attempt = (SELECT max(x.attempt) FROM attempts x WHERE x.batch_id = r.batch_id AND x.row_index = r.row_index)
           WHERE r.batch_id = ? AND r.errors = '[]' AND r.excluded = 0 GROUP BY 1`,
        )
        .safeIntegers(true)
        .all(batchId) as { state: AttemptState | 'QUEUED'; n: bigint; minor: bigint }[]
    ).map((r) => ({ state: r.state, count: Number(r.n), minor: r.minor }));
  }

  /** A callback came: read this payment's status at the next turn of the tracking loop. */
  hint(referenceId: string, nowIso: string): boolean {
    return this.statement("UPDATE attempts SET next_check_at = ? WHERE reference_id = ? AND state = 'accepted'").run(nowIso, referenceId).changes > 0;
  }

  /** Our reference id for a callback: the id itself when it is ours, else the open attempt carrying that external id. */
  identify(hint: { referenceId: string | null; externalId: string | null }): string | null {
    if (hint.referenceId) {
      const found = this.statement('SELECT reference_id FROM attempts WHERE reference_id = ?').get(hint.referenceId) as { reference_id: string } | undefined;
      if (found) return found.reference_id;
    }
    if (!hint.externalId) return null;
    const open = this.statement("SELECT reference_id FROM attempts WHERE state = 'accepted' AND json_extract(body, '$.externalId') = ? LIMIT 2").all(hint.externalId) as { reference_id: string }[];
    // Two open payments with one external id (in two batches) cannot be told apart: neither is hinted.
    return open.length === 1 ? (open[0]?.reference_id ?? null) : null;
  }

  /** Accepted payments whose next status read is due, and when the next one falls due otherwise. */
  dueChecks(batchId: string, nowIso: string, limit: number): AttemptRecord[] {
    const refs = (this.statement("SELECT reference_id FROM attempts WHERE batch_id = ? AND state = 'accepted' AND (next_check_at IS NULL OR next_check_at <= ?) ORDER BY next_check_at LIMIT ?").all(batchId, nowIso, limit) as { reference_id: string }[]).map((r) => r.reference_id);
    return refs.length === 0 ? [] : this.byReference(refs);
  }

  nextCheck(batchId: string): { open: number; at: string | null } {
    const row = this.statement("SELECT count(*) AS open, min(next_check_at) AS at FROM attempts WHERE batch_id = ? AND state = 'accepted'").get(batchId) as { open: number; at: string | null };
    return row;
  }

  private byReference(refs: string[]): AttemptRecord[] {
    const rows = this.statement(`SELECT * FROM attempts WHERE reference_id IN (${refs.map(() => '?').join(',')})`).all(...refs) as Record<string, string | number | null>[];
    return rows.map((r) => toAttempt(r));
  }

  /** The latest attempt of each of these rows (a page of the table). */
  latestFor(batchId: string, rowIndexes: number[]): Map<number, { referenceId: string; state: AttemptState; reason: string | null }> {
    const map = new Map<number, { referenceId: string; state: AttemptState; reason: string | null }>();
    if (rowIndexes.length === 0) return map;
    const rows = this
      .statement(`SELECT row_index, reference_id, state, reason FROM attempts WHERE batch_id = ? AND row_index IN (${rowIndexes.map(() => '?').join(',')}) ORDER BY attempt`)
      .all(batchId, ...rowIndexes) as { row_index: number; reference_id: string; state: AttemptState; reason: string | null }[];
    for (const r of rows) map.set(r.row_index, { referenceId: r.reference_id, state: r.state, reason: r.reason });
    return map;
  }

  /** Moves an attempt on, with the event that says why, in one transaction. */
  update(
    attempt: Pick<AttemptRecord, 'batchId' | 'rowIndex' | 'referenceId'>,
    change: { state: AttemptState; financialTransactionId?: string | null; reason?: string | null; checks?: number; nextCheckAt?: string | null },
    event: { kind: string; details: Record<string, unknown> },
    at: string,
  ): void {
    this.db
      .transaction(() => {
        // A final state is never overwritten: another runner (or an earlier step) may already know the outcome.
        // A success carries no reason: an error seen on the way there is not why it ended.
        const reason = [change.state, change.reason ?? null, change.reason ?? null];
        const changed = this.statement(
          `UPDATE attempts SET state = ?, financial_transaction_id = COALESCE(?, financial_transaction_id), reason = CASE WHEN ? = 'SUCCESSFUL' THEN ? ELSE COALESCE(?, reason) END,
           accepted_at = CASE WHEN ? = 'accepted' AND state <> 'accepted' THEN ? ELSE accepted_at END,
           checks = COALESCE(?, checks), next_check_at = ?, updated_at = ? WHERE reference_id = ? AND state NOT IN ('SUCCESSFUL', 'FAILED')`,
        ).run(change.state, change.financialTransactionId ?? null, ...reason, change.state, at, change.checks ?? null, change.nextCheckAt ?? null, at, attempt.referenceId);
        if (changed.changes > 0) {
          this.statement(
            `UPDATE transactions SET state = ?, financial_transaction_id = COALESCE(?, financial_transaction_id), reason = CASE WHEN ? = 'SUCCESSFUL' THEN ? ELSE COALESCE(?, reason) END, updated_at = ?
             WHERE reference_id = ? AND state NOT IN ('SUCCESSFUL', 'FAILED')`,
          ).run(change.state, change.financialTransactionId ?? null, ...reason, at, attempt.referenceId);
          this.event(attempt.batchId, attempt.rowIndex, attempt.referenceId, at, event.kind, event.details);
        }
      })
      .immediate();
  }

  /**
   * Keeps the redacted request and response of a call about one of our
   * reference ids as an event of its row (what support shows as "raw"): every
   * send, and every call that failed. Calls about anything else are not the
   * journal's business.
   */
  /** Returns whether the call was about a payout row (kept or not): if not, it is someone else's to keep. */
  recordExchange(exchange: Exchange): boolean {
    if (!exchange.referenceId) return false;
    const attempt = this.statement('SELECT batch_id, row_index FROM attempts WHERE reference_id = ?').get(exchange.referenceId) as { batch_id: string; row_index: number } | undefined;
    if (!attempt) return false;
    // A status read that answered is already its row's status event; its copy would only weigh on every batch.
    if (exchange.method === 'GET' && exchange.response !== null && exchange.response.status < 300) return true;
    this.db.transaction(() => this.event(attempt.batch_id, attempt.row_index, exchange.referenceId, exchange.startedAt, 'exchange', exchange)).immediate();
    return true;
  }

  events(batchId: string): { rowIndex: number; referenceId: string | null; at: string; kind: string; details: unknown; prevHash: string; hash: string }[] {
    return (this.statement('SELECT * FROM row_events WHERE batch_id = ? ORDER BY id').all(batchId) as Record<string, string | number | null>[]).map((e) => ({
      rowIndex: Number(e.row_index),
      referenceId: (e.reference_id as string | null) ?? null,
      at: String(e.at),
      kind: String(e.kind),
      details: JSON.parse(String(e.details)) as unknown,
      prevHash: String(e.prev_hash),
      hash: String(e.hash),
    }));
  }

  /** Recomputes every batch's chain; the first event whose hash or link does not hold is reported. */
  verify(): { ok: true; events: number } | { ok: false; batchId: string; eventId: number; problem: string } {
    const rows = this.statement('SELECT * FROM row_events ORDER BY batch_id, id').all() as Record<string, string | number | null>[];
    const last = new Map<string, string>();
    for (const e of rows) {
      const batchId = String(e.batch_id);
      const prev = last.get(batchId) ?? GENESIS;
      if (e.prev_hash !== prev) return { ok: false, batchId, eventId: Number(e.id), problem: 'the link to the event before it is broken (an event was removed or reordered)' };
      const hash = chainHash(prev, batchId, Number(e.row_index), (e.reference_id as string | null) ?? null, String(e.at), String(e.kind), String(e.details));
      if (hash !== e.hash) return { ok: false, batchId, eventId: Number(e.id), problem: 'the event was changed after it was written' };
      last.set(batchId, hash);
    }
    return { ok: true, events: rows.length };
  }

  private event(batchId: string, rowIndex: number, referenceId: string | null, at: string, kind: string, details: unknown): void {
    const prev = (this.statement('SELECT hash FROM row_events WHERE batch_id = ? ORDER BY id DESC LIMIT 1').get(batchId) as { hash: string } | undefined)?.hash ?? GENESIS;
    const text = JSON.stringify(details);
    this
      .statement('INSERT INTO row_events (batch_id, row_index, reference_id, at, kind, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(batchId, rowIndex, referenceId, at, kind, text, prev, chainHash(prev, batchId, rowIndex, referenceId, at, kind, text));
  }
}

function chainHash(prev: string, batchId: string, rowIndex: number, referenceId: string | null, at: string, kind: string, details: string): string {
  return createHash('sha256').update(JSON.stringify([prev, batchId, rowIndex, referenceId, at, kind, details])).digest('hex');
}

function toAttempt(r: Record<string, string | number | null>): AttemptRecord {
  return {
    referenceId: String(r.reference_id),
    batchId: String(r.batch_id),
    rowIndex: Number(r.row_index),
    attempt: Number(r.attempt),
    operation: String(r.operation),
    body: JSON.parse(String(r.body)) as Record<string, unknown>,
    state: r.state as AttemptState,
    financialTransactionId: (r.financial_transaction_id as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    checks: Number(r.checks),
    nextCheckAt: (r.next_check_at as string | null) ?? null,
    createdAt: String(r.created_at),
    acceptedAt: (r.accepted_at as string | null) ?? null,
    updatedAt: String(r.updated_at),
  };
}
