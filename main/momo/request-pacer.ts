// Keeps the client inside MoMo's limits: status reads paced per product (MTN
// caps them at about 10 a second), and after a 429 every call to that product
// waits out the Retry-After, not only the one that was told.
import pThrottle from 'p-throttle';
import type { MomoProduct } from './momo-connection';

export interface PacerOptions {
  /** Status reads per second, per product; Infinity turns pacing off. */
  statusReadsPerSecond: number;
  now: () => number;
}

export class RequestPacer {
  private readonly throttles = new Map<string, () => Promise<void>>();
  private readonly heldUntil = new Map<string, number>();

  constructor(private readonly options: PacerOptions) {
    const rate = options.statusReadsPerSecond;
    if (!(rate > 0)) throw new RangeError('statusReadsPerSecond must be above 0');
  }

  /** Waits until a status read of `product` fits the rate. */
  async statusRead(product: MomoProduct): Promise<void> {
    const rate = this.options.statusReadsPerSecond;
    if (rate === Infinity) return;
    let throttle = this.throttles.get(product);
    if (!throttle) {
      // Bursts of at most a tenth of the rate per 100 ms: 10/s becomes one read every 100 ms.
      const limit = Math.max(1, Math.ceil(rate / 10));
      throttle = pThrottle({ limit, interval: (limit * 1000) / rate })(async () => undefined);
      this.throttles.set(product, throttle);
    }
    await throttle();
  }

  /** Waits while MoMo has asked this product's callers to hold off. */
  async clearance(product: MomoProduct | null): Promise<void> {
    const key = product ?? 'provisioning';
    for (;;) {
      const wait = (this.heldUntil.get(key) ?? 0) - this.options.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  holdOff(product: MomoProduct | null, ms: number): void {
    const key = product ?? 'provisioning';
    const until = this.options.now() + ms;
    if (until > (this.heldUntil.get(key) ?? 0)) this.heldUntil.set(key, until);
  }
}
