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
  {
    version: 5,
    name: 'every transaction the console creates or finds, its events, and balance readings',
    sql: `
      CREATE TABLE transactions (
        reference_id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        product TEXT NOT NULL,
        origin TEXT NOT NULL,
        batch_id TEXT,
        row_index INTEGER,
        external_id TEXT,
        party_type TEXT,
        party_id TEXT,
        amount_minor INTEGER,
        currency TEXT,
        state TEXT NOT NULL,
        momo_status TEXT,
        reason TEXT,
        financial_transaction_id TEXT,
        body TEXT NOT NULL,
        related_reference_id TEXT,
        connection TEXT,
        accepted_at TEXT,
        checks INTEGER NOT NULL DEFAULT 0,
        next_check_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX transactions_by_party ON transactions (party_id, created_at);
      CREATE INDEX transactions_by_external_id ON transactions (external_id, created_at);
      CREATE INDEX transactions_by_created ON transactions (created_at);
      CREATE INDEX transactions_by_related ON transactions (related_reference_id);
      CREATE INDEX transactions_to_check ON transactions (state, next_check_at) WHERE origin <> 'batch';
      CREATE INDEX transactions_by_state ON transactions (state, created_at);
      CREATE TABLE transaction_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reference_id TEXT NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        details TEXT NOT NULL
      );
      CREATE INDEX transaction_events_by_reference ON transaction_events (reference_id, id);
      CREATE INDEX row_events_by_reference ON row_events (reference_id);
      -- When MoMo last took the payment: the window before UNKNOWN runs from there, not from when the id was stored.
      ALTER TABLE attempts ADD COLUMN accepted_at TEXT;
      -- Where a batch was started (see connection-fingerprint.ts): it is never resumed anywhere else.
      ALTER TABLE runs ADD COLUMN connection TEXT;
      CREATE TABLE balance_readings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL,
        product TEXT NOT NULL,
        currency TEXT NOT NULL,
        available_minor INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX balance_readings_by_product ON balance_readings (profile_id, product, at);
      -- Payout rows sent before this version join the same search.
      INSERT INTO transactions (reference_id, profile_id, kind, product, origin, batch_id, row_index, external_id, party_type, party_id,
        amount_minor, currency, state, reason, financial_transaction_id, body, created_at, updated_at)
      SELECT a.reference_id, b.profile_id,
        CASE a.operation WHEN 'transfer' THEN 'disbursement.transfer' WHEN 'deposit-v1' THEN 'disbursement.deposit.v1' ELSE 'disbursement.deposit.v2' END,
        'disbursement', 'batch', a.batch_id, a.row_index, r.external_id, r.party_type, r.party_id, r.amount_minor, r.currency,
        a.state, a.reason, a.financial_transaction_id, a.body, a.created_at, a.updated_at
      FROM attempts a JOIN batch_rows r ON r.batch_id = a.batch_id AND r.row_index = a.row_index JOIN batches b ON b.id = a.batch_id;
    `,
  },
];
