// Runs in the app: started from the window, progress pushed as events; when
// the app quits mid-run the run stops after its requests in flight, stays
// "running" in the journal, and the next start reconciles and finishes it.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNNER_SETTINGS } from '../../../main/payouts/batch-runner';
import { recoverRunningBatches } from '../../../main/payouts/run-recovery';
import { startSandbox } from '../../../main/sandbox/sandbox-server';
import { RunJournal } from '../../../main/store/run-journal';
import { startTestServices } from '../../support/test-services';

describe('runs in the app', () => {
  it('quitting mid-run loses nothing and pays nothing twice: the next start finishes the batch', async () => {
    const mtn = await startSandbox({ completeAfterMs: 0 });
    const key = mtn.subscriptionKeys.disbursement;
    const apiUser = randomUUID();
    await fetch(`${mtn.url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' }, body: '{"providerCallbackHost":"127.0.0.1"}' });
    const { apiKey } = (await (await fetch(`${mtn.url}/v1_0/apiuser/${apiUser}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } })).json()) as { apiKey: string };
    // The same API user across both starts, as the keychain would give it.
    const env = { MOMO_API_USER: apiUser, MOMO_API_KEY: apiKey, MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: key };
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'momo-runs-'));
    const first = await startTestServices({ dataDir, env, clientOptions: { statusReadsPerSecond: 1000 } });
    const profile = await first.profiles.create({ name: 'Emulator', kind: 'sandbox', baseUrl: mtn.url, targetEnvironment: 'sandbox', currency: 'EUR', limits: {} });
    // Slow MoMo down so the quit lands mid-run.
    mtn.setFaults([{ method: 'POST', path: '/disbursement/v1_0/transfer', action: 'delay', ms: 40 }]);
    const rows = Array.from({ length: 60 }, (_, i) => `2567720003${String(i).padStart(2, '0')},1,q${i}`);
    const summary = await first.payouts.import('quit.csv', new Uint8Array(Buffer.from(`msisdn,amount,id\n${rows.join('\n')}\n`)), profile.id);
    first.payouts.approve(summary.batchId, { typedTotal: '60', acknowledged: [] });
    const progress: string[] = [];
    first.events.on((event, payload) => event === 'batchProgress' && progress.push(String((payload as { state?: string }).state)));
    await first.runs.start(summary.batchId, 'transfer');
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The app quits; MoMo stays up.
    await first.close();
    const look = await startTestServices({ dataDir });
    const before = new RunJournal(look.db);
    expect(before.run(summary.batchId)?.state).toBe('running');
    const sent = before.attempts(summary.batchId).length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(60);
    expect(progress.length).toBeGreaterThan(0);
    await look.close();

    // The next start, same data directory, same MoMo: recovery first.
    mtn.setFaults([]);
    const next = await startTestServices({ dataDir, env, clientOptions: { statusReadsPerSecond: 1000 } });
    const [recovered] = await recoverRunningBatches(next, { ...DEFAULT_RUNNER_SETTINGS, firstCheckMs: 20, maxCheckMs: 100, ratePerSecond: 1000 });
    expect(recovered).toMatchObject({ batchId: summary.batchId, state: 'finished', counts: { SUCCESSFUL: 60 } });
    const ledger = mtn.ledger();
    expect(ledger).toHaveLength(60);
    expect(new Set(ledger.map((t) => t.externalId)).size).toBe(60);
    await next.close();
    await mtn.close();
  }, 30_000);
});
