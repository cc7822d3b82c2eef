// No secret in anything the client produces: log lines, error messages, error
// JSON, or the redacted exchanges it hands to the support view. Scanned for the
// actual keys in use, the Basic credential, and anything shaped like a token.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MomoError } from '../../../main/momo/momo-errors';
import { startClientHarness, type ClientHarness } from '../../support/momo-client-harness';

let t: ClientHarness;
const errors: unknown[] = [];
const payee = { partyIdType: 'MSISDN' as const, partyId: '256772123456' };

beforeAll(async () => {
  t = await startClientHarness({ requestTimeoutMs: 300 });
  const c = t.client;
  const keep = (p: Promise<unknown>) => p.then((v) => v, (e: unknown) => errors.push(e));
  const outcome = (p: Promise<{ outcome: string; error?: unknown }>) => p.then((o) => o.error && errors.push(o.error));
  // Successes, refusals, every fault, a token failure, provisioning and consent.
  await keep(c.disbursement.getBalance());
  await outcome(c.disbursement.transfer(randomUUID(), { amount: '1', currency: 'USD', payee }));
  for (const action of ['reset', 'drop-after-accept'] as const) {
    t.h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/*', action, times: 1 }]);
    await outcome(c.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee }));
  }
  t.h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/*', action: 'error', status: 500 }]);
  await outcome(c.disbursement.transfer(randomUUID(), { amount: '1', currency: 'EUR', payee }));
  t.h.sandbox.setFaults([{ method: 'GET', path: '/collection/*', action: 'error', status: 401 }]);
  await keep(c.collection.getBalance());
  t.h.sandbox.setFaults([{ method: 'POST', path: '/remittance/token/', action: 'delay', ms: 500, times: 1 }]);
  await keep(c.remittance.getBalance());
  t.h.sandbox.setFaults([]);
  const wrongKey = t.makeClient({ credentials: () => ({ ...t.credentials, apiKey: 'wrong-api-key-0123456789abcdef' }) });
  await outcome(wrongKey.collection.requestToPay(randomUUID(), { amount: '1', currency: 'EUR', payer: payee }));
  const userId = randomUUID();
  await keep(c.provisioning.createApiUser(userId, 'example.com'));
  const newKey = await c.provisioning.createApiKey(userId);
  secrets.push(newKey);
  await keep(c.provisioning.createApiKey(randomUUID()));
  const session = await c.collection.consent.session((await c.collection.consent.authorize('256772123456', 'profile')).authReqId);
  await keep(session.userInfo());
  await session.refresh();
  await keep(c.collection.consent.session(randomUUID()));
});
afterAll(() => t.close());

const secrets: string[] = [];

describe('secrets never leave the client', () => {
  it('the scenario produced logs, errors and exchanges to scan', () => {
    expect(t.logLines.length).toBeGreaterThan(20);
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(t.exchanges.some((e) => e.response === null)).toBe(true);
    expect(t.exchanges.some((e) => e.endpoint.endsWith('/token/'))).toBe(true);
  });

  it('no API key, subscription key or Basic credential anywhere', () => {
    const { apiUser, apiKey, subscriptionKeys } = t.credentials;
    const values = [apiKey, ...Object.values(subscriptionKeys), Buffer.from(`${apiUser}:${apiKey}`).toString('base64'), 'wrong-api-key-0123456789abcdef', ...secrets];
    const haystacks = {
      logs: t.logLines.join('\n'),
      exchanges: JSON.stringify(t.exchanges),
      errorMessages: errors.map((e) => String(e)).join('\n'),
      errorJson: JSON.stringify(errors),
      errorExchanges: JSON.stringify(errors.map((e) => (e instanceof MomoError ? e.exchange : null))),
    };
    for (const [where, text] of Object.entries(haystacks)) for (const secret of values) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
  });

  it('no access or refresh token: the emulator mints 43-character base64url tokens, and none appears', () => {
    const tokenShaped = /[A-Za-z0-9_-]{43}/;
    for (const text of [t.logLines.join('\n'), JSON.stringify(t.exchanges), errors.map(String).join('\n')]) expect(text).not.toMatch(tokenShaped);
  });

  it('secret headers and fields are marked redacted, not dropped', () => {
    const transfer = t.exchanges.find((e) => e.endpoint === '/disbursement/v1_0/transfer');
    expect(transfer?.request.headers).toMatchObject({ authorization: '[redacted]', 'ocp-apim-subscription-key': '[redacted]', 'x-reference-id': expect.any(String) });
    const token = t.exchanges.find((e) => e.endpoint === '/disbursement/token/' && e.response?.status === 200);
    expect(JSON.parse(token?.response?.body ?? '{}')).toMatchObject({ access_token: '[redacted]', expires_in: 3600 });
    const key = t.exchanges.find((e) => e.endpoint === '/v1_0/apiuser/{userId}/apikey' && e.response?.status === 201);
    expect(JSON.parse(key?.response?.body ?? '{}')).toEqual({ apiKey: '[redacted]' });
    const refresh = t.exchanges.filter((e) => e.endpoint === '/collection/oauth2/token/').map((e) => e.request.body ?? '');
    expect(refresh.some((body) => body.includes('refresh_token=%5Bredacted%5D'))).toBe(true);
  });

  it('one log line per call, with method, path template, status, duration and reference id', () => {
    const calls = t.logLines.map((line) => JSON.parse(line) as { msg: string; call?: Record<string, unknown> }).filter((l) => l.call);
    expect(calls).toHaveLength(t.exchanges.length);
    const post = calls.find((l) => l.call?.endpoint === '/disbursement/v1_0/transfer');
    expect(post?.call).toMatchObject({ method: 'POST', status: expect.any(Number), durationMs: expect.any(Number), referenceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(calls.every((l) => !String(l.call?.endpoint).match(/[0-9a-f]{8}-[0-9a-f]{4}/))).toBe(true);
  });
});
