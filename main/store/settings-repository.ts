// Console-wide settings (not per profile, never a secret), one JSON value per
// key in the store, each read through its own zod schema so a bad value is a
// default with a warning rather than a crash.
import type { z } from 'zod';
import type { Db } from './database';
import { PreparedStatements } from './prepared-statements';

export class SettingsRepository {
  private readonly prepared: PreparedStatements;

  constructor(db: Db) {
    this.prepared = new PreparedStatements(db);
  }

  get<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>): z.output<T> {
    const row = this.prepared.get('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return fallback;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  }

  set(key: string, value: unknown, at: string): void {
    this.prepared.get('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(key, JSON.stringify(value), at);
  }
}
