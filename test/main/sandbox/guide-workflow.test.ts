// A MoMo client that knows nothing of this project: plain HTTP calls written
// from the integration guide's curl examples, running its "Testing Workflow
// Example" against the emulator as it would against MTN's sandbox. Only the
// base URL and the subscription key come from the emulator.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox-server';

let sandbox: RunningSandbox;
let BASE: string;
let SUBSCRIPTION_KEY: string;

beforeAll(async () => {
  sandbox = await startSandbox({ completeAfterMs: 50 });
  BASE = sandbox.url;
  SUBSCRIPTION_KEY = sandbox.subscriptionKeys.collection;
});
afterAll(() => sandbox.close());

async function createApiUser(): Promise<string> {
  const X_REFERENCE_ID = randomUUID();
  const response = await fetch(`${BASE}/v1_0/apiuser`, {
    method: 'POST',
    headers: { 'X-Reference-Id': X_REFERENCE_ID, 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ providerCallbackHost: 'your-domain.com' }),
  });
  expect(response.status).toBe(201);
  return X_REFERENCE_ID;
}

async function createApiKey(apiUser: string): Promise<string> {
  const response = await fetch(`${BASE}/v1_0/apiuser/${apiUser}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { apiKey: string }).apiKey;
}

async function getAccessToken(apiUser: string, apiKey: string): Promise<string> {
  const AUTH = Buffer.from(`${apiUser}:${apiKey}`).toString('base64');
  const response = await fetch(`${BASE}/collection/token/`, { method: 'POST', headers: { Authorization: `Basic ${AUTH}`, 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY } });
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body.expires_in).toBe(3600);
  return body.access_token;
}

async function requestToPay(amount: string, payerMsisdn: string, token: string): Promise<string> {
  const REFERENCE_ID = randomUUID();
  const response = await fetch(`${BASE}/collection/v1_0/requesttopay`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'X-Reference-Id': REFERENCE_ID,
      'X-Target-Environment': 'sandbox',
      'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      amount,
      currency: 'EUR',
      externalId: 'ORDER123',
      payer: { partyIdType: 'MSISDN', partyId: payerMsisdn },
      payerMessage: 'Payment for order #123',
      payeeNote: 'Customer payment received',
    }),
  });
  expect(response.status).toBe(202);
  return REFERENCE_ID;
}

async function checkStatus(referenceId: string, token: string): Promise<string> {
  // The guide's wait_for_transaction: poll until final.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(`${BASE}/collection/v1_0/requesttopay/${referenceId}`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
    });
    const { status } = (await response.json()) as { status: string };
    if (status === 'SUCCESSFUL' || status === 'FAILED') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'TIMEOUT';
}

async function validateAccount(msisdn: string, token: string): Promise<boolean> {
  const response = await fetch(`${BASE}/collection/v1_0/accountholder/msisdn/${msisdn}/active`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
  });
  return response.status === 200 && ((await response.json()) as { result: boolean }).result;
}

describe("the integration guide's testing workflow", () => {
  it('runs end to end', async () => {
    // 1. Create API User and Key (one-time setup)
    const apiUser = await createApiUser();
    const apiKey = await createApiKey(apiUser);
    const verify = await fetch(`${BASE}/v1_0/apiuser/${apiUser}`, { headers: { 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY } });
    expect(await verify.json()).toEqual({ providerCallbackHost: 'your-domain.com', targetEnvironment: 'sandbox' });
    // 2. Get access token
    const token = await getAccessToken(apiUser, apiKey);
    // 3. Test successful payment
    const successRef = await requestToPay('100', '256772123456', token);
    expect(await checkStatus(successRef, token)).toBe('SUCCESSFUL');
    // 4. Test failed payment
    const failedRef = await requestToPay('100', '46733123450', token);
    expect(await checkStatus(failedRef, token)).toBe('FAILED');
    // 5. Test account validation
    expect(await validateAccount('46733123450', token)).toBe(false);
    expect(await validateAccount('256772123456', token)).toBe(true);
    // The balance call from the guide.
    const balance = await fetch(`${BASE}/collection/v1_0/account/balance`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY },
    });
    expect(await balance.json()).toEqual({ availableBalance: '100', currency: 'EUR' });
  });
});
