// The money rules for payments made one at a time, against the emulator: a
// crash between storing the id and sending is recovered by GET first (404 →
// the same id again, found → adopted); a dropped answer never pays twice;
// statuses are read with backoff until final, or UNKNOWN after the window.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TransactionRepository, type TransactionRecord } from '../../../main/store/transaction-repository';
import { TransactionService } from '../../../main/transactions/transaction-service';
import { toDetail } from '../../../main/transactions/transaction-views';
import { startTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
afterEach(() => services?.close());

async function setUp(completeAfterMs: number, window: { unknownAfterMs?: number } = {}, callbackPort?: number) {
  services = await startTestServices({ localSandbox: { completeAfterMs }, ...(callbackPort !== undefined ? { callbackPort } : {}) });
  const repo = new TransactionRepository(services.db);
  const moved: TransactionRecord[] = [];
  const service = new TransactionService({ repo, profiles: services.profiles, clients: services.clients, logger: services.logger, schedule: { firstCheckMs: 20, maxCheckMs: 80, ...window }, onStatus: (r) => moved.push(r) });
  const ledger = () => services.localSandbox.running()?.ledger() ?? [];
  return { repo, service, moved, ledger };
}

/** What a crash right after the durable insert leaves behind: a reserved transaction, maybe sent, maybe not. */
function reserved(repo: TransactionRepository, referenceId: string, party: string, connection = '["local-sandbox","sandbox","EUR","local"]', profileId = 'local-sandbox', createdAt = new Date().toISOString()) {
  repo.insert(
    {
      referenceId,
      profileId,
      kind: 'disbursement.transfer',
      product: 'disbursement',
      origin: 'console',
      batchId: null,
      rowIndex: null,
      externalId: `crash-${party}`,
      partyType: 'MSISDN',
      partyId: party,
      amountMinor: 700n,
      currency: 'EUR',
      state: 'reserved',
      momoStatus: null,
      reason: null,
      financialTransactionId: null,
      body: { amount: '7', currency: 'EUR', externalId: `crash-${party}`, payee: { partyIdType: 'MSISDN', partyId: party }, payerMessage: '', payeeNote: '' },
      relatedReferenceId: null,
      connection,
      createdAt,
    },
    { kind: 'created', details: {} },
  );
}

async function trackUntilFinal(service: TransactionService, repo: TransactionRepository, ids: string[]) {
  for (let round = 0; round < 200; round += 1) {
    if (ids.every((id) => ['SUCCESSFUL', 'FAILED', 'UNKNOWN'].includes(repo.get(id)?.state ?? ''))) return;
    await service.tracker.track();
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

describe('single transactions: recovery and tracking', () => {
  it('after a crash, a stored id MoMo never got is sent under the same id, and one it got is adopted: one payment each', async () => {
    const { repo, service, ledger } = await setUp(0);
    const [unsent, sent] = [randomUUID(), randomUUID()];
    reserved(repo, unsent, '256772000050');
    reserved(repo, sent, '256772000051');
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    expect((await client.create('disbursement.transfer', sent, repo.get(sent)?.body as never)).outcome).toBe('accepted');
    await service.tracker.recover();
    await trackUntilFinal(service, repo, [unsent, sent]);
    expect(ledger().filter((t) => t.referenceId === unsent)).toHaveLength(1);
    expect(ledger().filter((t) => t.referenceId === sent)).toHaveLength(1);
    expect(ledger()).toHaveLength(2);
    expect(repo.get(unsent)?.state).toBe('SUCCESSFUL');
    expect(repo.get(sent)?.state).toBe('SUCCESSFUL');
    expect(repo.timeline(unsent).map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'reconciled-not-received', 'accepted', 'status-final']));
    expect(repo.timeline(sent).map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'reconciled-found']));
    expect(repo.timeline(sent).map((e) => e.kind)).not.toContain('accepted');
  });

  it('an answer lost after MoMo took the payment is looked up, not paid again', async () => {
    const { repo, service, ledger } = await setUp(0);
    // The local sandbox starts with the profile's first client.
    await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const url = services.localSandbox.running()?.url ?? '';
    await fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ method: 'POST', path: '/disbursement/v1_0/transfer', rate: 1, action: 'drop-after-accept' }]) });
    const created = await service.create({ kind: 'disbursement.transfer', party: '256772000052', partyType: 'MSISDN', amount: '8', payerMessage: '', payeeNote: '' });
    await fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    await trackUntilFinal(service, repo, [created.referenceId]);
    expect(ledger().filter((t) => t.referenceId === created.referenceId)).toHaveLength(1);
    expect(ledger()).toHaveLength(1);
    expect(repo.get(created.referenceId)?.state).toBe('SUCCESSFUL');
  });

  it('reads with backoff until final, telling the window each move', async () => {
    const { repo, service, moved } = await setUp(250);
    const created = await service.create({ kind: 'collection.requesttopay', party: '256772000053', partyType: 'MSISDN', amount: '9', payerMessage: '', payeeNote: '' });
    expect(created.state).toBe('accepted');
    await trackUntilFinal(service, repo, [created.referenceId]);
    const record = repo.get(created.referenceId);
    expect(record).toMatchObject({ state: 'SUCCESSFUL', financialTransactionId: expect.any(String) });
    expect(record?.checks).toBeGreaterThan(0);
    expect(moved.map((r) => r.state)).toEqual(expect.arrayContaining(['accepted', 'SUCCESSFUL']));
  });

  it('a payment with no final status within the window becomes UNKNOWN with the reason, never FAILED', async () => {
    const { repo, service } = await setUp(0, { unknownAfterMs: 60 });
    const created = await service.create({ kind: 'disbursement.transfer', party: '46733123453', partyType: 'MSISDN', amount: '2', payerMessage: '', payeeNote: '' });
    await trackUntilFinal(service, repo, [created.referenceId]);
    expect(repo.get(created.referenceId)).toMatchObject({ state: 'UNKNOWN', reason: 'no final status within 0 min' });
  });

  it('a payment with no clear outcome shows UNKNOWN ("do not pay again"), is settled within the session, and ends with no stale reason', async () => {
    const { repo, service, ledger } = await setUp(0);
    await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const url = services.localSandbox.running()?.url ?? '';
    const faults = (rules: unknown[]) => fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
    await faults([{ method: 'POST', path: '/disbursement/v1_0/transfer', rate: 1, action: 'error', status: 500 }]);
    const created = await service.create({ kind: 'disbursement.transfer', party: '256772000054', partyType: 'MSISDN', amount: '6', payerMessage: '', payeeNote: '' });
    expect(created.state).toBe('unresolved');
    const shown = toDetail(created, repo.timeline(created.referenceId), [], services.profiles.get('local-sandbox'));
    expect(shown.status).toBe('UNKNOWN');
    expect(shown.reasonText).toContain('Do not make this payment again');
    expect(ledger()).toHaveLength(0);
    await faults([]);
    await trackUntilFinal(service, repo, [created.referenceId]);
    expect(ledger().filter((t) => t.referenceId === created.referenceId)).toHaveLength(1);
    expect(repo.get(created.referenceId)).toMatchObject({ state: 'SUCCESSFUL', reason: null });
    expect(repo.timeline(created.referenceId).map((e) => e.kind)).toEqual(expect.arrayContaining(['unknown', 'reconciled-not-received', 'accepted', 'status-final']));
  });

  it('nothing is sent again when the profile now points at another MoMo, or is gone: UNKNOWN, saying why', async () => {
    const { repo, service, ledger } = await setUp(0);
    const [moved, orphan] = [randomUUID(), randomUUID()];
    reserved(repo, moved, '256772000055', JSON.stringify(['https://proxy.momoapi.mtn.com', 'mtnuganda', 'UGX', 'production']));
    reserved(repo, orphan, '256772000056', '["local-sandbox","sandbox","EUR","local"]', 'a-deleted-profile');
    await service.tracker.recover();
    expect(ledger()).toHaveLength(0);
    expect(repo.get(moved)).toMatchObject({ state: 'UNKNOWN', reason: expect.stringMatching(/^NOT_RESENT: Local sandbox now points at another MoMo/) });
    expect(repo.get(orphan)).toMatchObject({ state: 'UNKNOWN', reason: expect.stringMatching(/^NOT_RESENT: the profile it was made with is gone/) });
  });

  it("MoMo's callback for a payment made one at a time makes the console read it at once", async () => {
    const { repo } = await setUp(200, {}, 0);
    const slow = new TransactionService({ repo, profiles: services.profiles, clients: services.clients, logger: services.logger, schedule: { firstCheckMs: 60_000 } });
    const created = await slow.create({ kind: 'collection.requesttopay', party: '256772000057', partyType: 'MSISDN', amount: '3', payerMessage: '', payeeNote: '' });
    expect(created.state).toBe('accepted');
    // Without the callback the first read would wait a minute.
    await expect.poll(() => services.callbacks.receiver?.received() ?? 0, { timeout: 5000 }).toBe(1);
    expect(await slow.tracker.track()).toBe(1);
    expect(repo.get(created.referenceId)?.state).toBe('SUCCESSFUL');
  });

  it('one resent late in its window gets a whole window from when MoMo accepted it, not from when its id was stored', async () => {
    // Final only after 1.5 s: the first reads see PENDING, when the window decides.
    services = await startTestServices({ localSandbox: { completeAfterMs: 1500 } });
    const repo = new TransactionRepository(services.db);
    let offset = 0;
    const service = new TransactionService({ repo, profiles: services.profiles, clients: services.clients, logger: services.logger, schedule: { firstCheckMs: 20, maxCheckMs: 80, unknownAfterMs: 60 * 60_000 }, now: () => new Date(Date.now() + offset) });
    const id = randomUUID();
    reserved(repo, id, '256772000058', undefined, undefined, new Date(Date.now() - 50 * 60_000).toISOString());
    await service.tracker.recover();
    expect(repo.get(id)?.state).toBe('accepted');
    // Twenty minutes on: seventy since the id was stored, twenty since MoMo took it.
    offset = 20 * 60_000;
    await trackUntilFinal(service, repo, [id]);
    expect(repo.get(id)).toMatchObject({ state: 'SUCCESSFUL', acceptedAt: expect.any(String) });
    expect(services.localSandbox.running()?.ledger()).toHaveLength(1);
  });

  it('one stored days ago that MoMo never received is not sent now: UNKNOWN, saying so', async () => {
    const { repo, service, ledger } = await setUp(0, { unknownAfterMs: 60 * 60_000 });
    const id = randomUUID();
    reserved(repo, id, '256772000059', undefined, undefined, new Date(Date.now() - 2 * 86_400_000).toISOString());
    await service.tracker.recover();
    expect(ledger()).toHaveLength(0);
    expect(repo.get(id)).toMatchObject({ state: 'UNKNOWN', reason: 'NOT_RESENT: MoMo never received it, and it was not sent again after 1 h' });
  });

  it('one look at a time: a refresh, the loop and another refresh settling the same payment send it once', async () => {
    const { repo, service, ledger } = await setUp(0);
    await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const url = services.localSandbox.running()?.url ?? '';
    const id = randomUUID();
    reserved(repo, id, '256772000064');
    repo.update(id, { state: 'unresolved', reason: 'POST /disbursement/v1_0/transfer answered 500', nextCheckAt: new Date(0).toISOString() }, { kind: 'unknown', details: {} }, new Date().toISOString());
    await fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ method: 'POST', path: '/disbursement/v1_0/transfer', rate: 1, action: 'delay', ms: 300 }]) });
    await Promise.all([service.refresh(id), service.tracker.track(), service.refresh(id)]);
    const stats = ((await (await fetch(`${url}/_sandbox/stats`)).json()) as { requests: Record<string, number> }).requests;
    expect(stats['POST /disbursement/v1_0/transfer']).toBe(1);
    expect(ledger()).toHaveLength(1);
    // MoMo's answer replaced the error noted on the way.
    expect(repo.get(id)).toMatchObject({ state: 'accepted', reason: null });
  });

  it("a failure MoMo reports replaces the console's own error as the reason", async () => {
    const { repo, service } = await setUp(0);
    const id = randomUUID();
    reserved(repo, id, '46733123450');
    repo.update(id, { state: 'unresolved', reason: 'POST /disbursement/v1_0/transfer answered 500', nextCheckAt: new Date(0).toISOString() }, { kind: 'unknown', details: {} }, new Date().toISOString());
    await trackUntilFinal(service, repo, [id]);
    expect(repo.get(id)).toMatchObject({ state: 'FAILED', reason: 'INTERNAL_PROCESSING_ERROR' });
  });

  it('a transaction whose profile now reaches another MoMo is neither read nor acted on from here', async () => {
    const { repo, service } = await setUp(0);
    const id = randomUUID();
    reserved(repo, id, '256772000065', JSON.stringify(['https://proxy.momoapi.mtn.com', 'mtnuganda', 'UGX', 'production', 'abc']));
    repo.update(id, { state: 'accepted', nextCheckAt: new Date(0).toISOString() }, { kind: 'accepted', details: {} }, new Date().toISOString());
    await expect(service.refresh(id)).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('now points at another MoMo') });
    await expect(service.checkParty(id)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await service.tracker.track();
    expect(repo.get(id)).toMatchObject({ state: 'UNKNOWN', reason: expect.stringMatching(/^NOT_CHECKED: Local sandbox now points at another MoMo/) });
  });

  it('a failure inside the console on one transaction does not stop the others from being recovered; it is tried again later', async () => {
    const { repo, service, ledger } = await setUp(0);
    const sandbox = await services.profiles.create({ name: 'Other sandbox', kind: 'sandbox', baseUrl: 'http://127.0.0.1:9', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} });
    const [broken, fine] = [randomUUID(), randomUUID()];
    reserved(repo, broken, '256772000066', undefined, sandbox.id);
    reserved(repo, fine, '256772000067');
    const real = services.store.get.bind(services.store);
    // The keychain fails for the other profile's secrets only.
    services.store.get = async (account) => {
      if (account.includes(sandbox.id)) throw new Error('the keychain is locked');
      return real(account);
    };
    await service.tracker.recover();
    expect(ledger().map((t) => t.referenceId)).toEqual([fine]);
    expect(repo.get(broken)).toMatchObject({ state: 'unresolved', checks: 1 });
    expect(repo.timeline(broken).map((e) => e.kind)).toContain('recover-failed');
  });

  it('a transaction found at MoMo still pending is followed to final by reading only, never sent', async () => {
    // Final after 2 s: the lookup (a GET per kind until found) finds it still pending.
    const { repo, service, ledger } = await setUp(2000);
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const elsewhere = randomUUID();
    expect((await client.disbursement.transfer(elsewhere, { amount: '9', currency: 'EUR', externalId: 'script-9', payee: { partyIdType: 'MSISDN', partyId: '256772000068' } })).outcome).toBe('accepted');
    const found = await service.get(elsewhere);
    expect(found).toMatchObject({ origin: 'lookup', state: 'accepted', nextCheckAt: expect.any(String) });
    await trackUntilFinal(service, repo, [elsewhere]);
    expect(repo.get(elsewhere)?.state).toBe('SUCCESSFUL');
    const url = services.localSandbox.running()?.url ?? '';
    const stats = ((await (await fetch(`${url}/_sandbox/stats`)).json()) as { requests: Record<string, number> }).requests;
    expect(stats['POST /disbursement/v1_0/transfer']).toBe(1);
    expect(ledger()).toHaveLength(1);
  });
});
