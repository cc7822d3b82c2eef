import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tokenTtlSeconds: 60 });
});
afterAll(() => h.close());

const key = () => h.sandbox.subscriptionKeys.collection;
const basic = (user: string, apiKey: string) => `Basic ${Buffer.from(`${user}:${apiKey}`).toString('base64')}`;

describe('provisioning', () => {
  it('creates an API user, refuses its id twice with 409, and reads it back', async () => {
    const id = randomUUID();
    const post = () =>
      fetch(`${h.sandbox.url}/v1_0/apiuser`, {
        method: 'POST',
        headers: { 'X-Reference-Id': id, 'Ocp-Apim-Subscription-Key': key(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ providerCallbackHost: 'example.org' }),
      });
    expect((await post()).status).toBe(201);
    const again = await post();
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' });
    const read = await fetch(`${h.sandbox.url}/v1_0/apiuser/${id}`, { headers: { 'Ocp-Apim-Subscription-Key': key() } });
    expect(await read.json()).toEqual({ providerCallbackHost: 'example.org', targetEnvironment: 'sandbox' });
  });

  it('refuses a non-UUID reference id and a missing body with 400', async () => {
    const bad = await fetch(`${h.sandbox.url}/v1_0/apiuser`, {
      method: 'POST',
      headers: { 'X-Reference-Id': '12345', 'Ocp-Apim-Subscription-Key': key(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ providerCallbackHost: 'example.org' }),
    });
    expect(bad.status).toBe(400);
    const noBody = await fetch(`${h.sandbox.url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': randomUUID(), 'Ocp-Apim-Subscription-Key': key() } });
    expect(noBody.status).toBe(400);
  });

  it('answers 404 RESOURCE_NOT_FOUND for an unknown API user', async () => {
    const response = await fetch(`${h.sandbox.url}/v1_0/apiuser/${randomUUID()}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key() } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' });
  });

  it('issues a new key on each call and the old one stops working', async () => {
    const id = randomUUID();
    await fetch(`${h.sandbox.url}/v1_0/apiuser`, {
      method: 'POST',
      headers: { 'X-Reference-Id': id, 'Ocp-Apim-Subscription-Key': key(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ providerCallbackHost: 'example.org' }),
    });
    const first = (await (await fetch(`${h.sandbox.url}/v1_0/apiuser/${id}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key() } })).json()) as { apiKey: string };
    const second = (await (await fetch(`${h.sandbox.url}/v1_0/apiuser/${id}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key() } })).json()) as { apiKey: string };
    expect(first.apiKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.apiKey).not.toBe(first.apiKey);
    const token = (apiKey: string) => fetch(`${h.sandbox.url}/collection/token/`, { method: 'POST', headers: { Authorization: basic(id, apiKey), 'Ocp-Apim-Subscription-Key': key() } });
    expect((await token(first.apiKey)).status).toBe(401);
    expect((await token(second.apiKey)).status).toBe(200);
  });
});

describe('gateway and token auth', () => {
  it('answers the gateway 401 for a missing or unknown subscription key', async () => {
    const missing = await fetch(`${h.sandbox.url}/collection/token/`, { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ statusCode: 401, message: expect.stringContaining('missing subscription key') });
    const wrong = await fetch(`${h.sandbox.url}/collection/token/`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': 'f'.repeat(32) } });
    expect(await wrong.json()).toEqual({ statusCode: 401, message: expect.stringContaining('invalid subscription key') });
  });

  it('ties a subscription key to its product', async () => {
    const response = await fetch(`${h.sandbox.url}/disbursement/token/`, {
      method: 'POST',
      headers: { Authorization: basic(h.userId, h.apiKey), 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.collection },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401 });
  });

  it('mints a token for good Basic credentials and answers 401 {error} for bad ones', async () => {
    const good = await fetch(`${h.sandbox.url}/collection/token/`, { method: 'POST', headers: { Authorization: basic(h.userId, h.apiKey), 'Ocp-Apim-Subscription-Key': key() } });
    expect(await good.json()).toEqual({ access_token: expect.any(String), token_type: 'access_token', expires_in: 60 });
    for (const authorization of [basic(h.userId, 'wrong'), basic(randomUUID(), h.apiKey), 'Basic !!!', 'Bearer x']) {
      const bad = await fetch(`${h.sandbox.url}/collection/token/`, { method: 'POST', headers: { Authorization: authorization, 'Ocp-Apim-Subscription-Key': key() } });
      expect(bad.status).toBe(401);
      expect(await bad.json()).toEqual({ error: 'login_failed' });
    }
  });

  it('scopes a bearer token to one product', async () => {
    const collectionToken = await h.token('collection');
    const response = await h.call('GET', '/disbursement/v1_0/account/balance', { token: collectionToken });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ statusCode: 401, message: expect.stringContaining('token') });
    expect((await h.call('GET', '/disbursement/v1_0/account/balance')).status).toBe(200);
  });

  it('expires a token after expires_in seconds', async () => {
    const fresh = await fetch(`${h.sandbox.url}/remittance/token/`, {
      method: 'POST',
      headers: { Authorization: basic(h.userId, h.apiKey), 'Ocp-Apim-Subscription-Key': h.sandbox.subscriptionKeys.remittance },
    });
    const { access_token } = (await fresh.json()) as { access_token: string };
    expect((await h.call('GET', '/remittance/v1_0/account/balance', { token: access_token })).status).toBe(200);
    h.clock.advance(60_000);
    expect((await h.call('GET', '/remittance/v1_0/account/balance', { token: access_token })).status).toBe(401);
    expect((await h.call('GET', '/remittance/v1_0/account/balance', { token: null })).status).toBe(401);
  });

  it('checks X-Target-Environment', async () => {
    const wrong = await h.call('GET', '/collection/v1_0/account/balance', { headers: { 'X-Target-Environment': 'mtnuganda' } });
    expect(wrong.status).toBe(500);
    expect(await wrong.json()).toEqual({ code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' });
    const headers = { 'X-Target-Environment': '' };
    expect((await h.call('GET', '/collection/v1_0/account/balance', { headers })).status).toBe(400);
  });
});
