// The runner in-process against the emulator: every row paid once, statuses
// tracked to final, the journal's chain intact, and a crash between "id
// stored" and "POST sent" recovered by GET before anything new is sent.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
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
      rows.map((row, i) => ({ rowIndex: row.index, referenceId: ids[i] ?? '', attempt: 1, operation: 'transfer', body: { amount: String(Number(row.amountMinor) / 100), currency: 'EUR', externalId: row.externalId, payee: { partyIdType: 'MSISDN', partyId: row.partyId } } })),
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
