// The console's SQLite database (better-sqlite3): WAL so a crash never leaves
// a half-written batch, foreign keys on, and the numbered migrations applied
// in one transaction each at start. Commits are durable against a crash of
// the process (WAL, synchronous NORMAL); the few that must also survive a
// power cut (reference ids before their requests) use `durably`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new Error(`The database was written by a newer MoMo Console (schema ${current}; this one knows ${newest}). Update the console.`);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export const DATABASE_FILE = 'momo-console.sqlite';

/**
 * Runs `work` as one transaction that is on disk, fsync and all, when this
 * returns: for what must outlive a power cut, such as a reference id that is
 * about to be sent.
 */
export function durably<T>(db: Db, work: () => T): T {
  // SQLite refuses to change the safety level inside a transaction: this must be the outermost one.
  if (db.inTransaction) throw new Error('durably() must not run inside another transaction');
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(work).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
