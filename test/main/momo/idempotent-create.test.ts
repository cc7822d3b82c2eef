// Each fault the emulator can inject, against the idempotent create: the right
// classification, the right outcome, and never two ledger entries for one id.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMomoClient } from '../../../main/momo/momo-client';
import { MomoTransportError } from '../../../main/momo/momo-errors';
import { createLogger } from '../../../main/logging/logger';
import type { FaultRuleInput } from '../../../main/sandbox/fault-rules';
import { startClientHarness, type ClientHarness } from '../../support/momo-client-harness';

let t: ClientHarness;
beforeAll(async () => {
  t = await startClientHarness({ requestTimeoutMs: 300 });
});
afterAll(() => t.close());
beforeEach(() => t.h.sandbox.setFaults([]));

const payee = { partyIdType: 'MSISDN' as const, partyId: '256772123456' };
const TRANSFER = '/disbursement/v1_0/transfer';
const send = (referenceId = randomUUID()) => t.client.disbursement.transfer(referenceId, { amount: '3', currency: 'EUR', externalId: referenceId, payee });
const entries = (referenceId: string) => t.h.sandbox.ledger().filter((tx) => tx.referenceId === referenceId).length;
const faults = (...rules: FaultRuleInput[]) => t.h.sandbox.setFaults(rules);
/** The classification of each failed exchange of this reference, in order, read from the errors the client logged. */
const sendsOf = (referenceId: string) => t.exchanges.filter((e) => e.referenceId === referenceId && e.method === 'POST');
const checksOf = (referenceId: string) => t.exchanges.filter((e) => e.referenceId === referenceId && e.method === 'GET');

describe('ambiguous outcomes are checked by GET before anything is sent again', () => {
  it('drop-after-accept: exactly one ledger entry, reported as already-exists with its status', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'drop-after-accept', times: 1 });
    const ref = randomUUID();
    const outcome = await send(ref);
    expect(outcome).toMatchObject({ outcome: 'already-exists', referenceId: ref, attempts: 1, status: { referenceId: ref, status: expect.stringMatching(/PENDING|SUCCESSFUL/) } });
    expect(entries(ref)).toBe(1);
    expect(sendsOf(ref)).toHaveLength(1);
    expect(sendsOf(ref)[0]?.response).toBeNull();
    expect(checksOf(ref).map((e) => e.response?.status)).toEqual([200]);
  });

  it('drop-after-accept on every attempt still makes one entry', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'drop-after-accept' });
    const refs = Array.from({ length: 20 }, () => randomUUID());
    const outcomes = await Promise.all(refs.map((ref) => send(ref)));
    expect(outcomes.map((o) => o.outcome)).toEqual(refs.map(() => 'already-exists'));
    expect(refs.map(entries)).toEqual(refs.map(() => 1));
  });

  it('reset before processing: GET says 404, so the same id goes again and is accepted once', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'reset', times: 1 });
    const ref = randomUUID();
    expect(await send(ref)).toMatchObject({ outcome: 'accepted', attempts: 2 });
    expect(entries(ref)).toBe(1);
    expect(checksOf(ref).map((e) => e.response?.status)).toEqual([404]);
    expect(sendsOf(ref).map((e) => e.request.headers['x-reference-id'])).toEqual([ref, ref]);
  });

  it('500 INTERNAL_PROCESSING_ERROR: checked, then sent again under the same id', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'error', status: 500, times: 1 });
    const ref = randomUUID();
    expect(await send(ref)).toMatchObject({ outcome: 'accepted', attempts: 2 });
    expect(entries(ref)).toBe(1);
    expect(checksOf(ref)).toHaveLength(1);
  });

  it('a timeout after the request was sent: checked, never sent blind; one entry', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'delay', ms: 600, times: 1 });
    const ref = randomUUID();
    const outcome = await send(ref);
    expect(['accepted', 'already-exists']).toContain(outcome.outcome);
    expect(sendsOf(ref)[0]?.failure).toMatch(/no answer within 300 ms after the request was sent/);
    expect(checksOf(ref).length).toBeGreaterThanOrEqual(1);
    // The delayed first request lands in the end; it must not become a second payout.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(entries(ref)).toBe(1);
  });

  it('409 on our own id: adopted, not re-issued under a new id', async () => {
    const ref = randomUUID();
    expect((await send(ref)).outcome).toBe('accepted');
    const again = await send(ref);
    expect(again).toMatchObject({ outcome: 'already-exists', attempts: 1, status: { referenceId: ref } });
    expect(entries(ref)).toBe(1);
  });

  it('when the GET check itself keeps failing, the outcome is unknown and nothing more is sent', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'reset' }, { method: 'GET', path: `${TRANSFER}/*`, action: 'error', status: 500 });
    const ref = randomUUID();
    const outcome = await send(ref);
    expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 1, error: { classification: 'ambiguous', status: 500 } });
    expect(sendsOf(ref)).toHaveLength(1);
    expect(checksOf(ref)).toHaveLength(4);
  });

  it('a refusal after an attempt that may have landed is not "refused": it is checked, and unknown if not found', async () => {
    // First send: reset (may have landed). Second send: 401, renewed, 401 again: definitive on its own.
    faults({ method: 'POST', path: TRANSFER, action: 'reset', times: 1 }, { method: 'POST', path: TRANSFER, action: 'error', status: 401 });
    const ref = randomUUID();
    const outcome = await send(ref);
    expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 2, error: { classification: 'definitive', status: 401 } });
    expect(checksOf(ref).map((e) => e.response?.status)).toEqual([404, 404]);
    expect(entries(ref)).toBe(0);
  });

  it('a failure inside the console after an attempt that may have landed leaves the outcome unknown, not thrown', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'reset', times: 1 });
    const ref = randomUUID();
    const { credentials } = t;
    const flaky = t.makeClient({
      credentials: () => {
        if (sendsOf(ref).length > 0) throw new Error('the keychain is locked');
        return credentials;
      },
    });
    const outcome = await flaky.disbursement.transfer(ref, { amount: '3', currency: 'EUR', payee });
    expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 1, error: { classification: 'ambiguous' } });
    if (outcome.outcome === 'unknown') expect(outcome.error.message).toMatch(/the keychain is locked/);
    expect(sendsOf(ref)).toHaveLength(1);
  });

  it('ambiguous on every attempt: unknown after the attempts run out, still at most one entry', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'error', status: 500 });
    const ref = randomUUID();
    const outcome = await send(ref);
    expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 4, error: { classification: 'ambiguous', code: 'INTERNAL_PROCESSING_ERROR' } });
    expect(entries(ref)).toBe(0);
    expect(checksOf(ref).map((e) => e.response?.status)).toEqual([404, 404, 404, 404]);
  });
});

