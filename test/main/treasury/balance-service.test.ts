// Treasury through the real router against the local sandbox: readings taken
// on demand are stored and pushed, make a history over time, a threshold per
// product raises the low warning, and the payouts preview's reading is the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelResult, type EventPayload } from '../../../preload/contract';
import { createHandlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { BalanceRepository } from '../../../main/store/balance-repository';
import { startTestServices, type TestServices } from '../../support/test-services';

const ORIGIN = 'app://momo-console/index.html';
let services: TestServices;
let call: <C extends keyof typeof channels>(channel: C, args: unknown) => Promise<{ ok: true; value: ChannelResult<C> } | { ok: false; error: { code: string; message: string } }>;
const pushed: EventPayload<'balances'>[] = [];

beforeAll(async () => {
  services = await startTestServices();
  const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
    isTrustedSender: (url) => url === ORIGIN,
    logger: { error: () => {}, warn: () => {} },
  });
  call = async (channel, args) => (await router.handle(channel, ORIGIN, args)) as never;
  services.events.on((event, payload) => {
    if (event === 'balances') pushed.push(payload as EventPayload<'balances'>);
  });
});
afterAll(() => services.close());

const value = <T,>(answer: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
};
const setSandboxBalance = async (product: string, amount: string) => {
  const url = services.localSandbox.running()?.url ?? '';
  await fetch(`${url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [product]: { EUR: amount } }) });
};

describe('balances', () => {
  it('no reading before the first; a refresh reads every product, stores it and pushes it to the window', async () => {
    const before = value(await call('getBalances', {}));
    expect(before.readings.map((r) => [r.product, r.available])).toEqual([
      ['collection', null],
      ['disbursement', null],
      ['remittance', null],
    ]);
    await services.clients.clientFor(services.profiles.get('local-sandbox'));
    await setSandboxBalance('disbursement', '250000.50');
    const fresh = value(await call('getBalances', { refresh: true }));
    expect(fresh.readings.find((r) => r.product === 'disbursement')).toMatchObject({ available: '250000.50', currency: 'EUR', problem: null, low: false, at: expect.any(String) });
    expect(fresh.readings.every((r) => r.available !== null)).toBe(true);
    expect(pushed.at(-1)).toEqual(fresh);
    // Stored: read back without asking MoMo.
    expect(value(await call('getBalances', {})).readings.map((r) => r.available)).toEqual(fresh.readings.map((r) => r.available));
  });

  it('readings over time make the history, oldest first, in the reading currency', async () => {
    await setSandboxBalance('disbursement', '240000');
    value(await call('getBalances', { refresh: true }));
    await setSandboxBalance('disbursement', '0');
    value(await call('getBalances', { refresh: true }));
    const history = value(await call('getBalanceHistory', { product: 'disbursement', days: 7 }));
    expect(history).toEqual({ product: 'disbursement', currency: 'EUR', points: [expect.objectContaining({ available: '250000.50' }), expect.objectContaining({ available: '240000' }), expect.objectContaining({ available: '0' })] });
    expect(history.points.map((p) => p.at)).toEqual([...history.points.map((p) => p.at)].sort());
  });

  it('a threshold at or over the balance warns; cleared, it does not; a bad amount is refused naming the field', async () => {
    await setSandboxBalance('disbursement', '900');
    value(await call('getBalances', { refresh: true }));
    const warned = value(await call('setBalanceThreshold', { product: 'disbursement', amount: '1000' }));
    expect(warned.readings.find((r) => r.product === 'disbursement')).toMatchObject({ available: '900', threshold: '1000', low: true });
    expect(warned.readings.find((r) => r.product === 'collection')).toMatchObject({ threshold: null, low: false });
    expect(value(await call('setBalanceThreshold', { product: 'disbursement', amount: '900' })).readings.find((r) => r.product === 'disbursement')?.low).toBe(true);
    expect(value(await call('setBalanceThreshold', { product: 'disbursement', amount: '899.99' })).readings.find((r) => r.product === 'disbursement')?.low).toBe(false);
    const precise = await call('setBalanceThreshold', { product: 'disbursement', amount: '5.001' });
    expect(precise).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^amount: /) } });
    expect(await call('setBalanceThreshold', { product: 'disbursement', amount: 'lots' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(value(await call('getBalances', {})).readings.find((r) => r.product === 'disbursement')?.threshold).toBe('899.99');
    expect(value(await call('setBalanceThreshold', { product: 'disbursement', amount: null })).readings.find((r) => r.product === 'disbursement')).toMatchObject({ threshold: null, low: false });
  });

  it("the payouts preview's balance is a stored reading too", async () => {
    await setSandboxBalance('disbursement', '777');
    const summary = await services.payouts.import('preview.csv', new Uint8Array(Buffer.from('msisdn,amount,id\n256772000070,5,p1\n')), 'local-sandbox');
    const preview = value(await call('getBatchBalance', { batchId: summary.batchId }));
    expect(preview.fits).toBe(true);
    const history = value(await call('getBalanceHistory', { product: 'disbursement', days: 1 }));
    expect(history.points.at(-1)?.available).toBe('777');
  });

  it('a year of five-minute readings reaches the chart as at most 500 points, the newest kept', async () => {
    const repo = new BalanceRepository(services.db);
    const start = Date.now() - 1200 * 300_000;
    // One reading, deep in the year, dips to 5.00 EUR: thinned out, the chart must still show it.
    for (let i = 0; i < 1200; i += 1) repo.add('local-sandbox', { product: 'collection', currency: 'EUR', minor: i === 601 ? 500n : BigInt(100_000 + i), at: new Date(start + i * 300_000).toISOString() });
    const history = value(await call('getBalanceHistory', { product: 'collection', days: 30 }));
    expect(history.points.length).toBeLessThanOrEqual(500);
    expect(history.points.length).toBeGreaterThan(300);
    expect(history.points.map((p) => p.available)).toContain('5');
    expect(history.points.at(-1)?.available).toBe(value(await call('getBalances', {})).readings.find((r) => r.product === 'collection')?.available);
  });

  it('reads the balance in another currency when asked; a currency the account does not hold is that product\'s problem, in words', async () => {
    const url = services.localSandbox.running()?.url ?? '';
    await fetch(`${url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ collection: { UGX: '5000' } }) });
    const ugx = value(await call('getBalances', { refresh: true, currency: 'UGX' }));
    expect(ugx.currency).toBe('UGX');
    expect(ugx.readings.find((r) => r.product === 'collection')).toMatchObject({ available: '5000', currency: 'UGX', problem: null });
    expect(ugx.readings.find((r) => r.product === 'remittance')?.problem).toMatch(/INVALID_CURRENCY|currency/i);
    expect(await call('getBalances', { refresh: true, currency: 'shillings' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    // The profile's own cards and chart stay in EUR: a UGX reading is never shown, or warned about, as EUR.
    const own = value(await call('getBalances', {}));
    expect(own.currency).toBe('EUR');
    expect(own.readings.every((r) => r.currency === 'EUR')).toBe(true);
    const history = value(await call('getBalanceHistory', { product: 'collection', days: 1 }));
    expect(history.currency).toBe('EUR');
    expect(history.points.map((p) => p.available)).not.toContain('5000');
  });
});
