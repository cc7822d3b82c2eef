// Access tokens per (profile, product). A token is renewed ahead of its
// expiry, and however many calls want one at once, only one request for it is
// in flight: a cold start of 100 payouts makes one token request, not 100.
export interface MintedToken {
  accessToken: string;
  expiresInSeconds: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
  renewAt: number;
}

export interface TokenCacheOptions {
  now?: () => number;
  /** Renew this long before expiry (capped at half the token's life). */
  refreshAheadMs?: number;
  /** Told when a renewal that nobody waited for failed; the next call tries again. */
  onBackgroundFailure?: (key: string, error: unknown) => void;
}

export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  /** Bumped by clear(): a renewal started before it must not store a token minted with old credentials. */
  private generation = 0;
  private readonly now: () => number;
  private readonly refreshAheadMs: number;

  constructor(private readonly options: TokenCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.refreshAheadMs = options.refreshAheadMs ?? 60_000;
  }

  static key(profileId: string, product: string): string {
    return `${profileId}\u0000${product}`;
  }

  /** A valid token for `key`, minting one with `mint` only when none is fresh enough. */
  async get(key: string, mint: () => Promise<MintedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    const now = this.now();
    if (cached && now < cached.renewAt) return cached.value;
    if (cached && now < cached.expiresAt) {
      // Still good: hand it out and renew behind the caller's back.
      this.renew(key, mint).catch((error: unknown) => this.options.onBackgroundFailure?.(key, error));
      return cached.value;
    }
    return (await this.renew(key, mint)).value;
  }

  /** Forgets `token` after MoMo refused it, unless a newer one has replaced it already. */
  invalidate(key: string, token: string): void {
    if (this.tokens.get(key)?.value === token) this.tokens.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.tokens.clear();
    this.inFlight.clear();
  }

  private renew(key: string, mint: () => Promise<MintedToken>): Promise<CachedToken> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = this.now();
    const generation = this.generation;
    const renewal = mint()
      .then(({ accessToken, expiresInSeconds }) => {
        const lifeMs = Math.max(0, expiresInSeconds * 1000);
        const token = { value: accessToken, expiresAt: started + lifeMs, renewAt: started + lifeMs - Math.min(this.refreshAheadMs, lifeMs / 2) };
        if (generation === this.generation) this.tokens.set(key, token);
        return token;
      })
      .finally(() => {
        if (this.inFlight.get(key) === renewal) this.inFlight.delete(key);
      });
    this.inFlight.set(key, renewal);
    return renewal;
  }
}
