// The runner in-process against the emulator: every row paid once, statuses
// tracked to final, the journal's chain intact, and a crash between "id
// stored" and "POST sent" recovered by GET before anything new is sent.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchResults } from '../../../main/payouts/batch-results';
import { BatchRunner, DEFAULT_RUNNER_SETTINGS } from '../../../main/payouts/batch-runner';
import { BatchRepository } from '../../../main/store/batch-repository';
import { RunJournal } from '../../../main/store/run-journal';
import { startTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;

afterEach(() => services?.close());

const fast = { ...DEFAULT_RUNNER_SETTINGS, firstCheckMs: 20, maxCheckMs: 100, ratePerSecond: 1000 };
const csv = (rows: string[]) => new Uint8Array(Buffer.from(`msisdn,amount,id\n${rows.join('\n')}\n`));

async function approvedBatch(text: Uint8Array) {
  const summary = await services.payouts.import('run.csv', text, 'local-sandbox');
  services.payouts.approve(summary.batchId, { typedTotal: summary.totals[0]?.amount ?? '0', acknowledged: summary.toAcknowledge });
  return summary.batchId;
}

async function runner(batchId: string) {
  const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
  return { runner: new BatchRunner({ journal: new RunJournal(services.db), batches: new BatchRepository(services.db), payouts: services.payouts, client, now: () => new Date() }), batchId };
}

describe('batch runner', () => {
  it('pays every valid row once and tracks each to its final status; the sandbox numbers that must fail, fail', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(['256772000001,10,a', '256772000002,20,b', '46733123457,30,c', '256772000004,40,d', 'bad,1,e']));
    const { runner: r } = await runner(batchId);
    const summary = await r.start(batchId, fast);
    expect(summary).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 3, FAILED: 1, UNKNOWN: 0, QUEUED: 0, SENDING: 0, PENDING: 0 }, amounts: { SUCCESSFUL: '70' } });
    const ledger = services.localSandbox.running()?.ledger() ?? [];
    expect(ledger.map((t) => t.externalId).sort()).toEqual(['a', 'b', 'c', 'd']);
    const failed = new RunJournal(services.db).attempts(batchId).find((a) => a.rowIndex === 2);
    expect(failed).toMatchObject({ state: 'FAILED', reason: 'PAYEE_NOT_FOUND' });
    expect(new RunJournal(services.db).verify()).toMatchObject({ ok: true });
    await expect(r.start(batchId, fast)).rejects.toMatchObject({ code: 'ALREADY_STARTED' });
    // Each payment's redacted request and response are events of its row; no secret is in them.
    const exchanges = new RunJournal(services.db).events(batchId).filter((e) => e.kind === 'exchange' && e.rowIndex === 0);
    expect(exchanges.map((e) => (e.details as { method: string }).method)).toContain('POST');
    const post = exchanges.find((e) => (e.details as { method: string }).method === 'POST')?.details as { request: { headers: Record<string, string> }; response: { status: number } };
    expect(post.request.headers).toMatchObject({ authorization: '[redacted]', 'ocp-apim-subscription-key': '[redacted]' });
    expect(post.response.status).toBe(202);
  });

  it('refuses a batch whose approval no longer matches, or that the balance cannot cover', async () => {
    services = await startTestServices();
    const batchId = await approvedBatch(csv(['256772000001,10,a', '256772000002,20,b']));
    services.payouts.exclude(batchId, [0], true);
    await expect((await runner(batchId)).runner.start(batchId, fast)).rejects.toMatchObject({ code: 'NOT_APPROVED' });
    const big = await approvedBatch(csv(['256772000009,2000000,z']));
    await expect((await runner(big)).runner.start(big, fast)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
  });

  it('after a crash between storing ids and sending, resume asks MoMo first: sent ones are adopted, unsent ones go with the same id', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(['256772000001,10,a', '256772000002,20,b', '256772000003,30,c']));
    const journal = new RunJournal(services.db);
    const { runner: r } = await runner(batchId);
    // What a crashed process leaves: a run, three reserved ids, and only the first actually POSTed.
    journal.startRun(batchId, 'transfer', new Date().toISOString());
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const rows = new BatchRepository(services.db).rows(batchId, 'valid');
    journal.reserve(
      batchId,
      rows.map((row, i) => ({ rowIndex: row.index, referenceId: ids[i] ?? '', attempt: 1, operation: 'transfer', kind: 'disbursement.transfer', body: { amount: String(Number(row.amountMinor) / 100), currency: 'EUR', externalId: row.externalId, payee: { partyIdType: 'MSISDN', partyId: row.partyId } } })),
      new Date().toISOString(),
    );
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    expect((await client.disbursement.transfer(ids[0] ?? '', { amount: '10', currency: 'EUR', externalId: 'a', payee: { partyIdType: 'MSISDN', partyId: '256772000001' } })).outcome).toBe('accepted');
    const summary = await r.resume(batchId, fast);
    expect(summary.counts).toMatchObject({ SUCCESSFUL: 3 });
    const ledger = services.localSandbox.running()?.ledger() ?? [];
    expect(ledger.map((t) => t.referenceId).sort()).toEqual([...ids].sort());
    const kinds = journal.events(batchId).filter((e) => e.rowIndex >= 0).map((e) => `${e.rowIndex}:${e.kind}`);
    expect(kinds).toContain('0:reconciled-found');
    expect(kinds).toContain('1:reconciled-not-received');
    expect(journal.verify()).toMatchObject({ ok: true });
  });

  it('the event chain notices an edit or a removal', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(['256772000001,10,a', '256772000002,20,b']));
    await (await runner(batchId)).runner.start(batchId, fast);
    const journal = new RunJournal(services.db);
    expect(journal.verify()).toMatchObject({ ok: true });
    services.db.prepare("UPDATE row_events SET details = '{\"status\":\"FAILED\"}' WHERE id = (SELECT max(id) FROM row_events WHERE kind = 'status-final')").run();
    expect(journal.verify()).toMatchObject({ ok: false, problem: 'the event was changed after it was written' });
  });
});

