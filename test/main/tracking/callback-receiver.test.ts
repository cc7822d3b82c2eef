// Callbacks are hints: MoMo's callback makes the console read that payment's
// status now, by GET; the callback's own body never sets a status. Unknown and
// malformed callbacks are dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { BatchRunner, DEFAULT_RUNNER_SETTINGS } from '../../../main/payouts/batch-runner';
import { BatchRepository } from '../../../main/store/batch-repository';
import { RunJournal } from '../../../main/store/run-journal';
import { startTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
afterEach(() => services?.close());

async function start(rows: string[]) {
  services = await startTestServices({ localSandbox: { completeAfterMs: 300 }, callbackPort: 0, clientOptions: { statusReadsPerSecond: 1000 } });
  const summary = await services.payouts.import('cb.csv', new Uint8Array(Buffer.from(`msisdn,amount,id\n${rows.join('\n')}\n`)), 'local-sandbox');
  services.payouts.approve(summary.batchId, { typedTotal: summary.totals[0]?.amount ?? '0', acknowledged: [] });
  const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
  const runner = new BatchRunner({ journal: new RunJournal(services.db), batches: new BatchRepository(services.db), payouts: services.payouts, client, now: () => new Date() });
  return { batchId: summary.batchId, runner };
}

describe('callback receiver', () => {
  it('a callback makes the console read that status now: a minute-long first wait is cut to the callback, one GET per payment', async () => {
    const { batchId, runner } = await start(['256772000501,1,c1', '256772000502,2,c2', '256772000503,3,c3']);
    const started = Date.now();
    // Without callbacks the first status read would wait a minute.
    const summary = await runner.start(batchId, { ...DEFAULT_RUNNER_SETTINGS, firstCheckMs: 60_000, ratePerSecond: 1000 });
    expect(summary).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 3 } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(services.callbacks.receiver?.received()).toBe(3);
    const url = services.localSandbox.running()?.url ?? '';
    const stats = ((await (await fetch(`${url}/_sandbox/stats`)).json()) as { requests: Record<string, number> }).requests;
    expect(stats['GET /disbursement/v1_0/transfer/{referenceId}']).toBe(3);
    // Every transfer carried the receiver's address.
    expect(services.localSandbox.running()?.ledger().every((t) => t.callbackAttempts === 1)).toBe(true);
    // What is stored came from the GET (a status-final event per row), not from the callback's body.
    expect(new RunJournal(services.db).events(batchId).filter((e) => e.kind === 'status-final')).toHaveLength(3);
  }, 40_000);

  it('unknown and malformed callbacks are dropped', async () => {
    await start(['256772000601,1,d1']);
    const base = `${services.callbacks.receiver?.url}/momo/callback`;
    const unknown = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'nobody', status: 'SUCCESSFUL' }) });
    expect(await unknown.json()).toEqual({ dropped: true });
    const malformed = await fetch(base, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: 'not json' });
    expect(malformed.status).toBe(400);
    expect(services.callbacks.receiver?.received()).toBe(1);
    expect(services.logLines.some((l) => l.includes('a callback for a payment this console does not know was dropped'))).toBe(true);
  });
});
