import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 1000 });
});
afterAll(() => h.close());

const party = msisdn('256772123456');
const CASES = [
  { create: '/collection/v1_0/requesttopay', status: '/collection/v1_0/requesttopay', body: { amount: '100', currency: 'EUR', externalId: 'e1', payer: party, payerMessage: 'pay', payeeNote: 'note' }, echo: { payer: party, amount: '100' } },
  { create: '/collection/v1_0/requesttowithdraw', status: '/collection/v1_0/requesttowithdraw', body: { amount: '5.5', currency: 'EUR', externalId: 'e2', payer: party }, echo: { payer: party, amount: '5.50' } },
  { create: '/collection/v2_0/requesttowithdraw', status: '/collection/v1_0/requesttowithdraw', body: { amount: '7', currency: 'EUR', externalId: 'e3', payer: party }, echo: { payer: party } },
  { create: '/collection/v2_0/payment', status: '/collection/v2_0/payment', body: { externalTransactionId: 'e4', money: { amount: '50', currency: 'EUR' }, customerReference: '256772123456', serviceProviderUserName: 'Power' }, echo: {} },
  { create: '/collection/v2_0/invoice', status: '/collection/v2_0/invoice', body: { externalId: 'e5', amount: '20', currency: 'EUR', validityDuration: '3600', intendedPayer: party, payee: msisdn('256772000001'), description: 'Invoice' }, echo: { amount: '20', intendedPayer: party, externalId: 'e5' } },
  { create: '/collection/v2_0/preapproval', status: '/collection/v2_0/preapproval', body: { payer: party, payerCurrency: 'EUR', payerMessage: 'subscribe', validityTime: 3600 }, echo: { payer: party, payerCurrency: 'EUR' } },
  { create: '/disbursement/v1_0/transfer', status: '/disbursement/v1_0/transfer', body: { amount: '200', currency: 'EUR', externalId: 'e6', payee: party }, echo: { payee: party, amount: '200' } },
  { create: '/disbursement/v1_0/deposit', status: '/disbursement/v1_0/deposit', body: { amount: '150', currency: 'EUR', externalId: 'e7', payee: party }, echo: { payee: party } },
  { create: '/disbursement/v2_0/deposit', status: '/disbursement/v1_0/deposit', body: { amount: '150', currency: 'EUR', externalId: 'e8', payee: party }, echo: { payee: party } },
  { create: '/remittance/v1_0/transfer', status: '/remittance/v1_0/transfer', body: { amount: '30', currency: 'EUR', externalId: 'e9', payee: party }, echo: { payee: party } },
  { create: '/remittance/v2_0/cashtransfer', status: '/remittance/v2_0/cashtransfer', body: { amount: '30', currency: 'EUR', externalId: 'e10', payee: party, originalAmount: '33', originalCurrency: 'USD', payerFirstName: 'Ama' }, echo: { payee: party, originalAmount: '33' } },
];