describe('after the run', () => {
  it('a results report and a failed-only one, and a retry batch of the rows that may pass later, with its own approval', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    // 46733123450 fails with INTERNAL_PROCESSING_ERROR (may pass later); 46733123457 with PAYEE_NOT_FOUND (will not).
    const batchId = await approvedBatch(csv(['256772000001,10,ok', '46733123450,20,retryable', '46733123457,30,final']));
    const { runner: r } = await runner(batchId);
    expect((await r.start(batchId, fast)).counts).toMatchObject({ SUCCESSFUL: 1, FAILED: 2 });
    const results = new BatchResults({ batches: new BatchRepository(services.db), journal: new RunJournal(services.db), payouts: services.payouts, now: () => new Date() });
    const report = results.report(batchId);
    expect(report.fileName).toBe('run-results.csv');
    const lines = report.content.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('msisdn,amount,id,line,reference id,financial transaction id,status,reason,attempts,sent at,last change at');
    expect(lines[1]).toMatch(/^"\t256772000001",10,ok,2,[0-9a-f-]{36},\S+,SUCCESSFUL,,1,/);
    expect(lines[3]).toContain('FAILED,PAYEE_NOT_FOUND');
    expect(results.report(batchId, { failedOnly: true }).content.trim().split('\r\n')).toHaveLength(3);

    const retry = await results.retryFailed(batchId);
    expect(retry).toMatchObject({ rows: 1, valid: 1, totals: [{ amount: '20' }], toAcknowledge: [], approval: { state: 'none' } });
    expect(new BatchRepository(services.db).rows(retry.batchId)[0]).toMatchObject({ originRow: 1, externalId: 'retryable' });
    // The retried row is not offered again; an override still adds the final-reason row, once.
    const override = await results.retryFailed(batchId, [2]);
    expect(new BatchRepository(services.db).rows(override.batchId).map((r) => r.originRow)).toEqual([2]);
    await expect(results.retryFailed(batchId, [2])).rejects.toMatchObject({ code: 'NOTHING_TO_RETRY' });
    // Its own approval, its own reference ids.
    await expect((await runner(retry.batchId)).runner.start(retry.batchId, fast)).rejects.toMatchObject({ code: 'NOT_APPROVED' });
    services.payouts.approve(retry.batchId, { typedTotal: '20', acknowledged: [] });
    await (await runner(retry.batchId)).runner.start(retry.batchId, fast);
    const firstIds = new RunJournal(services.db).attempts(batchId).map((a) => a.referenceId);
    const retryIds = new RunJournal(services.db).attempts(retry.batchId).map((a) => a.referenceId);
    expect(retryIds).toHaveLength(1);
    expect(firstIds).not.toContain(retryIds[0]);
  });

  it('NOT_ENOUGH_FUNDS mid-run pauses the batch; after a cancel nothing more is sent, even on resume', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const rows = ['46733123455,1,nef', ...Array.from({ length: 30 }, (_, i) => `2567720001${String(i).padStart(2, '0')},1,r${i}`)];
    const batchId = await approvedBatch(csv(rows));
    const { runner: r } = await runner(batchId);
    const paused = await r.start(batchId, { ...fast, concurrency: 1, ratePerSecond: 20, firstCheckMs: 10 });
    expect(paused).toMatchObject({ state: 'paused', pauseReason: expect.stringContaining('not have enough funds') });
    expect(paused.counts.QUEUED).toBeGreaterThan(0);
    r.cancel(batchId);
    const cancelled = r.summary(batchId);
    expect(cancelled.state).toBe('cancelled');
    const sentBefore = new RunJournal(services.db).attempts(batchId).length;
    const ledgerBefore = services.localSandbox.running()?.ledger().length;
    await r.resume(batchId, fast);
    expect(new RunJournal(services.db).attempts(batchId).length).toBe(sentBefore);
    // Ids stored ahead but never sent are looked up (404) and closed as not sent, not POSTed.
    expect(services.localSandbox.running()?.ledger().length).toBe(ledgerBefore);
    expect(new RunJournal(services.db).attempts(batchId, ['reserved', 'unresolved'])).toEqual([]);
  });

  it('pauses itself after payments in a row end with no clear outcome, and says why', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(Array.from({ length: 6 }, (_, i) => `2567720002${String(i).padStart(2, '0')},1,u${i}`)));
    const { runner: r } = await runner(batchId);
    await services.localSandbox.start();
    services.localSandbox.running()?.setFaults([
      { method: 'POST', path: '/disbursement/v1_0/transfer', action: 'error', status: 500 },
      { method: 'GET', path: '/disbursement/v1_0/transfer/*', action: 'error', status: 500 },
    ]);
    const summary = await r.start(batchId, { ...fast, concurrency: 1, pauseAfterUnclear: 2, noWait: true });
    expect(summary).toMatchObject({ state: 'paused', pauseReason: expect.stringMatching(/^2 payments in a row had no clear outcome/) });
    // Two sent with no clear outcome, two more ids reserved but not sent (resume looks them up too), two never reserved.
    expect(summary.counts).toMatchObject({ SENDING: 4, QUEUED: 2 });
    // Once MoMo answers again, resume looks the two up first and finishes the batch.
    services.localSandbox.running()?.setFaults([]);
    const resumed = await r.resume(batchId, fast);
    expect(resumed).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 6 } });
    expect(services.localSandbox.running()?.ledger().length).toBe(6);
  }, 30_000);

  it('an error inside the console after MoMo answered leaves the payment to be looked up, never "not sent"', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(['256772000301,1,x1', '256772000302,1,x2']));
    const real = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    let thrown = 0;
    // The POST goes through; then something in the console fails (as a locked database would).
    const client = new Proxy(real, {
      get(target, key) {
        if (key !== 'create') return Reflect.get(target, key) as unknown;
        return async (...args: Parameters<typeof real.create>) => {
          const outcome = await target.create(...args);
          if (thrown++ === 0) throw new Error('database is locked');
          return outcome;
        };
      },
    });
    const r = new BatchRunner({ journal: new RunJournal(services.db), batches: new BatchRepository(services.db), payouts: services.payouts, client, now: () => new Date() });
    const first = await r.start(batchId, fast);
    expect(first.counts).toMatchObject({ SENDING: 1, SUCCESSFUL: 1, FAILED: 0 });
    const finished = await r.resume(batchId, fast);
    expect(finished).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 2, FAILED: 0 } });
    expect(services.localSandbox.running()?.ledger()).toHaveLength(2);
    expect(await new BatchResults({ batches: new BatchRepository(services.db), journal: new RunJournal(services.db), payouts: services.payouts, now: () => new Date() }).retryFailed(batchId).catch((e: { code: string }) => e.code)).toBe('NOTHING_TO_RETRY');
  });

  it('one runner per batch: a second one (another window, the command line) is turned away while the first holds it', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(Array.from({ length: 20 }, (_, i) => `2567720004${String(i).padStart(2, '0')},1,h${i}`)));
    await services.localSandbox.start();
    services.localSandbox.running()?.setFaults([{ method: 'POST', path: '/disbursement/v1_0/transfer', action: 'delay', ms: 30 }]);
    const { runner: first } = await runner(batchId);
    const running = first.start(batchId, { ...fast, concurrency: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { runner: second } = await runner(batchId);
    await expect(second.resume(batchId, fast)).rejects.toMatchObject({ code: 'BATCH_BUSY' });
    expect(await running).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 20 } });
    // Released when done: the second may now look at it.
    await expect(second.resume(batchId, fast)).resolves.toMatchObject({ state: 'finished' });
    expect(services.localSandbox.running()?.ledger()).toHaveLength(20);
  });

  it('UNKNOWN is a state: a row with no final status in the window is UNKNOWN with its reason, and "check now" asks MoMo again', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 1500 } });
    const batchId = await approvedBatch(csv(['256772000701,1,k1']));
    const { runner: r } = await runner(batchId);
    const summary = await r.start(batchId, { ...fast, unknownAfterMs: 100 });
    expect(summary.counts).toMatchObject({ UNKNOWN: 1, SUCCESSFUL: 0, FAILED: 0 });
    expect(new RunJournal(services.db).attempts(batchId)[0]).toMatchObject({ state: 'UNKNOWN', reason: expect.stringMatching(/^no final status within/) });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await r.checkNow(batchId, 0)).toMatchObject({ state: 'SUCCESSFUL' });
    expect(r.summary(batchId).counts).toMatchObject({ UNKNOWN: 0, SUCCESSFUL: 1 });
  });

  it('a row resent days after its id was stored gets the whole window again: PENDING, then SUCCESSFUL, not UNKNOWN at once', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 300 } });
    const batchId = await approvedBatch(csv(['256772000711,3,late']));
    const journal = new RunJournal(services.db);
    const { runner: r } = await runner(batchId);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    journal.startRun(batchId, 'transfer', twoDaysAgo);
    const row = new BatchRepository(services.db).rows(batchId, 'valid')[0];
    journal.reserve(batchId, [{ rowIndex: 0, referenceId: randomUUID(), attempt: 1, operation: 'transfer', kind: 'disbursement.transfer', body: { amount: '3', currency: 'EUR', externalId: row?.externalId, payee: { partyIdType: 'MSISDN', partyId: row?.partyId } } }], twoDaysAgo);
    const summary = await r.resume(batchId, { ...fast, unknownAfterMs: 60 * 60_000 });
    expect(summary.counts).toMatchObject({ SUCCESSFUL: 1, UNKNOWN: 0 });
    expect(journal.attempts(batchId)[0]?.acceptedAt).not.toBeNull();
  });

  it('a batch goes on only through the MoMo it was started on: a profile pointed elsewhere pauses it, saying why, and sends nothing', async () => {
    services = await startTestServices({ localSandbox: { completeAfterMs: 0 } });
    const batchId = await approvedBatch(csv(['256772000721,3,m1', '256772000722,4,m2']));
    const journal = new RunJournal(services.db);
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const make = (connection: string) => new BatchRunner({ journal, batches: new BatchRepository(services.db), payouts: services.payouts, client, connection, now: () => new Date() });
    // Started, and stopped (say the process died) before anything was sent.
    journal.startRun(batchId, 'transfer', new Date().toISOString(), '["https://sandbox.momodeveloper.mtn.com","sandbox","EUR","sandbox","0123abcd"]');
    await expect(make('["https://proxy.momoapi.mtn.com","mtnuganda","EUR","production","89abcdef"]').resume(batchId, fast)).rejects.toMatchObject({ code: 'PROFILE_CHANGED' });
    expect(journal.run(batchId)).toMatchObject({ state: 'paused', pauseReason: expect.stringContaining('now points at another MoMo') });
    expect(services.localSandbox.running()?.ledger()).toHaveLength(0);
    // Pointed back, it goes on.
    expect(await make('["https://sandbox.momodeveloper.mtn.com","sandbox","EUR","sandbox","0123abcd"]').resume(batchId, fast)).toMatchObject({ state: 'finished', counts: { SUCCESSFUL: 2 } });
  });
});
