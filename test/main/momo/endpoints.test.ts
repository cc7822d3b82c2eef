// Every client method against the emulator over loopback HTTP.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MomoConfigError, MomoError } from '../../../main/momo/momo-errors';
import { startClientHarness, type ClientHarness } from '../../support/momo-client-harness';

let t: ClientHarness;
beforeAll(async () => {
  t = await startClientHarness();
});
afterAll(() => t.close());

const msisdn = (partyId: string) => ({ partyIdType: 'MSISDN' as const, partyId });
const settle = () => t.h.clock.advance(1);
/** Any number outside MTN's test tables succeeds. */
const OK = '256772123456';

describe('collection', () => {
  it('request to pay: accepted, then read back SUCCESSFUL with the body MoMo keeps', async () => {
    const ref = randomUUID();
    const outcome = await t.client.collection.requestToPay(ref, { amount: '150', currency: 'EUR', externalId: 'inv-1', payer: msisdn(OK), payerMessage: 'hi', payeeNote: 'note' });
    expect(outcome).toEqual({ outcome: 'accepted', referenceId: ref, attempts: 1 });
    settle();
    const status = await t.client.collection.getRequestToPayStatus(ref);
    expect(status).toMatchObject({ referenceId: ref, status: 'SUCCESSFUL', reason: null, body: { amount: '150', currency: 'EUR', externalId: 'inv-1' } });
    expect(status?.financialTransactionId).toMatch(/\S/);
  });

  it('reads a failure reason whether MoMo sends it as an object or a string', async () => {
    const ref = randomUUID();
    await t.client.collection.requestToPay(ref, { amount: '5', currency: 'EUR', payer: msisdn('46733123451') });
    settle();
    expect((await t.client.collection.getRequestToPayStatus(ref))?.reason).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/) });
    const stringStyle = await startClientHarness({}, { completeAfterMs: 0, reasonStyle: 'string' });
    try {
      const ref2 = randomUUID();
      await stringStyle.client.collection.requestToPay(ref2, { amount: '5', currency: 'EUR', payer: msisdn('46733123451') });
      stringStyle.h.clock.advance(1);
      const status = await stringStyle.client.collection.getRequestToPayStatus(ref2);
      expect(status?.status).toBe('FAILED');
      expect(status?.reason).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), message: null });
    } finally {
      await stringStyle.close();
    }
  });

  it('an unknown reference reads as null, not as an error', async () => {
    expect(await t.client.collection.getRequestToPayStatus(randomUUID())).toBeNull();
  });

  it('delivery notification after a successful request to pay', async () => {
    const ref = randomUUID();
    await t.client.collection.requestToPay(ref, { amount: '1', currency: 'EUR', payer: msisdn(OK) });
    settle();
    await t.client.collection.getRequestToPayStatus(ref);
    await expect(t.client.collection.sendDeliveryNotification(ref, 'Thanks, your order ships today', 'en')).resolves.toBeUndefined();
    const sent = t.h.sandbox.ledger().find((tx) => tx.referenceId === ref);
    expect(sent?.deliveryNotifications).toBe(1);
  });

  it('request to withdraw v1 and v2 share one status resource', async () => {
    const v1 = randomUUID();
    const v2 = randomUUID();
    expect((await t.client.collection.requestToWithdrawV1(v1, { amount: '3', currency: 'EUR', payer: msisdn(OK) })).outcome).toBe('accepted');
    expect((await t.client.collection.requestToWithdrawV2(v2, { amount: '4', currency: 'EUR', payer: msisdn(OK) })).outcome).toBe('accepted');
    settle();
    expect((await t.client.collection.getRequestToWithdrawStatus(v1))?.status).toBe('SUCCESSFUL');
    expect((await t.client.collection.getRequestToWithdrawStatus(v2))?.body.amount).toBe('4');
  });

  it('payment v2', async () => {
    const ref = randomUUID();
    expect((await t.client.collection.createPayment(ref, { money: { amount: '20', currency: 'EUR' }, customerReference: OK, externalTransactionId: 'p-1' })).outcome).toBe('accepted');
    settle();
    expect(await t.client.collection.getPaymentStatus(ref)).toMatchObject({ status: 'SUCCESSFUL', body: { referenceId: ref } });
  });

  it('invoice: create, read, cancel while pending', async () => {
    const ref = randomUUID();
    const ongoing = msisdn('46733123453');
    const outcome = await t.client.collection.createInvoice(ref, { amount: '75', currency: 'EUR', externalId: 'inv-75', validityDuration: '3600', intendedPayer: ongoing, payee: msisdn(OK), description: 'March' });
    expect(outcome.outcome).toBe('accepted');
    expect(await t.client.collection.getInvoiceStatus(ref)).toMatchObject({ status: 'PENDING', body: { amount: '75', externalId: 'inv-75' } });
    await t.client.collection.cancelInvoice(ref, randomUUID(), 'inv-75');
    settle();
    expect(await t.client.collection.getInvoiceStatus(ref)).toMatchObject({ status: 'FAILED', reason: { code: 'TRANSACTION_CANCELED' } });
  });

  it('pre-approval: create, read, list the approved ones, cancel', async () => {
    const ref = randomUUID();
    const payer = OK;
    expect((await t.client.collection.preApproval(ref, { payer: msisdn(payer), payerCurrency: 'EUR', payerMessage: 'subscription', validityTime: 3600 })).outcome).toBe('accepted');
    settle();
    expect((await t.client.collection.getPreApprovalStatus(ref))?.status).toBe('SUCCESSFUL');
    const approved = await t.client.collection.getApprovedPreApprovals('msisdn', payer);
    expect(approved.map((p) => p.preApprovalId)).toContain(ref);
    await t.client.collection.cancelPreApproval(ref);
    expect((await t.client.collection.getApprovedPreApprovals('msisdn', payer)).map((p) => p.preApprovalId)).not.toContain(ref);
  });
});