describe('every asynchronous operation', () => {
  it.each(CASES)('$create answers 202, shows PENDING, then SUCCESSFUL with a financialTransactionId', async ({ create, status, body, echo }) => {
    const referenceId = randomUUID();
    const created = await h.call('POST', create, { referenceId, body });
    expect(created.status).toBe(202);
    expect(await created.text()).toBe('');
    const pending = await h.call('GET', `${status}/${referenceId}`);
    expect(pending.status).toBe(200);
    expect(await pending.json()).toMatchObject({ status: 'PENDING', ...echo });
    h.clock.advance(1000);
    const final = (await (await h.call('GET', `${status}/${referenceId}`)).json()) as Record<string, unknown>;
    expect(final).toMatchObject({ status: 'SUCCESSFUL', ...echo });
    if (!create.includes('preapproval') && !create.includes('invoice')) expect(final.financialTransactionId).toMatch(/^\d+$/);
  });

  it('refunds a successful collection, taking its payer as payee (v1 and v2 share the status path)', async () => {
    const original = randomUUID();
    await h.call('POST', '/collection/v1_0/requesttopay', { referenceId: original, body: { amount: '40', currency: 'EUR', externalId: 'r0', payer: party } });
    h.clock.advance(1000);
    await h.call('GET', `/collection/v1_0/requesttopay/${original}`);
    for (const path of ['/disbursement/v1_0/refund', '/disbursement/v2_0/refund']) {
      const referenceId = randomUUID();
      expect((await h.call('POST', path, { referenceId, body: { amount: '10', currency: 'EUR', externalId: 'r1', referenceIdToRefund: original } })).status).toBe(202);
      h.clock.advance(1000);
      expect(await (await h.call('GET', `/disbursement/v1_0/refund/${referenceId}`)).json()).toMatchObject({ status: 'SUCCESSFUL', payee: party, amount: '10' });
    }
    const tooMuch = randomUUID();
    await h.call('POST', '/disbursement/v1_0/refund', { referenceId: tooMuch, body: { amount: '41', currency: 'EUR', referenceIdToRefund: original } });
    h.clock.advance(1000);
    expect(await (await h.call('GET', `/disbursement/v1_0/refund/${tooMuch}`)).json()).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ALLOWED' } });
    const unknown = randomUUID();
    await h.call('POST', '/disbursement/v1_0/refund', { referenceId: unknown, body: { amount: '1', currency: 'EUR', referenceIdToRefund: randomUUID() } });
    h.clock.advance(1000);
    expect(await (await h.call('GET', `/disbursement/v1_0/refund/${unknown}`)).json()).toMatchObject({ status: 'FAILED', reason: { code: 'RESOURCE_NOT_FOUND' } });
  });

  it('answers 409 RESOURCE_ALREADY_EXIST for a reused reference id, across v1 and v2 of one operation', async () => {
    const referenceId = randomUUID();
    const body = { amount: '1', currency: 'EUR', externalId: 'dup', payee: party };
    expect((await h.call('POST', '/disbursement/v1_0/deposit', { referenceId, body })).status).toBe(202);
    for (const path of ['/disbursement/v1_0/deposit', '/disbursement/v2_0/deposit']) {
      const again = await h.call('POST', path, { referenceId, body });
      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({ code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' });
    }
    expect(h.sandbox.ledger().filter((t) => t.referenceId === referenceId)).toHaveLength(1);
  });

  it('answers 404 RESOURCE_NOT_FOUND for an unknown reference and 400 for a non-UUID one', async () => {
    const unknown = await h.call('GET', `/disbursement/v1_0/transfer/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' });
    expect((await h.call('GET', '/disbursement/v1_0/transfer/not-a-uuid')).status).toBe(400);
    const created = await h.call('POST', '/disbursement/v1_0/transfer', { referenceId: 'not-a-uuid', body: { amount: '1', currency: 'EUR', payee: party } });
    expect(created.status).toBe(400);
    expect(created.headers.get('x-sandbox-reason')).toContain('X-Reference-Id');
  });

  it('validates bodies: amount, currency, messages, parties', async () => {
    const post = (body: unknown) => h.call('POST', '/collection/v1_0/requesttopay', { referenceId: randomUUID(), body });
    const good = { amount: '10', currency: 'EUR', externalId: 'v', payer: party };
    for (const amount of ['0', '-5', 'ten', '1.005', '1e3', '']) {
      const response = await post({ ...good, amount });
      expect(response.status, `amount ${amount}`).toBe(400);
    }
    const currency = await post({ ...good, currency: 'UGX' });
    expect(currency.status).toBe(500);
    expect(await currency.json()).toEqual({ code: 'INVALID_CURRENCY', message: 'Currency not supported.' });
    expect((await post({ ...good, payerMessage: 'x'.repeat(161) })).status).toBe(400);
    expect((await post({ ...good, payerMessage: 'x'.repeat(160) })).status).toBe(202);
    expect((await post({ ...good, payer: { partyIdType: 'MSISDN', partyId: '+25677' } })).status).toBe(400);
    expect((await post({ ...good, payer: { partyIdType: 'EMAIL', partyId: 'not-an-email' } })).status).toBe(400);
    expect((await post({ ...good, payer: { partyIdType: 'PARTY_CODE', partyId: '42' } })).status).toBe(400);
    expect((await post({ ...good, payer: { partyIdType: 'EMAIL', partyId: 'ama@example.com' } })).status).toBe(202);
    expect((await post({ ...good, payer: { partyIdType: 'ALIAS', partyId: '1' } })).status).toBe(400);
  });

  it('refuses a callback URL whose host is not the API user\'s providerCallbackHost', async () => {
    const response = await h.call('POST', '/collection/v1_0/requesttopay', {
      referenceId: randomUUID(),
      body: { amount: '1', currency: 'EUR', payer: party },
      headers: { 'X-Callback-Url': 'https://elsewhere.example/cb' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_CALLBACK_URL_HOST' });
  });

  it('cancels a pending invoice (its status becomes FAILED TRANSACTION_CANCELED) and refuses a second cancel', async () => {
    const referenceId = randomUUID();
    await h.call('POST', '/collection/v2_0/invoice', { referenceId, body: { amount: '5', currency: 'EUR', intendedPayer: party, payee: party } });
    const cancel = () => h.call('DELETE', `/collection/v2_0/invoice/${referenceId}`, { referenceId: randomUUID(), body: { externalId: 'x' } });
    expect((await cancel()).status).toBe(200);
    expect(await (await h.call('GET', `/collection/v2_0/invoice/${referenceId}`)).json()).toMatchObject({ status: 'FAILED', errorReason: { code: 'TRANSACTION_CANCELED' } });
    expect((await cancel()).status).toBe(400);
    expect((await h.call('DELETE', `/collection/v2_0/invoice/${randomUUID()}`, { referenceId: randomUUID() })).status).toBe(404);
  });
});

describe('reason shape', () => {
  it('gives reason as {code, message} by default and as a bare string when configured', async () => {
    const asString = await startHarness({ completeAfterMs: 0, reasonStyle: 'string' });
    try {
      for (const [harness, expected] of [
        [h, { code: 'PAYER_NOT_FOUND', message: expect.any(String) }],
        [asString, 'PAYER_NOT_FOUND'],
      ] as const) {
        const referenceId = randomUUID();
        await harness.call('POST', '/collection/v1_0/requesttopay', { referenceId, body: { amount: '1', currency: 'EUR', payer: msisdn('46733123455') } });
        harness.clock.advance(1000);
        expect(await (await harness.call('GET', `/collection/v1_0/requesttopay/${referenceId}`)).json()).toMatchObject({ status: 'FAILED', reason: expected });
      }
    } finally {
      await asString.close();
    }
  });
});

describe('refunds and ownership', () => {
  const collect = async (harness: Harness, payer: string, amount: string) => {
    const referenceId = randomUUID();
    await harness.call('POST', '/collection/v1_0/requesttopay', { referenceId, body: { amount, currency: 'EUR', payer: msisdn(payer) } });
    harness.clock.advance(1000);
    await harness.call('GET', `/collection/v1_0/requesttopay/${referenceId}`);
    return referenceId;
  };
  const refund = async (harness: Harness, original: string, amount: string) => {
    const referenceId = randomUUID();
    await harness.call('POST', '/disbursement/v1_0/refund', { referenceId, body: { amount, currency: 'EUR', referenceIdToRefund: original } });
    harness.clock.advance(1000);
    return (await (await harness.call('GET', `/disbursement/v1_0/refund/${referenceId}`)).json()) as { status: string; reason?: { code: string }; payee?: unknown };
  };

  it('never refunds more than was collected, however it is split', async () => {
    const original = await collect(h, '256772123456', '10');
    expect((await refund(h, original, '6')).status).toBe('SUCCESSFUL');
    expect(await refund(h, original, '5')).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ALLOWED' } });
    expect((await refund(h, original, '4')).status).toBe('SUCCESSFUL');
    expect(await refund(h, original, '0.01')).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ALLOWED' } });
  });

  it('names the original payer as payee from the start, and refuses to refund a failed collection', async () => {
    const original = await collect(h, '256772555555', '10');
    const referenceId = randomUUID();
    await h.call('POST', '/disbursement/v2_0/refund', { referenceId, body: { amount: '1', currency: 'EUR', referenceIdToRefund: original } });
    expect(await (await h.call('GET', `/disbursement/v1_0/refund/${referenceId}`)).json()).toMatchObject({ status: 'PENDING', payee: msisdn('256772555555') });
    // 46733123457's request to pay failed; as a payee the same number is PAYEE_NOT_FOUND.
    const failed = await collect(h, '46733123457', '10');
    expect(await refund(h, failed, '1')).toMatchObject({ status: 'FAILED', reason: { code: 'PAYEE_NOT_FOUND' } });
    const ordinaryButFailed = randomUUID();
    await h.call('POST', '/collection/v1_0/requesttopay', { referenceId: ordinaryButFailed, body: { amount: '1', currency: 'UGX', payer: party } });
    expect(await refund(h, ordinaryButFailed, '1')).toMatchObject({ status: 'FAILED', reason: { code: 'RESOURCE_NOT_FOUND' } });
  });

  it("hides one API user's transactions from another (404)", async () => {
    const other = await startHarness({ completeAfterMs: 0 });
    try {
      const referenceId = randomUUID();
      await h.call('POST', '/disbursement/v1_0/transfer', { referenceId, body: { amount: '1', currency: 'EUR', payee: party } });
      expect((await h.call('GET', `/disbursement/v1_0/transfer/${referenceId}`)).status).toBe(200);
      const intruder = await fetch(`${h.sandbox.url}/v1_0/apiuser`, {
        method: 'POST',
        headers: { 'X-Reference-Id': other.userId, 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.collection, 'Content-Type': 'application/json' },
        body: JSON.stringify({ providerCallbackHost: '127.0.0.1' }),
      });
      expect(intruder.status).toBe(201);
      const { apiKey } = (await (await fetch(`${h.sandbox.url}/v1_0/apiuser/${other.userId}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.collection } })).json()) as { apiKey: string };
      const { access_token } = (await (
        await fetch(`${h.sandbox.url}/disbursement/token/`, {
          method: 'POST',
          headers: { Authorization: `Basic ${Buffer.from(`${other.userId}:${apiKey}`).toString('base64')}`, 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.disbursement },
        })
      ).json()) as { access_token: string };
      const peek = await h.call('GET', `/disbursement/v1_0/transfer/${referenceId}`, { token: access_token });
      expect(peek.status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('refuses an invoice validity it cannot represent, and keeps serving the others', async () => {
    const response = await h.call('POST', '/collection/v2_0/invoice', { referenceId: randomUUID(), body: { amount: '5', currency: 'EUR', validityDuration: '99999999999999', intendedPayer: party, payee: party } });
    expect(response.status).toBe(400);
  });
});

