import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestPacer } from '../../../main/momo/request-pacer';

// Fake timers make the pacing a count, not a stopwatch.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('status-read pacing', () => {
  it('10 per second per product: one read per 100 ms, products independent', async () => {
    const pacer = new RequestPacer({ statusReadsPerSecond: 10, now: Date.now });
    let done = 0;
    for (let i = 0; i < 25; i += 1) void pacer.statusRead('disbursement').then(() => (done += 1));
    let other = 0;
    for (let i = 0; i < 3; i += 1) void pacer.statusRead('collection').then(() => (other += 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(11);
    expect(other).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(21);
  });

  it('after a 429, every call to that product waits out the Retry-After', async () => {
    const pacer = new RequestPacer({ statusReadsPerSecond: 10, now: Date.now });
    pacer.holdOff('remittance', 2000);
    let through = false;
    void pacer.clearance('remittance').then(() => (through = true));
    let otherThrough = false;
    void pacer.clearance('collection').then(() => (otherThrough = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(through).toBe(false);
    expect(otherThrough).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(through).toBe(true);
  });

  it('refuses a rate of zero', () => {
    expect(() => new RequestPacer({ statusReadsPerSecond: 0, now: Date.now })).toThrow(/above 0/);
  });
});
