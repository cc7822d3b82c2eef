import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../main/store/database';
import { MIGRATIONS } from '../../../main/store/migrations';

describe('database', () => {
  it('opens in WAL mode with foreign keys, and runs every migration once', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'momo-db-')), 'data', 'momo.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.close();
    // Opening again runs nothing twice (a second CREATE TABLE would throw).
    const again = openDatabase(file);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'batches'").get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database written by a newer console, and rolls back a failing migration whole', () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/written by a newer MoMo Console \(schema 99/);
    const fresh = openDatabase(':memory:', []);
    expect(() => migrate(fresh, [{ version: 1, name: 'broken', sql: 'CREATE TABLE a (x); CREATE TABLE a (x);' }])).toThrow();
    expect(fresh.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    expect(fresh.pragma('user_version', { simple: true })).toBe(0);
  });
});
