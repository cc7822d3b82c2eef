// Every balance reading the console takes, kept so treasury can see a balance
// over time; amounts in integer minor units of the reading's currency.
import type { Db } from './database';
import { PreparedStatements } from './prepared-statements';

export interface BalanceReading {
  product: 'collection' | 'disbursement' | 'remittance';
  currency: string;
  minor: bigint;
  at: string;
}

export class BalanceRepository {
  private readonly prepared: PreparedStatements;

  constructor(db: Db) {
    this.prepared = new PreparedStatements(db);
  }

  add(profileId: string, reading: BalanceReading): void {
    this.prepared.get('INSERT INTO balance_readings (profile_id, product, currency, available_minor, at) VALUES (?, ?, ?, ?, ?)').run(profileId, reading.product, reading.currency, reading.minor, reading.at);
  }

  /** The newest reading in `currency` of each product (one indexed look per product, however many readings there are). */
  latest(profileId: string, currency: string): BalanceReading[] {
    const newest = this.prepared
      .get('SELECT product, currency, available_minor, at FROM balance_readings WHERE profile_id = ? AND product = ? AND currency = ? ORDER BY at DESC, id DESC LIMIT 1')
      .safeIntegers(true);
    return (['collection', 'disbursement', 'remittance'] as const).flatMap((product) => {
      const r = newest.get(profileId, product, currency) as { currency: string; available_minor: bigint; at: string } | undefined;
      return r ? [{ product, currency: r.currency, minor: r.available_minor, at: r.at }] : [];
    });
  }

  history(profileId: string, product: BalanceReading['product'], currency: string, sinceIso: string): BalanceReading[] {
    return (
      this.prepared
        .get('SELECT product, currency, available_minor, at FROM balance_readings WHERE profile_id = ? AND product = ? AND currency = ? AND at >= ? ORDER BY at')
        .safeIntegers(true)
        .all(profileId, product, currency, sinceIso) as { product: BalanceReading['product']; currency: string; available_minor: bigint; at: string }[]
    ).map((r) => ({ product: r.product, currency: r.currency, minor: r.available_minor, at: r.at }));
  }
}