describe('disbursement', () => {
  it('transfer, deposit v1/v2 and refund v1/v2, each read back', async () => {
    const transfer = randomUUID();
    const depositV1 = randomUUID();
    const depositV2 = randomUUID();
    const collected = randomUUID();
    const refundV1 = randomUUID();
    const refundV2 = randomUUID();
    const d = t.client.disbursement;
    expect((await d.transfer(transfer, { amount: '10.50', currency: 'EUR', externalId: 'pay-1', payee: msisdn(OK) })).outcome).toBe('accepted');
    expect((await d.depositV1(depositV1, { amount: '2', currency: 'EUR', payee: msisdn(OK) })).outcome).toBe('accepted');
    expect((await d.depositV2(depositV2, { amount: '3', currency: 'EUR', payee: msisdn(OK) })).outcome).toBe('accepted');
    await t.client.collection.requestToPay(collected, { amount: '40', currency: 'EUR', payer: msisdn(OK) });
    settle();
    expect((await d.refundV1(refundV1, { amount: '5', currency: 'EUR', referenceIdToRefund: collected })).outcome).toBe('accepted');
    expect((await d.refundV2(refundV2, { amount: '6', currency: 'EUR', referenceIdToRefund: collected })).outcome).toBe('accepted');
    settle();
    expect(await d.getTransferStatus(transfer)).toMatchObject({ status: 'SUCCESSFUL', body: { amount: '10.50', externalId: 'pay-1' } });
    expect((await d.getDepositStatus(depositV1))?.status).toBe('SUCCESSFUL');
    expect((await d.getDepositStatus(depositV2))?.body.amount).toBe('3');
    expect((await d.getRefundStatus(refundV1))?.status).toBe('SUCCESSFUL');
    expect((await d.getRefundStatus(refundV2))?.body.amount).toBe('6');
  });
});

describe('remittance', () => {
  it('transfer and cash transfer', async () => {
    const transfer = randomUUID();
    const cash = randomUUID();
    const r = t.client.remittance;
    expect((await r.transfer(transfer, { amount: '8', currency: 'EUR', payee: msisdn(OK) })).outcome).toBe('accepted');
    expect((await r.cashTransfer(cash, { amount: '9', currency: 'EUR', payee: msisdn(OK), orginatingCountry: 'SE', payerFirstName: 'Ada' })).outcome).toBe('accepted');
    settle();
    expect((await r.getTransferStatus(transfer))?.status).toBe('SUCCESSFUL');
    expect(await r.getCashTransferStatus(cash)).toMatchObject({ status: 'SUCCESSFUL', body: { payerFirstName: 'Ada' } });
  });
});

