import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../main/momo/token-cache';
import { manualClock } from '../../support/sandbox-harness';

describe('token cache', () => {
  it('one mint however many wait; failures reach every waiter and the next call mints again', async () => {
    const cache = new TokenCache();
    let mints = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mint = async () => {
      mints += 1;
      await gate;
      return { accessToken: `token-${mints}`, expiresInSeconds: 3600 };
    };
    const waiting = Array.from({ length: 50 }, () => cache.get('k', mint));
    release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['token-1']));
    expect(mints).toBe(1);

    const failing = new TokenCache();
    let attempts = 0;
    const broken = async () => {
      attempts += 1;
      throw new Error('token endpoint down');
    };
    const results = await Promise.allSettled([failing.get('k', broken), failing.get('k', broken)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
    await expect(failing.get('k', broken)).rejects.toThrow('token endpoint down');
    expect(attempts).toBe(2);
  });

  it('renews ahead of expiry in the background, and waits only once the token is gone', async () => {
    const clock = manualClock();
    const cache = new TokenCache({ now: clock.now, refreshAheadMs: 60_000 });
    let n = 0;
    const mint = async () => ({ accessToken: `t${++n}`, expiresInSeconds: 3600 });
    expect(await cache.get('k', mint)).toBe('t1');
    clock.advance(3_540_000 - 1);
    expect(await cache.get('k', mint)).toBe('t1');
    clock.advance(1); // inside the last minute: still served, renewal under way
    expect(await cache.get('k', mint)).toBe('t1');
    await Promise.resolve();
    expect(await cache.get('k', mint)).toBe('t2');
    clock.advance(3_600_000);
    expect(await cache.get('k', mint)).toBe('t3');
  });

  it('invalidate forgets only the token that was refused', async () => {
    const cache = new TokenCache();
    let n = 0;
    const mint = async () => ({ accessToken: `t${++n}`, expiresInSeconds: 3600 });
    await cache.get('k', mint);
    cache.invalidate('k', 'stale-other-token');
    expect(await cache.get('k', mint)).toBe('t1');
    cache.invalidate('k', 't1');
    expect(await cache.get('k', mint)).toBe('t2');
    expect(TokenCache.key('p', 'collection')).not.toBe(TokenCache.key('p', 'disbursement'));
  });

  it('clear() drops a renewal already under way, so a token minted with old credentials is not kept', async () => {
    const cache = new TokenCache();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oldKey = cache.get('k', async () => {
      await gate;
      return { accessToken: 'minted-with-old-key', expiresInSeconds: 3600 };
    });
    cache.clear();
    release();
    expect(await oldKey).toBe('minted-with-old-key');
    expect(await cache.get('k', async () => ({ accessToken: 'minted-with-new-key', expiresInSeconds: 3600 }))).toBe('minted-with-new-key');
  });

  it('a short-lived token is renewed at half its life, not before it was minted', async () => {
    const clock = manualClock();
    const cache = new TokenCache({ now: clock.now, refreshAheadMs: 60_000 });
    let n = 0;
    const mint = async () => ({ accessToken: `t${++n}`, expiresInSeconds: 20 });
    await cache.get('k', mint);
    clock.advance(9_999);
    expect(await cache.get('k', mint)).toBe('t1');
    expect(n).toBe(1);
  });
});
