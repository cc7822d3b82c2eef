import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 0, bodyLimitBytes: 4096, deliveryNotificationWindowMs: 60_000 });
});
afterAll(() => h.close());

const stillServing = async () => expect((await h.call('GET', '/collection/v1_0/account/balance')).status).toBe(200);

describe('bad input', () => {
  it('answers malformed JSON, a wrong content type and an oversized body without crashing', async () => {
    const token = await h.token('collection');
    const send = (body: string, contentType: string) =>
      fetch(`${h.sandbox.url}/collection/v1_0/requesttopay`, {
        method: 'POST',
        body,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, 'X-Reference-Id': randomUUID(), 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.collection },
      });
    expect((await send('{"amount": ', 'application/json')).status).toBe(400);
    await stillServing();
    expect((await send('amount=1', 'application/xml')).status).toBe(415);
    await stillServing();
    expect((await send('just text', 'text/plain')).status).toBe(400);
    expect((await send(JSON.stringify({ amount: '1', currency: 'EUR', payer: msisdn('1234567'), payerMessage: 'x'.repeat(5000) }), 'application/json')).status).toBe(413);
    await stillServing();
    expect((await send('[]', 'application/json')).status).toBe(400);
    expect(h.sandbox.ledger()).toHaveLength(0);
  });

  it('answers an unknown path with the gateway 404', async () => {
    const response = await h.call('GET', '/collection/v9_9/nothing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, message: 'Resource not found' });
    await stillServing();
  });
});

describe('delivery notification', () => {
  const rtp = async (payer: string) => {
    const referenceId = randomUUID();
    await h.call('POST', '/collection/v1_0/requesttopay', { referenceId, body: { amount: '1', currency: 'EUR', payer: msisdn(payer) } });
    await h.call('GET', `/collection/v1_0/requesttopay/${referenceId}`);
    return referenceId;
  };
  const notify = (referenceId: string, message: string, via: 'body' | 'header' = 'body') =>
    h.call('POST', `/collection/v1_0/requesttopay/${referenceId}/deliverynotification`, via === 'body' ? { body: { notificationMessage: message } } : { headers: { notificationMessage: message, Language: 'en' } });

  it('is accepted after SUCCESSFUL, by body or header, and counted in the ledger', async () => {
    const referenceId = await rtp('256772123456');
    expect((await notify(referenceId, 'Your order ships tomorrow')).status).toBe(200);
    expect((await notify(referenceId, 'Second note', 'header')).status).toBe(200);
    expect(h.sandbox.ledger().find((t) => t.referenceId === referenceId)?.deliveryNotifications).toBe(2);
  });

  it('is refused with 409 unless SUCCESSFUL, 404 for an unknown reference, 400 past 160 characters', async () => {
    expect((await notify(await rtp('46733123453'), 'hi')).status).toBe(409);
    expect((await notify(await rtp('46733123450'), 'hi')).status).toBe(409);
    expect((await notify(randomUUID(), 'hi')).status).toBe(404);
    const ok = await rtp('256772123456');
    expect((await notify(ok, 'x'.repeat(161))).status).toBe(400);
    expect((await notify(ok, '')).status).toBe(400);
  });

  it('is refused with 410 once the window has passed', async () => {
    const referenceId = await rtp('256772123456');
    h.clock.advance(60_001);
    const response = await notify(referenceId, 'late');
    expect(response.status).toBe(410);
  });
});

describe('control endpoints', () => {
  it('lists every created transaction in the ledger with the documented fields', async () => {
    const referenceId = randomUUID();
    await h.call('POST', '/disbursement/v1_0/transfer', { referenceId, body: { amount: '12.50', currency: 'EUR', externalId: 'ledger-1', payee: msisdn('256772123456') } });
    const { transactions } = (await (await fetch(`${h.sandbox.url}/_sandbox/ledger`)).json()) as { transactions: Record<string, unknown>[] };
    expect(transactions.find((t) => t.referenceId === referenceId)).toEqual({
      product: 'disbursement',
      kind: 'transfer',
      version: 'v1',
      referenceId,
      externalId: 'ledger-1',
      amount: '12.50',
      currency: 'EUR',
      party: '256772123456',
      status: 'SUCCESSFUL',
      reason: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      finalAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      callbackAttempts: 0,
      deliveryNotifications: 0,
    });
  });

  it('counts requests per method and path template', async () => {
    const { requests } = (await (await fetch(`${h.sandbox.url}/_sandbox/stats`)).json()) as { requests: Record<string, number> };
    expect(requests['POST /collection/token/']).toBeGreaterThanOrEqual(1);
    expect(requests['GET /collection/v1_0/requesttopay/{referenceId}']).toBeGreaterThanOrEqual(1);
    expect(Object.keys(requests).some((k) => k.includes('_sandbox'))).toBe(false);
  });

  it('resets transactions, statistics, faults and balances but keeps API users', async () => {
    h.sandbox.setFaults([{ method: 'GET', path: '/nowhere', action: 'reset' }]);
    const reset = await fetch(`${h.sandbox.url}/_sandbox/reset`, { method: 'POST' });
    expect(await reset.json()).toEqual({ reset: true });
    expect(h.sandbox.ledger()).toEqual([]);
    expect(await (await fetch(`${h.sandbox.url}/_sandbox/stats`)).json()).toEqual({ requests: {} });
    expect(await (await fetch(`${h.sandbox.url}/_sandbox/faults`)).json()).toEqual({ faults: [] });
    expect(await (await fetch(`${h.sandbox.url}/_sandbox/balances`)).json()).toEqual({ balances: { collection: { EUR: '0' }, disbursement: { EUR: '1000000' }, remittance: { EUR: '1000000' } } });
    await stillServing();
  });
});