describe('retryable outcomes are sent again as they are', () => {
  it('503 SERVICE_UNAVAILABLE: sent again with no GET in between', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'error', status: 503, times: 2 });
    const ref = randomUUID();
    expect(await send(ref)).toMatchObject({ outcome: 'accepted', attempts: 3 });
    expect(checksOf(ref)).toHaveLength(0);
    expect(entries(ref)).toBe(1);
  });

  it('429 with Retry-After: waits it out (the whole product waits), then goes through', async () => {
    faults({ method: 'POST', path: TRANSFER, action: 'rate-limit', retryAfter: 1, times: 1 });
    const ref = randomUUID();
    const started = Date.now();
    expect(await send(ref)).toMatchObject({ outcome: 'accepted', attempts: 1 });
    // The second send left only after the 1 s MoMo asked for (an ordering fact, not a speed claim).
    const posts = sendsOf(ref);
    expect(posts.map((e) => e.response?.status)).toEqual([429, 202]);
    expect(Date.parse(posts[1]?.startedAt ?? '') - started).toBeGreaterThanOrEqual(1000);
    expect(entries(ref)).toBe(1);
  });

  it('a connection refused before a byte was sent is retryable; attempts run out as unknown with sent=false', async () => {
    const closed = createMomoClient({
      connection: { profileId: 'closed', baseUrl: 'http://127.0.0.1:9', targetEnvironment: 'sandbox', currency: 'EUR' },
      credentials: () => t.credentials,
      logger: createLogger(undefined, 'silent'),
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    try {
      const outcome = await closed.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee });
      expect(outcome).toMatchObject({ outcome: 'unknown', attempts: 4 });
      if (outcome.outcome !== 'unknown') return;
      // The token request was the one that could not connect: nothing about money was sent.
      expect(outcome.error.classification).toBe('retryable');
      const cause = (outcome.error as Error).cause;
      expect(cause).toBeInstanceOf(MomoTransportError);
      expect((cause as MomoTransportError).sent).toBe(false);
      expect((cause as MomoTransportError).code).toBe('ECONNREFUSED');
    } finally {
      closed.close();
    }
  });
});

describe('definitive refusals are reported, never retried', () => {
  it('INVALID_CURRENCY (500 with a business code) is refused after one attempt', async () => {
    const ref = randomUUID();
    const outcome = await t.client.disbursement.transfer(ref, { amount: '1', currency: 'USD', payee });
    expect(outcome).toMatchObject({ outcome: 'refused', attempts: 1, error: { status: 500, code: 'INVALID_CURRENCY', classification: 'definitive', referenceId: ref } });
    expect(sendsOf(ref)).toHaveLength(1);
    expect(checksOf(ref)).toHaveLength(0);
  });

  it('400 (a callback host the API user does not own) is refused', async () => {
    const withCallback = t.makeClient({ connection: { profileId: 'cb', baseUrl: t.h.sandbox.url, targetEnvironment: 'sandbox', currency: 'EUR', callbackUrl: 'https://elsewhere.example/cb' } });
    const outcome = await withCallback.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee });
    expect(outcome).toMatchObject({ outcome: 'refused', error: { status: 400, code: 'INVALID_CALLBACK_URL_HOST', classification: 'definitive' } });
  });

  it('a business failure decided later is a FAILED status, read by GET', async () => {
    const ref = randomUUID();
    expect((await t.client.disbursement.transfer(ref, { amount: '1', currency: 'EUR', payee: { partyIdType: 'MSISDN', partyId: '46733123455' } })).outcome).toBe('accepted');
    t.h.clock.advance(1);
    expect(await t.client.disbursement.getTransferStatus(ref)).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ENOUGH_FUNDS' } });
  });
});
