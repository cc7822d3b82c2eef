// The payout channels through the real router, services, SQLite and the local
// sandbox: import, rows by page and filter, balance, the paced account-holder
// check (with its progress events, answered by MTN's test numbers), approval
// and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type EventName } from '../../../preload/contract';
import { createHandlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { startTestServices, type TestServices } from '../../support/test-services';

const ORIGIN = 'app://momo-console/index.html';
let services: TestServices;
let call: (channel: keyof typeof channels, args: unknown) => Promise<{ ok: boolean; value?: never; error?: { code: string; message: string } }>;
const events: { event: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  services = await startTestServices();
  services.events.on((event, payload) => events.push({ event, payload }));
  const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
    isTrustedSender: (url) => url === ORIGIN,
    logger: { error: () => {}, warn: () => {} },
  });
  call = (channel, args) => router.handle(channel, ORIGIN, args) as ReturnType<typeof call>;
});
afterAll(() => services.close());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
// 46733123450 is "not found" and 46733123451 "not active" in MTN's sandbox table; others are active.
const FILE = 'msisdn,amount,id,name\n46733123450,10,a,Nobody\n46733123451,20,b,Dormant\n256772000003,30,c,Active\nbad,1,d,Broken\n';

describe('payout channels', () => {
  it('import → rows → balance → account check → approval → exports', async () => {
    const imported = await call('importPayoutFile', { fileName: 'dec.csv', contentBase64: base64(FILE) });
    expect(imported.ok).toBe(true);
    const summary = imported.value as unknown as { batchId: string; rows: number; valid: number; totals: unknown };
    expect(summary).toMatchObject({ rows: 4, valid: 3, totals: [{ currency: 'EUR', count: 3, amount: '60' }] });
    const { batchId } = summary;

    const invalid = (await call('getBatchRows', { batchId, filter: 'invalid', offset: 0, limit: 10 })).value as unknown as { total: number; rows: { line: number; partyInput: string; errors: { field: string }[] }[] };
    expect(invalid).toMatchObject({ total: 1, rows: [{ line: 5, partyInput: 'bad', errors: [{ field: 'party' }] }] });

    expect((await call('getBatchBalance', { batchId })).value).toEqual({ available: '1,000,000.00 EUR', currency: 'EUR', fits: true, message: null });

    const checked = await call('checkAccountHolders', { batchId });
    expect(checked.value).toEqual({ batchId, total: 3, checked: 3, active: 1, notActive: 2, failed: 0 });
    const progress = events.filter((e) => e.event === 'accountCheckProgress').map((e) => (e.payload as { checked: number }).checked);
    expect(progress).toEqual([0, 1, 2, 3]);
    const all = (await call('getBatchRows', { batchId, filter: 'all', offset: 0, limit: 10 })).value as unknown as { rows: { holder: string | null; amount: string | null }[] };
    expect(all.rows.map((r) => r.holder)).toEqual(['not-active', 'not-active', 'active', null]);
    expect(all.rows.map((r) => r.amount)).toEqual(['10', '20', '30', '1']);

    expect((await call('approveBatch', { batchId, typedTotal: '59', acknowledged: [] })).error?.code).toBe('TOTAL_MISMATCH');
    expect(((await call('approveBatch', { batchId, typedTotal: '60.00', acknowledged: [] })).value as unknown as { approval: { state: string } }).approval.state).toBe('approved');

    const exported = (await call('exportInvalidRows', { batchId })).value as unknown as { fileName: string; content: string };
    expect(exported.fileName).toBe('dec-invalid-rows.csv');
    expect(exported.content).toContain('bad,1,d,Broken,5,');
    expect(((await call('getPayoutTemplate', {})).value as unknown as { content: string }).content.startsWith('\ufeffmsisdn')).toBe(true);
  });

  it('a file that cannot be used is refused with its code; an unknown batch is named', async () => {
    expect((await call('importPayoutFile', { fileName: 'x.csv', contentBase64: base64('') })).error).toMatchObject({ code: 'EMPTY_FILE', message: 'The file is empty.' });
    expect((await call('importPayoutFile', { fileName: 'x.csv', contentBase64: base64('msisdn,amount,id\n') })).error).toMatchObject({ code: 'NO_ROWS', message: 'The file has a header but no payment rows.' });
    expect((await call('getBatchSummary', { batchId: 'nope' })).error).toMatchObject({ code: 'BATCH_NOT_FOUND' });
  });
});
