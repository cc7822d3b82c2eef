import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_HOLDERS, CONSENT_NUMBERS, REQUEST_NUMBERS, TRANSFER_NUMBERS } from '../../../main/sandbox/test-numbers';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 500 });
});
afterAll(() => h.close());

async function outcome(create: string, statusPath: string, body: Record<string, unknown>) {
  const referenceId = randomUUID();
  expect((await h.call('POST', create, { referenceId, body })).status).toBe(202);
  h.clock.advance(500);
  return (await (await h.call('GET', `${statusPath}/${referenceId}`)).json()) as { status: string; reason?: { code: string } };
}

describe('MTN sandbox test numbers', () => {
  it.each(Object.entries(REQUEST_NUMBERS))('request to pay from %s: %o', async (number, rule) => {
    const result = await outcome('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '10', currency: 'EUR', payer: msisdn(number) });
    expect(result.status).toBe(rule.outcome.status);
    if (rule.outcome.status === 'FAILED') expect(result.reason?.code).toBe(rule.outcome.reason);
  });

  it.each(Object.entries(REQUEST_NUMBERS))('request to withdraw from %s follows the same table', async (number, rule) => {
    const result = await outcome('/collection/v2_0/requesttowithdraw', '/collection/v1_0/requesttowithdraw', { amount: '10', currency: 'EUR', payer: msisdn(number) });
    expect(result.status).toBe(rule.outcome.status);
  });

  it.each(Object.entries(TRANSFER_NUMBERS))('transfer to %s: %o', async (number, rule) => {
    for (const [create, status] of [
      ['/disbursement/v1_0/transfer', '/disbursement/v1_0/transfer'],
      ['/disbursement/v1_0/deposit', '/disbursement/v1_0/deposit'],
      ['/remittance/v1_0/transfer', '/remittance/v1_0/transfer'],
    ] as const) {
      const result = await outcome(create, status, { amount: '10', currency: 'EUR', payee: msisdn(number) });
      expect(result.status, create).toBe(rule.outcome.status);
      if (rule.outcome.status === 'FAILED') expect(result.reason?.code, create).toBe(rule.outcome.reason);
    }
  });

  it('keeps an ongoing number PENDING however long one waits', async () => {
    const referenceId = randomUUID();
    await h.call('POST', '/collection/v1_0/requesttopay', { referenceId, body: { amount: '1', currency: 'EUR', payer: msisdn('46733123453') } });
    h.clock.advance(7 * 24 * 3600 * 1000);
    expect(await (await h.call('GET', `/collection/v1_0/requesttopay/${referenceId}`)).json()).toMatchObject({ status: 'PENDING' });
  });

  it('succeeds for any other number', async () => {
    expect((await outcome('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '1', currency: 'EUR', payer: msisdn('233241234567') })).status).toBe('SUCCESSFUL');
  });

  it.each(Object.entries(ACCOUNT_HOLDERS))('account holder %s is %s', async (id, state) => {
    const type = id.includes('@') ? 'email' : 'msisdn';
    const active = await h.call('GET', `/collection/v1_0/accountholder/${type}/${id}/active`);
    const info = await h.call('GET', `/disbursement/v1_0/accountholder/${type}/${id}/basicuserinfo`);
    // The spec: `active` is false for a holder that is not active or not found.
    expect(await active.json()).toEqual({ result: false });
    if (state === 'NOT_FOUND') {
      expect(info.status).toBe(404);
    } else {
      expect(await info.json()).toMatchObject({ status: 'NOT_ACTIVE' });
    }
  });

  it('reports any other account holder as active, with basic user info', async () => {
    expect(await (await h.call('GET', '/remittance/v1_0/accountholder/msisdn/256772123456/active')).json()).toEqual({ result: true });
    expect(await (await h.call('GET', '/collection/v1_0/accountholder/email/ama@example.com/active')).json()).toEqual({ result: true });
    expect(await (await h.call('GET', '/remittance/v1_0/accountholder/msisdn/256772123456/basicuserinfo')).json()).toMatchObject({ given_name: expect.any(String), family_name: expect.any(String), status: 'ACTIVE' });
    expect((await h.call('GET', '/collection/v1_0/accountholder/passport/1/active')).status).toBe(400);
  });

  describe('consent flow', () => {
    const basic = () => `Basic ${Buffer.from(`${h.userId}:${h.apiKey}`).toString('base64')}`;
    const form = (path: string, body: Record<string, string>) =>
      fetch(`${h.sandbox.url}${path}`, {
        method: 'POST',
        headers: {
          Authorization: basic(),
          'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.collection,
          'X-Target-Environment': 'sandbox',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(body).toString(),
      });
    const authorize = (number: string) => form('/collection/v1_0/bc-authorize', { login_hint: `ID:${number}/MSISDN`, scope: 'profile', access_type: 'offline' });
    const tokenFor = (authReqId: string) => form('/collection/oauth2/token/', { grant_type: 'urn:openid:params:grant-type:ciba', auth_req_id: authReqId });

    it('grants consent for an ordinary number: token, userinfo, refresh', async () => {
      const auth = (await (await authorize('256772123456')).json()) as { auth_req_id: string; interval: number; expires_in: number };
      expect(auth).toEqual({ auth_req_id: expect.any(String), interval: 5, expires_in: 120 });
      const token = (await (await tokenFor(auth.auth_req_id)).json()) as { access_token: string; refresh_token: string; token_type: string };
      expect(token).toMatchObject({ token_type: 'Bearer', scope: 'profile', expires_in: expect.any(Number), refresh_token: expect.any(String) });
      const info = await h.call('GET', '/collection/oauth2/v1_0/userinfo', { token: token.access_token });
      expect(await info.json()).toMatchObject({ sub: '256772123456', phone_number: '256772123456' });
      const refreshed = await form('/collection/oauth2/token/', { grant_type: 'refresh_token', refresh_token: token.refresh_token });
      expect(refreshed.status).toBe(200);
      expect((await form('/collection/oauth2/token/', { grant_type: 'refresh_token', refresh_token: token.refresh_token })).status).toBe(400);
      // An ordinary access token carries no consent.
      expect((await h.call('GET', '/collection/oauth2/v1_0/userinfo')).status).toBe(401);
    });

    it.each(Object.entries(CONSENT_NUMBERS))('consent scenario %s: %s', async (number, scenario) => {
      const auth = await authorize(number);
      if (scenario === 'UNKNOWN_USER') {
        expect(auth.status).toBe(400);
        expect(await auth.json()).toMatchObject({ error: 'unknown_user_id' });
        return;
      }
      const { auth_req_id } = (await auth.json()) as { auth_req_id: string };
      const token = await tokenFor(auth_req_id);
      if (scenario === 'REJECTED') expect(await token.json()).toMatchObject({ error: 'access_denied' });
      if (scenario === 'PENDING') expect(await token.json()).toMatchObject({ error: 'authorization_pending' });
      if (scenario === 'INSUFFICIENT_FUNDS') {
        expect(token.status).toBe(200);
        const result = await outcome('/collection/v1_0/requesttopay', '/collection/v1_0/requesttopay', { amount: '10', currency: 'EUR', payer: msisdn(number) });
        expect(result).toMatchObject({ status: 'FAILED', reason: { code: 'NOT_ENOUGH_FUNDS' } });
      }
    });
  });
});
