import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 100, balances: { disbursement: { EUR: '500' }, remittance: { EUR: '50.25' } } });
});
afterAll(() => h.close());

const balance = async (product: 'collection' | 'disbursement' | 'remittance') =>
  (await (await h.call('GET', `/${product}/v1_0/account/balance`)).json()) as { availableBalance: string; currency: string };

async function settle(create: string, status: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const referenceId = randomUUID();
  expect((await h.call('POST', create, { referenceId, body, headers })).status).toBe(202);
  h.clock.advance(100);
  return { referenceId, result: (await (await h.call('GET', `${status}/${referenceId}`)).json()) as Record<string, unknown> };
}

describe('money', () => {
  it('starts from the configured balances; collections start at zero', async () => {
    expect(await balance('disbursement')).toEqual({ availableBalance: '500', currency: 'EUR' });
    expect(await balance('remittance')).toEqual({ availableBalance: '50.25', currency: 'EUR' });
    expect(await balance('collection')).toEqual({ availableBalance: '0', currency: 'EUR' });
    expect(await (await h.call('GET', '/disbursement/v1_0/account/balance/EUR')).json()).toEqual({ availableBalance: '500', currency: 'EUR' });
    const other = await h.call('GET', '/disbursement/v1_0/account/balance/UGX');
    expect(other.status).toBe(500);
    expect(await other.json()).toMatchObject({ code: 'INVALID_CURRENCY' });
  });

  it('debits disbursements, credits collections, to the cent', async () => {
    await settle('/disbursement/v1_0/transfer', '/disbursement/v1_0/transfer', { amount: '100.10', currency: 'EUR', payee: msisdn('256772000001') });
    await settle('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '0.30', currency: 'EUR', payer: msisdn('256772000002') });
    expect((await balance('disbursement')).availableBalance).toBe('399.90');
    expect((await balance('collection')).availableBalance).toBe('0.30');
  });

  it('fails a transfer the account cannot cover with NOT_ENOUGH_FUNDS and moves nothing', async () => {
    const { result } = await settle('/remittance/v1_0/transfer', '/remittance/v1_0/transfer', { amount: '50.26', currency: 'EUR', payee: msisdn('256772000003') });
    expect(result).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ENOUGH_FUNDS' } });
    expect((await balance('remittance')).availableBalance).toBe('50.25');
    const exact = await settle('/remittance/v2_0/cashtransfer', '/remittance/v2_0/cashtransfer', { amount: '50.25', currency: 'EUR', payee: msisdn('256772000003') });
    expect(exact.result).toMatchObject({ status: 'SUCCESSFUL' });
    expect((await balance('remittance')).availableBalance).toBe('0');
  });

  it('failed test numbers move no money', async () => {
    const before = (await balance('disbursement')).availableBalance;
    await settle('/disbursement/v1_0/transfer', '/disbursement/v1_0/transfer', { amount: '1', currency: 'EUR', payee: msisdn('46733123457') });
    expect((await balance('disbursement')).availableBalance).toBe(before);
  });

  it('sets balances through /_sandbox/balances and refuses nonsense', async () => {
    const set = await fetch(`${h.sandbox.url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: '10' } }) });
    expect(await set.json()).toMatchObject({ balances: { disbursement: { EUR: '10' } } });
    expect((await balance('disbursement')).availableBalance).toBe('10');
    const bad = await fetch(`${h.sandbox.url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: '-3' } }) });
    expect(bad.status).toBe(400);
    expect((await balance('disbursement')).availableBalance).toBe('10');
    // All or nothing: a bad entry after a good one changes neither.
    const half = await fetch(`${h.sandbox.url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: '5', XYZ: '1' } }) });
    expect(half.status).toBe(400);
    expect((await balance('disbursement')).availableBalance).toBe('10');
    const zero = await fetch(`${h.sandbox.url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ remittance: { EUR: '0.00' } }) });
    expect(zero.status).toBe(200);
    expect((await balance('remittance')).availableBalance).toBe('0');
  });
});

describe('callbacks', () => {
  type Received = { method: string; path: string; referenceId: string | undefined; body: unknown };
  let receiver: http.Server;
  let base: string;
  let received: Received[] = [];

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      let data = '';
      request.on('data', (chunk: Buffer) => (data += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method ?? '', path: request.url ?? '', referenceId: request.headers['x-reference-id'] as string | undefined, body: JSON.parse(data) });
        response.writeHead(request.url?.includes('fail') ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  afterEach(() => {
    received = [];
  });

  const waitFor = async (count: number) => {
    for (let i = 0; i < 200 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 10));
  };

  it('sends one POST for a v1 operation once final, with the status body', async () => {
    const { referenceId, result } = await settle('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '2', currency: 'EUR', externalId: 'cb1', payer: msisdn('256772000004') }, { 'X-Callback-Url': `${base}/momo/v1` });
    await waitFor(1);
    expect(received).toEqual([{ method: 'POST', path: '/momo/v1', referenceId, body: result }]);
    expect(h.sandbox.ledger().find((t) => t.referenceId === referenceId)?.callbackAttempts).toBe(1);
  });

  it('sends PUT for a v2 operation, also for a failure', async () => {
    await fetch(`${h.sandbox.url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: '100' } }) });
    const { result } = await settle('/disbursement/v2_0/deposit', '/disbursement/v1_0/deposit', { amount: '2', currency: 'EUR', payee: msisdn('46733123457') }, { 'X-Callback-Url': `${base}/momo/v2` });
    await waitFor(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'PUT', path: '/momo/v2', body: result });
    expect(result).toMatchObject({ status: 'FAILED', reason: { code: 'PAYEE_NOT_FOUND' } });
  });

  it('tries once only when the receiver fails, and records the attempt', async () => {
    const { referenceId } = await settle('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '2', currency: 'EUR', payer: msisdn('256772000005') }, { 'X-Callback-Url': `${base}/fail` });
    await waitFor(1);
    h.clock.advance(60_000);
    await h.call('GET', `/collection/v1_0/requesttopay/${referenceId}`);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(1);
    expect(h.sandbox.ledger().find((t) => t.referenceId === referenceId)?.callbackAttempts).toBe(1);
  });

  it('sends no callback while a transaction stays PENDING', async () => {
    await settle('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '2', currency: 'EUR', payer: msisdn('46733123453') }, { 'X-Callback-Url': `${base}/pending` });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
  });
});
