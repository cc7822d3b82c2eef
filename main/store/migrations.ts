// The database schema, as numbered migrations run in order at start. A
// migration is never edited once released; changes come as a new number.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'batches, their rows, approvals and events',
    sql: `
      CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        settings TEXT NOT NULL,
        headers TEXT NOT NULL,
        file_warnings TEXT NOT NULL
      );
      CREATE INDEX batches_by_file ON batches (profile_id, file_hash);
      CREATE TABLE batch_rows (
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        row_index INTEGER NOT NULL,
        line INTEGER NOT NULL,
        party_type TEXT,
        party_id TEXT,
        party_input TEXT NOT NULL,
        amount_input TEXT NOT NULL,
        amount_minor INTEGER,
        currency TEXT NOT NULL,
        external_id TEXT,
        payer_message TEXT NOT NULL,
        payee_note TEXT NOT NULL,
        name TEXT NOT NULL,
        extra TEXT NOT NULL,
        raw TEXT NOT NULL,
        errors TEXT NOT NULL,
        warnings TEXT NOT NULL,
        excluded INTEGER NOT NULL DEFAULT 0,
        holder TEXT,
        PRIMARY KEY (batch_id, row_index)
      );
      CREATE TABLE approvals (
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        approved_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        totals TEXT NOT NULL,
        acknowledged TEXT NOT NULL,
        voided_at TEXT
      );
      CREATE TABLE batch_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        details TEXT NOT NULL
      );
      CREATE INDEX batch_events_by_batch ON batch_events (batch_id, id);
    `,
  },
  {
    version: 2,
    name: 'runs, attempts (one per reference id) and the per-row event chain',
    sql: `
      CREATE TABLE runs (
        batch_id TEXT PRIMARY KEY REFERENCES batches (id) ON DELETE CASCADE,
        operation TEXT NOT NULL,
        state TEXT NOT NULL,
        pause_reason TEXT,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        owner TEXT,
        lease_until TEXT
      );
      CREATE TABLE attempts (
        reference_id TEXT PRIMARY KEY,
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        row_index INTEGER NOT NULL,
        attempt INTEGER NOT NULL,
        operation TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL,
        financial_transaction_id TEXT,
        reason TEXT,
        checks INTEGER NOT NULL DEFAULT 0,
        next_check_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (batch_id, row_index, attempt)
      );
      CREATE INDEX attempts_by_state ON attempts (batch_id, state);
      CREATE TABLE row_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        row_index INTEGER NOT NULL,
        reference_id TEXT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX row_events_by_row ON row_events (batch_id, row_index, id);
      CREATE INDEX row_events_by_batch ON row_events (batch_id, id);
    `,
  },
  {
    version: 3,
    name: 'retry batches linked to the batch and rows they retry',
    sql: `
      ALTER TABLE batches ADD COLUMN retry_of TEXT REFERENCES batches (id);
      ALTER TABLE batch_rows ADD COLUMN origin_row INTEGER;
    `,
  },
  {
    version: 4,
    name: 'console settings kept in the store (the callback receiver port)',
    sql: `
      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