describe('every product: balance and account holders', () => {
  for (const product of ['collection', 'disbursement', 'remittance'] as const) {
    it(`${product}: balance, balance in a currency, active check, basic user info`, async () => {
      const api = t.client.product(product);
      expect(await api.getBalance()).toEqual({ availableBalance: expect.stringMatching(/^\d+(\.\d+)?$/), currency: 'EUR' });
      expect((await api.getBalanceIn('EUR')).currency).toBe('EUR');
      await expect(api.getBalanceIn('USD')).rejects.toMatchObject({ status: 500, code: 'INVALID_CURRENCY', classification: 'definitive' });
      expect(await api.isAccountHolderActive('msisdn', OK)).toBe(true);
      expect(await api.isAccountHolderActive('email', 'notactive@email.com')).toBe(false);
      expect(await api.getBasicUserInfo('msisdn', OK)).toMatchObject({ given_name: expect.any(String), status: 'ACTIVE' });
      await expect(api.getBasicUserInfo('email', 'notfound@email.com')).rejects.toMatchObject({ status: 404, code: 'RESOURCE_NOT_FOUND' });
    });
  }
});

describe('consent flow', () => {
  it('bc-authorize → oauth2 token → userinfo, then a refresh that retires the old refresh token', async () => {
    const request = await t.client.collection.consent.authorize(OK, 'profile');
    expect(request.authReqId).toMatch(/\S/);
    const session = await t.client.collection.consent.session(request.authReqId);
    expect(session.scope).toBe('profile');
    expect(await session.userInfo()).toMatchObject({ sub: OK });
    await session.refresh();
    expect(await session.userInfo()).toMatchObject({ sub: OK });
    // The consent's tokens stay inside the session: nothing in the exchanges or logs carries them.
    const tokenBodies = t.exchanges.filter((e) => e.endpoint === '/collection/oauth2/token/').map((e) => e.response?.body ?? '');
    expect(tokenBodies.length).toBeGreaterThanOrEqual(2);
    for (const body of tokenBodies) expect(JSON.parse(body)).toMatchObject({ access_token: '[redacted]', refresh_token: '[redacted]' });
  });

  it('an expired consent token is refreshed before userinfo', async () => {
    const session = await t.client.disbursement.consent.session((await t.client.disbursement.consent.authorize(OK, 'profile')).authReqId);
    t.h.clock.advance(3_601_000);
    expect(await session.userInfo()).toMatchObject({ sub: OK });
  });

  it('a refused consent and a bad number surface as typed errors', async () => {
    await expect(t.client.collection.consent.authorize('12', 'profile')).rejects.toBeInstanceOf(MomoConfigError);
    const error = await t.client.collection.consent.session(randomUUID()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MomoError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_grant', classification: 'definitive' });
  });
});

describe('provisioning', () => {
  it('creates an API user, issues a key that mints tokens, reads the user back', async () => {
    const userId = randomUUID();
    expect(await t.client.provisioning.createApiUser(userId, 'example.com')).toEqual({ outcome: 'created' });
    const apiKey = await t.client.provisioning.createApiKey(userId);
    expect(apiKey).toMatch(/^\w{16,}$/);
    expect(await t.client.provisioning.getApiUser(userId)).toEqual({ providerCallbackHost: 'example.com', targetEnvironment: 'sandbox' });
    expect(await t.client.provisioning.getApiUser(randomUUID())).toBeNull();
    // A lost answer on the create: the same id again is read back, not refused.
    expect(await t.client.provisioning.createApiUser(userId, 'example.com')).toEqual({ outcome: 'already-exists', user: { providerCallbackHost: 'example.com', targetEnvironment: 'sandbox' } });
    const own = t.makeClient({ credentials: () => ({ apiUser: userId, apiKey, subscriptionKeys: t.credentials.subscriptionKeys }) });
    expect((await own.disbursement.getBalance()).currency).toBe('EUR');
    // The key never shows up in what the client logged or handed over.
    expect(t.logLines.join('\n')).not.toContain(apiKey);
    expect(JSON.stringify(t.exchanges)).not.toContain(apiKey);
  });
});

describe('bad arguments are refused before anything is sent', () => {
  it('names the field, the reference id or the value', async () => {
    const before = await t.stats();
    await expect(t.client.disbursement.transfer('not-a-uuid', { amount: '1', currency: 'EUR', payee: msisdn(OK) })).rejects.toThrow(/reference id "not-a-uuid" is not a UUID v4/);
    await expect(t.client.disbursement.transfer(randomUUID(), { amount: '1.5e3', currency: 'EUR', payee: msisdn(OK) })).rejects.toThrow(/field "amount"/);
    await expect(t.client.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee: msisdn(OK), extra: 1 } as never)).rejects.toThrow(/disbursement.transfer body/);
    await expect(t.client.collection.sendDeliveryNotification(randomUUID(), 'x'.repeat(161))).rejects.toThrow(/1 to 160 characters/);
    expect(await t.stats()).toEqual(before);
  });
});
