import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { armRules, faultRulesSchema, firingRules } from '../../../main/sandbox/fault-rules';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.sandbox.setFaults([]));

const transfer = (referenceId = randomUUID()) =>
  h.call('POST', '/disbursement/v1_0/transfer', { referenceId, body: { amount: '1', currency: 'EUR', externalId: referenceId, payee: msisdn('256772123456') } });
const inLedger = (referenceId: string) => h.sandbox.ledger().filter((t) => t.referenceId === referenceId).length;

describe('fault rule matching', () => {
  const rules = armRules(
    faultRulesSchema.parse([
      { method: 'post', path: '/disbursement/*', action: 'reset' },
      { method: '*', path: '/collection/token/', action: 'delay', ms: 5 },
      { method: 'GET', path: '/remittance/v1_0/transfer/*', action: 'error', status: 503, times: 1 },
    ]),
  );
  it('matches method (any case, * for all) and `*` as one or more segments', () => {
    expect(firingRules(rules, 'POST', '/disbursement/v1_0/transfer').map((r) => r.rule.action)).toEqual(['reset']);
    expect(firingRules(rules, 'POST', '/disbursement')).toEqual([]);
    expect(firingRules(rules, 'GET', '/disbursement/v1_0/transfer')).toEqual([]);
    expect(firingRules(rules, 'GET', '/collection/token/').map((r) => r.rule.action)).toEqual(['delay']);
    expect(firingRules(rules, 'GET', '/collection/token/x')).toEqual([]);
    expect(firingRules(rules, 'POST', '/disbursement/token/').map((r) => r.rule.action)).toEqual(['reset']);
  });
  it('stops after `times` firings and honours `rate`', () => {
    expect(firingRules(rules, 'GET', '/remittance/v1_0/transfer/abc')).toHaveLength(1);
    expect(firingRules(rules, 'GET', '/remittance/v1_0/transfer/abc')).toHaveLength(0);
    const half = armRules(faultRulesSchema.parse([{ method: '*', path: '/*', action: 'reset', rate: 0.5 }]));
    expect(firingRules(half, 'GET', '/a', () => 0.49)).toHaveLength(1);
    expect(firingRules(half, 'GET', '/a', () => 0.5)).toHaveLength(0);
  });
  it('refuses unknown actions and bad fields by name', () => {
    expect(faultRulesSchema.safeParse([{ method: 'POST', path: '/x', action: 'explode' }]).success).toBe(false);
    expect(faultRulesSchema.safeParse([{ method: 'POST', path: 'x', action: 'reset' }]).success).toBe(false);
    expect(faultRulesSchema.safeParse([{ method: 'POST', path: '/x', action: 'error', status: 404 }]).success).toBe(false);
  });
});

describe('faults over HTTP', () => {
  it('delay holds the answer back, then serves normally', async () => {
    h.sandbox.setFaults([{ method: 'GET', path: '/disbursement/v1_0/account/balance', action: 'delay', ms: 150 }]);
    const started = performance.now();
    const response = await h.call('GET', '/disbursement/v1_0/account/balance');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('error answers 500 or 503 with MTN bodies and creates nothing', async () => {
    h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/*', action: 'error', status: 500, times: 1 }, { method: 'POST', path: '/disbursement/*', action: 'error', status: 503 }]);
    const referenceId = randomUUID();
    const first = await transfer(referenceId);
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ code: 'INTERNAL_PROCESSING_ERROR', message: 'An internal error occurred while processing.' });
    const second = await transfer(referenceId);
    expect(second.status).toBe(503);
    expect(await second.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable.' });
    expect(inLedger(referenceId)).toBe(0);
  });

  it('error 401 answers as the gateway does for a token it no longer honours', async () => {
    h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/*', action: 'error', status: 401, times: 1 }]);
    const referenceId = randomUUID();
    const refused = await transfer(referenceId);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' });
    expect(inLedger(referenceId)).toBe(0);
    expect((await transfer(referenceId)).status).toBe(202);
  });

  it('rate-limit answers 429 with Retry-After', async () => {
    h.sandbox.setFaults([{ method: '*', path: '/disbursement/*', action: 'rate-limit', retryAfter: 7 }]);
    const response = await transfer();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' });
  });

  it('reset destroys the connection before anything is processed', async () => {
    h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/*', action: 'reset' }]);
    const referenceId = randomUUID();
    await expect(transfer(referenceId)).rejects.toThrow();
    expect(inLedger(referenceId)).toBe(0);
    h.sandbox.setFaults([]);
    expect((await h.call('GET', `/disbursement/v1_0/transfer/${referenceId}`)).status).toBe(404);
  });

  it('drop-after-accept spares a refused request and does not use itself up on it', async () => {
    h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/v1_0/transfer', action: 'drop-after-accept', times: 1 }]);
    const refused = await h.call('POST', '/disbursement/v1_0/transfer', { referenceId: 'not-a-uuid', body: { amount: '1', currency: 'EUR', payee: msisdn('256772123456') } });
    expect(refused.status).toBe(400);
    const referenceId = randomUUID();
    await expect(transfer(referenceId)).rejects.toThrow();
    expect(inLedger(referenceId)).toBe(1);
  });

  it('drop-after-accept creates the transaction and the client never sees the 202', async () => {
    h.sandbox.setFaults([{ method: 'POST', path: '/disbursement/v1_0/transfer', action: 'drop-after-accept', times: 1 }]);
    const referenceId = randomUUID();
    await expect(transfer(referenceId)).rejects.toThrow();
    expect(inLedger(referenceId)).toBe(1);
    // Asking about it shows it went through; sending it again is refused, never paid twice.
    expect(await (await h.call('GET', `/disbursement/v1_0/transfer/${referenceId}`)).json()).toMatchObject({ status: 'SUCCESSFUL' });
    expect((await transfer(referenceId)).status).toBe(409);
    expect(inLedger(referenceId)).toBe(1);
  });

  it('takes rules at run time over POST /_sandbox/faults and refuses bad ones with 400', async () => {
    const set = await fetch(`${h.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ method: 'POST', path: '/disbursement/*', action: 'reset', rate: 1 }]) });
    expect(set.status).toBe(200);
    await expect(transfer()).rejects.toThrow();
    const listed = (await (await fetch(`${h.sandbox.url}/_sandbox/faults`)).json()) as { faults: { fired: number }[] };
    expect(listed.faults[0]?.fired).toBe(1);
    const bad = await fetch(`${h.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ method: 'POST', path: '/x', action: 'explode' }]) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-sandbox-reason')).toContain('action');
    await expect(transfer()).rejects.toThrow();
  });

  it('never applies faults to the control endpoints', async () => {
    h.sandbox.setFaults([{ method: '*', path: '/*', action: 'reset' }]);
    expect((await fetch(`${h.sandbox.url}/_sandbox/ledger`)).status).toBe(200);
  });

  it('takes faults at start', async () => {
    const faulty = await startHarness({ faults: [{ method: 'POST', path: '/collection/*', action: 'error', status: 503 }] });
    try {
      const response = await faulty.call('POST', '/collection/v1_0/requesttopay', { referenceId: randomUUID(), body: { amount: '1', currency: 'EUR', payer: msisdn('256772123456') } });
      expect(response.status).toBe(503);
    } finally {
      await faulty.close();
    }
  });
});
