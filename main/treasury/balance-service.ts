// Treasury: every product's balance for a profile, read on demand and on a
// timer, every reading stored, a warning threshold per product. The payouts
// preview reads the disbursement balance through here, so it is stored too.
import { decimalAmount, productSchema, type ChannelResult, type Profile } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import { formatAmount, parseAmount } from '../money/amount';
import type { Balance } from '../momo/products/account-api';
import { MomoError } from '../momo/momo-errors';
import type { ProfileClients } from '../profiles/profile-clients';
import type { ProfileService } from '../profiles/profile-service';
import type { BalanceReading, BalanceRepository } from '../store/balance-repository';
import type { SettingsRepository } from '../store/settings-repository';

type Product = BalanceReading['product'];
export type Balances = ChannelResult<'getBalances'>;

const MAX_POINTS = 500;

export interface BalanceServiceDeps {
  repo: BalanceRepository;
  settings: SettingsRepository;
  profiles: ProfileService;
  clients: ProfileClients;
  logger: Logger;
  now?: () => Date;
  /** New readings were taken (the app pushes them to the window). */
  onReadings?: (balances: Balances) => void;
}

export class BalanceService {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly deps: BalanceServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * The active profile's balances in its currency (or in `currency` when
   * asked): the stored readings, or fresh ones (each stored) with `refresh`.
   * Readings in another currency never mix with the profile's: cards, the
   * threshold and the chart each keep to one currency.
   */
  async current(refresh: boolean, profile: Profile = this.deps.profiles.active(), currency: string = profile.currency): Promise<Balances> {
    const problems = new Map<Product, string>();
    if (refresh) {
      const credentials = await this.deps.clients.credentials(profile);
      await Promise.all(
        productSchema.options.map(async (product) => {
          if (!credentials.subscriptionKeys[product]) {
            problems.set(product, `No subscription key for ${product}.`);
            return;
          }
          try {
            const stored = await this.readAndStore(profile, product, currency);
            if (!stored.stored) problems.set(product, `MoMo gave a balance the console cannot read exactly: "${stored.balance.availableBalance} ${stored.balance.currency}".`);
          } catch (error) {
            if (!(error instanceof MomoError)) throw error;
            problems.set(product, error.message);
          }
        }),
      );
    }
    const latest = new Map(this.deps.repo.latest(profile.id, currency).map((r) => [r.product, r]));
    // A threshold is in the profile's currency; a reading in another currency is never "low" against it.
    const ownCurrency = currency === profile.currency;
    const balances: Balances = {
      profileId: profile.id,
      currency,
      readings: productSchema.options.map((product) => {
        const reading = latest.get(product);
        const threshold = ownCurrency ? this.threshold(profile.id, product) : null;
        const thresholdMinor = threshold === null ? null : readableMinor(threshold, currency);
        return {
          product,
          currency,
          available: reading ? formatAmount(reading.minor, reading.currency) : null,
          at: reading?.at ?? null,
          threshold: thresholdMinor === null ? null : formatAmount(thresholdMinor, currency),
          low: reading !== undefined && thresholdMinor !== null && reading.minor <= thresholdMinor,
          problem: problems.get(product) ?? null,
        };
      }),
    };
    if (refresh) this.deps.onReadings?.(balances);
    return balances;
  }

  /** Reads one product's balance at MoMo (in the profile's currency) and stores the reading; for the payouts preview. */
  async read(profile: Profile, product: Product): Promise<Balance> {
    return (await this.readAndStore(profile, product, profile.currency)).balance;
  }

  /**
   * A balance the console cannot turn into minor units exactly is still
   * returned (the payouts preview shows it as MoMo wrote it); it is only not stored.
   */
  private async readAndStore(profile: Profile, product: Product, currency: string): Promise<{ balance: Balance; stored: boolean }> {
    const client = await this.deps.clients.clientFor(profile);
    const api = client.product(product);
    const balance = currency === profile.currency ? await api.getBalance() : await api.getBalanceIn(currency);
    const minor = readableMinor(balance.availableBalance, balance.currency);
    if (minor === null) {
      this.deps.logger.warn({ product, currency: balance.currency }, 'a balance MoMo gave could not be stored as minor units');
      return { balance, stored: false };
    }
    this.deps.repo.add(profile.id, { product, currency: balance.currency, minor, at: this.now().toISOString() });
    return { balance, stored: true };
  }

  history(product: Product, days: number): ChannelResult<'getBalanceHistory'> {
    const profile = this.deps.profiles.active();
    const since = new Date(this.now().getTime() - days * 86_400_000).toISOString();
    const currency = profile.currency;
    const same = this.deps.repo.history(profile.id, product, currency, since);
    // A reading every 5 minutes is 105,000 a year: the chart gets at most MAX_POINTS, the lowest and highest of
    // each slice (a dip under the warning threshold stays visible) and always the newest.
    const slice = Math.ceil(same.length / ((MAX_POINTS - 1) / 2));
    const kept: BalanceReading[] = [];
    for (let start = 0; start < same.length; start += slice) {
      const part = same.slice(start, start + slice);
      const lowest = part.reduce((a, b) => (b.minor < a.minor ? b : a));
      const highest = part.reduce((a, b) => (b.minor > a.minor ? b : a));
      kept.push(...part.filter((r) => r === lowest || r === highest));
    }
    const newest = same.at(-1);
    if (newest && kept.at(-1) !== newest) kept.push(newest);
    return { product, currency, points: kept.map((r) => ({ at: r.at, available: formatAmount(r.minor, r.currency) })) };
  }

  async setThreshold(product: Product, amount: string | null): Promise<Balances> {
    const profile = this.deps.profiles.active();
    if (amount !== null && readableMinor(amount, profile.currency) === null) {
      throw new AppError('INVALID_INPUT', `amount: "${amount}" is not an amount in ${profile.currency} (at most its decimals)`, { field: 'amount' });
    }
    this.deps.settings.set(thresholdKey(profile.id, product), amount, this.now().toISOString());
    return this.current(false, profile);
  }

  /** Fresh readings of the active profile every `intervalMs`. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.current(true).catch((error: unknown) => this.deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'balance reading failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private threshold(profileId: string, product: Product): string | null {
    return this.deps.settings.get(thresholdKey(profileId, product), decimalAmount.nullable(), null);
  }
}

/** A decimal as MoMo writes balances, zero included, in minor units; null when the currency cannot hold it exactly. */
function readableMinor(text: string, currency: string): bigint | null {
  const trimmed = text.trim();
  if (/^0+(\.0+)?$/.test(trimmed)) return 0n;
  const parsed = parseAmount(trimmed, currency);
  return parsed.ok ? parsed.minor : null;
}

const thresholdKey = (profileId: string, product: Product) => `balance-threshold.${profileId}.${product}`;
