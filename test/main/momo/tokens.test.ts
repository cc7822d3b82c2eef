// Tokens: one request however many calls wait, renewal ahead of expiry, one
// renewal and one retry on a 401, and typed errors when no token can be had.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MomoTokenError } from '../../../main/momo/momo-errors';
import { TokenCache } from '../../../main/momo/token-cache';
import { manualClock } from '../../support/sandbox-harness';
import { startClientHarness, type ClientHarness } from '../../support/momo-client-harness';

let t: ClientHarness | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const tokenRequests = (stats: Record<string, number>, product: string) => stats[`POST /${product}/token/`] ?? 0;
const payee = { partyIdType: 'MSISDN' as const, partyId: '256772123456' };

describe('token sharing', () => {
  it('100 concurrent calls on a cold cache make exactly one token request', async () => {
    t = await startClientHarness();
    const client = t.client;
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => client.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee })));
    expect(outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
    const stats = await t.stats();
    expect(tokenRequests(stats, 'disbursement')).toBe(1);
    expect(stats['POST /disbursement/v1_0/transfer']).toBe(100);
  });

  it('is kept per product, and shared by clients of one profile that share a cache', async () => {
    t = await startClientHarness();
    const shared = new TokenCache();
    const a = t.makeClient({ tokens: shared });
    const b = t.makeClient({ tokens: shared });
    await Promise.all([a.disbursement.getBalance(), b.disbursement.getBalance(), a.collection.getBalance(), b.remittance.getBalance()]);
    await b.collection.getBalance();
    const stats = await t.stats();
    expect([tokenRequests(stats, 'collection'), tokenRequests(stats, 'disbursement'), tokenRequests(stats, 'remittance')]).toEqual([1, 1, 1]);
  });

  it('is renewed ahead of expiry, while the old one still serves the callers', async () => {
    const clock = manualClock();
    t = await startClientHarness({ now: clock.now });
    await t.client.collection.getBalance();
    clock.advance(3_600_000 - 30_000); // inside the last minute of the hour
    await t.client.collection.getBalance();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tokenRequests(await t.stats(), 'collection')).toBe(2);
    // The renewed token is good for another hour on the client's clock: no third request.
    clock.advance(30_000);
    await t.client.collection.getBalance();
    expect(tokenRequests(await t.stats(), 'collection')).toBe(2);
  });
});

describe('a 401 on a call', () => {
  it('renews the token once and sends the call once more', async () => {
    t = await startClientHarness();
    await t.client.disbursement.getBalance();
    // The emulator's clock moves past the token's hour; the client still believes in it.
    t.h.clock.advance(3_601_000);
    const ref = randomUUID();
    expect(await t.client.disbursement.transfer(ref, { amount: '2', currency: 'EUR', payee })).toMatchObject({ outcome: 'accepted', attempts: 1 });
    const stats = await t.stats();
    expect(tokenRequests(stats, 'disbursement')).toBe(2);
    expect(stats['POST /disbursement/v1_0/transfer']).toBe(2);
    expect(t.h.sandbox.ledger().filter((tx) => tx.referenceId === ref)).toHaveLength(1);
  });

  it('after the renewal, a second 401 is a definitive refusal', async () => {
    t = await startClientHarness();
    t.h.sandbox.setFaults([{ method: 'GET', path: '/collection/v1_0/account/balance', action: 'error', status: 401 }]);
    const error = await t.client.collection.getBalance().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'MomoHttpError', classification: 'definitive', status: 401, endpoint: 'GET /collection/v1_0/account/balance' });
    const stats = await t.stats();
    expect(tokenRequests(stats, 'collection')).toBe(2);
    expect(stats['GET /collection/v1_0/account/balance']).toBe(2);
  });

  it('a refused subscription key is a definitive MomoTokenError', async () => {
    t = await startClientHarness();
    // Minting works, but every bearer call is refused: the key belongs to another product's subscription.
    const { credentials } = t;
    const wrong = t.makeClient({ credentials: () => ({ ...credentials, subscriptionKeys: { ...credentials.subscriptionKeys, collection: 'not-the-key-0000' } }) });
    const error = await wrong.collection.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MomoTokenError);
    expect(error).toMatchObject({ classification: 'definitive', status: 401 });
    expect((error as Error).message).toMatch(/could not get a collection access token: the subscription key was refused/);
  });
});

describe('token failures are typed', () => {
  it('a wrong API key is a definitive MomoTokenError, and the money call is never sent', async () => {
    t = await startClientHarness();
    const { credentials } = t;
    const wrong = t.makeClient({ credentials: () => ({ ...credentials, apiKey: 'f'.repeat(32) }) });
    const outcome = await wrong.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee });
    expect(outcome.outcome).toBe('refused');
    if (outcome.outcome !== 'refused') return;
    expect(outcome.error).toBeInstanceOf(MomoTokenError);
    expect(outcome.error).toMatchObject({ status: 401, code: 'login_failed', classification: 'definitive' });
    expect(outcome.error.message).toMatch(/the API user or API key was refused/);
    expect((await t.stats())['POST /disbursement/v1_0/transfer']).toBeUndefined();
  });

  it('a token endpoint that keeps failing leaves the transfer unknown-but-unsent, never sent blind', async () => {
    t = await startClientHarness();
    t.h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/token/', action: 'error', status: 500 }]);
    const outcome = await t.client.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee });
    expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 4 });
    if (outcome.outcome !== 'unknown') return;
    expect(outcome.error).toBeInstanceOf(MomoTokenError);
    expect(outcome.error.classification).toBe('retryable');
    expect((await t.stats())['POST /disbursement/v1_0/transfer']).toBeUndefined();
  });
});
