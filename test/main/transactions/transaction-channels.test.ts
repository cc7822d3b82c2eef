// Support's transactions through the real router and handlers, against the
// local sandbox (the emulator over HTTP, SQLite on disk): single operations of
// every kind, the transaction page's actions and each of their refusals, the
// remote lookup of an id the console never made, and search.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelResult } from '../../../preload/contract';
import { createHandlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { BatchRunner, DEFAULT_RUNNER_SETTINGS } from '../../../main/payouts/batch-runner';
import { BatchRepository } from '../../../main/store/batch-repository';
import { RunJournal } from '../../../main/store/run-journal';
import { startTestServices, type TestServices } from '../../support/test-services';

const ORIGIN = 'app://momo-console/index.html';
let services: TestServices;
type Answer<C extends keyof typeof channels> = { ok: true; value: ChannelResult<C> } | { ok: false; error: { code: string; message: string } };
let call: <C extends keyof typeof channels>(channel: C, args: unknown) => Promise<Answer<C>>;

beforeAll(async () => {
  services = await startTestServices({ localSandbox: { completeAfterMs: 0, deliveryNotificationWindowMs: 3_600_000 } });
  const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
    isTrustedSender: (url) => url === ORIGIN,
    logger: { error: () => {}, warn: () => {} },
  });
  call = async (channel, args) => (await router.handle(channel, ORIGIN, args)) as never;
});
afterAll(() => services.close());

const ledger = () => services.localSandbox.running()?.ledger() ?? [];
const value = <T,>(answer: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
};
/** Creates, then reads the status once (the emulator completes at once). */
async function made(args: Record<string, unknown>) {
  const created = value(await call('createTransaction', args));
  return value(await call('refreshTransaction', { referenceId: created.referenceId }));
}

describe('single operations', () => {
  it('a request to pay is stored before it is sent, sent once, and read to SUCCESSFUL with a timeline', async () => {
    const created = value(await call('createTransaction', { kind: 'collection.requesttopay', party: '+256 772 000 001', amount: '25', externalId: 'order-1001', payerMessage: 'Order 1001' }));
    expect(created).toMatchObject({ kind: 'collection.requesttopay', origin: 'console', status: 'PENDING', amount: '25', currency: 'EUR', partyType: 'MSISDN', partyId: '256772000001', externalId: 'order-1001' });
    const done = value(await call('refreshTransaction', { referenceId: created.referenceId }));
    expect(done.status).toBe('SUCCESSFUL');
    expect(done.financialTransactionId).toMatch(/\d+/);
    expect(done.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'exchange', 'accepted', 'status-refreshed']));
    expect(done.timeline[0]).toMatchObject({ kind: 'created', text: 'Reference id stored, before anything was sent' });
    expect(done.request).toMatchObject({ amount: '25', payer: { partyIdType: 'MSISDN', partyId: '256772000001' }, payerMessage: 'Order 1001' });
    expect(done.actions).toMatchObject({ deliveryNotification: true, refund: true, cancel: false });
    expect(ledger().filter((t) => t.referenceId === created.referenceId)).toHaveLength(1);
    // The kept request/response never carries the bearer token.
    const exchange = JSON.stringify(done.timeline.filter((e) => e.kind === 'exchange'));
    expect(exchange).not.toMatch(/Bearer [A-Za-z0-9]/);
  });

  it('every kind lands at MoMo under its own endpoint and is tracked to its status', async () => {
    const cases = [
      [{ kind: 'collection.requesttowithdraw.v1', party: '256772000002', amount: '5' }, 'requesttowithdraw'],
      [{ kind: 'collection.requesttowithdraw.v2', party: '256772000003', amount: '6' }, 'requesttowithdraw'],
      [{ kind: 'collection.payment', party: '256772000004', amount: '7' }, 'payment'],
      [{ kind: 'disbursement.transfer', party: '256772000005', amount: '8' }, 'transfer'],
      [{ kind: 'disbursement.deposit.v1', party: '256772000006', amount: '9' }, 'deposit'],
      [{ kind: 'disbursement.deposit.v2', party: '256772000007', amount: '10' }, 'deposit'],
      [{ kind: 'remittance.transfer', party: '256772000008', amount: '11' }, 'transfer'],
      [{ kind: 'remittance.cashtransfer', party: '256772000009', amount: '12' }, 'cashtransfer'],
    ] as const;
    for (const [args, ledgerKind] of cases) {
      const done = await made(args);
      expect(done, args.kind).toMatchObject({ kind: args.kind, status: 'SUCCESSFUL' });
      const entry = ledger().find((t) => t.referenceId === done.referenceId);
      expect(entry, args.kind).toMatchObject({ product: args.kind.split('.')[0], kind: ledgerKind, status: 'SUCCESSFUL' });
    }
  });

  it('an invoice and a pre-approval are created, read and cancelled', async () => {
    // The sandbox's "ongoing" number keeps the invoice open, so it can be cancelled.
    const invoice = value(await call('createTransaction', { kind: 'collection.invoice', party: '46733123453', amount: '30', payee: { partyType: 'MSISDN', party: '256772000011' }, validitySeconds: 3600, payerMessage: 'Invoice 7' }));
    expect(invoice.actions.cancel).toBe(true);
    const cancelled = value(await call('cancelTransaction', { referenceId: invoice.referenceId }));
    expect(cancelled, JSON.stringify(cancelled.timeline)).toMatchObject({ status: 'FAILED' });
    expect(cancelled.reason).toBe('TRANSACTION_CANCELED');
    expect(cancelled.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['cancel-requested', 'cancelled']));
    const again = await call('cancelTransaction', { referenceId: invoice.referenceId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    const approval = await made({ kind: 'collection.preapproval', party: '256772000012', payerMessage: 'Monthly', validitySeconds: 86400 });
    expect(approval).toMatchObject({ kind: 'collection.preapproval', status: 'SUCCESSFUL', amount: null, actions: { cancel: true } });
    const gone = value(await call('cancelTransaction', { referenceId: approval.referenceId }));
    expect(gone.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['cancel-requested', 'cancelled']));
    expect(gone).toMatchObject({ momoStatus: 'CANCELLED', actions: { cancel: false } });
  });

  it('bad input is refused naming the field, and nothing is stored or sent', async () => {
    const before = ledger().length;
    const count = () => (services.db.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;
    const stored = count();
    const party = await call('createTransaction', { kind: 'disbursement.transfer', party: '2.56772E+11', amount: '5' });
    expect(party).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!party.ok && party.error.message).toMatch(/^party: .*scientific notation/);
    const amount = await call('createTransaction', { kind: 'disbursement.transfer', party: '256772000001', amount: '5.001' });
    expect(!amount.ok && amount.error.message).toMatch(/^amount: .*more decimals than EUR allows/);
    const message = await call('createTransaction', { kind: 'disbursement.transfer', party: '256772000001', amount: '5', payerMessage: 'Tom & Jerry' });
    expect(!message.ok && message.error.message).toMatch(/^payerMessage: contains "&"/);
    const payee = await call('createTransaction', { kind: 'collection.invoice', party: '256772000001', amount: '5' });
    expect(!payee.ok && payee.error.message).toMatch(/^payee: /);
    const contract = await call('createTransaction', { kind: 'disbursement.transfer', party: '256772000001', amount: '-5' });
    expect(contract).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(ledger().length).toBe(before);
    expect(count()).toBe(stored);
  });

  it("MoMo's refusal of a payee ends FAILED with the reason in words an agent can read out", async () => {
    const done = await made({ kind: 'disbursement.transfer', party: '46733123457', amount: '3' });
    expect(done).toMatchObject({ status: 'FAILED', reason: 'PAYEE_NOT_FOUND' });
    expect(done.reasonText).toMatch(/no MoMo account/i);
    expect(done.actions).toMatchObject({ refund: false, deliveryNotification: false });
  });

  it('a production profile moves money only with its name typed again', async () => {
    const production = value(await call('createProfile', { name: 'MTN Uganda live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX' }));
    value(await call('activateProfile', { id: production.id, confirmName: 'MTN Uganda live' }));
    try {
      const refused = await call('createTransaction', { kind: 'disbursement.transfer', party: '256772000001', amount: '500' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
      expect((services.db.prepare("SELECT count(*) AS n FROM transactions WHERE profile_id = ?").get(production.id) as { n: number }).n).toBe(0);
    } finally {
      value(await call('activateProfile', { id: 'local-sandbox' }));
    }
  });
});

describe('transaction page actions', () => {
  let paid: ChannelResult<'getTransaction'>;
  beforeAll(async () => {
    paid = await made({ kind: 'collection.requesttopay', party: '256772000020', amount: '40', externalId: 'order-2001' });
  });

  it('checks the party: active, with the name MoMo has', async () => {
    const checked = value(await call('checkTransactionParty', { referenceId: paid.referenceId }));
    expect(checked).toMatchObject({ partyType: 'MSISDN', partyId: '256772000020', active: true });
    expect(checked.message).toMatch(/^An active MoMo account holder/);
    const missing = await made({ kind: 'disbursement.transfer', party: '46733123450', amount: '1' });
    expect(value(await call('checkTransactionParty', { referenceId: missing.referenceId }))).toMatchObject({ active: false, message: expect.stringMatching(/^Not an active/) });
  });

  it('sends a delivery notification once the payment is successful; a pending one, an over-long one and a late one are refused', async () => {
    const sent = value(await call('sendDeliveryNotification', { referenceId: paid.referenceId, message: 'Your order 2001 is on its way' }));
    expect(sent.timeline.at(-1)).toMatchObject({ kind: 'delivery-notification-sent', text: 'Delivery notification sent: "Your order 2001 is on its way"' });
    expect(ledger().find((t) => t.referenceId === paid.referenceId)?.deliveryNotifications).toBe(1);
    expect(await call('sendDeliveryNotification', { referenceId: paid.referenceId, message: 'x'.repeat(161) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const pending = value(await call('createTransaction', { kind: 'collection.requesttopay', party: '46733123453', amount: '2' }));
    expect(await call('sendDeliveryNotification', { referenceId: pending.referenceId, message: 'hi' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    // The store thinks it final but MoMo does not: MoMo's 409, explained.
    services.db.prepare("UPDATE transactions SET state = 'SUCCESSFUL' WHERE reference_id = ?").run(pending.referenceId);
    const conflict = await call('sendDeliveryNotification', { referenceId: pending.referenceId, message: 'hi' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'NOTIFICATION_REFUSED' } });
    expect(!conflict.ok && conflict.error.message).toMatch(/^MoMo refused \(409\)/);
  });

  it("explains MoMo's 410 (too late) and 429 (too many)", async () => {
    // A sandbox whose notification window has closed the moment a payment is final.
    const late = await startTestServices({ localSandbox: { completeAfterMs: 0, deliveryNotificationWindowMs: 0 } });
    try {
      const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services: late, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
        isTrustedSender: (url) => url === ORIGIN,
        logger: { error: () => {}, warn: () => {} },
      });
      const lateCall = async <C extends keyof typeof channels>(channel: C, args: unknown) => (await router.handle(channel, ORIGIN, args)) as Answer<C>;
      const created = value(await lateCall('createTransaction', { kind: 'collection.requesttopay', party: '256772000021', amount: '4' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      value(await lateCall('refreshTransaction', { referenceId: created.referenceId }));
      const gone = await lateCall('sendDeliveryNotification', { referenceId: created.referenceId, message: 'hi' });
      expect(gone.ok ? 'sent' : gone.error.message).toMatch(/^Too late \(410\)/);
      const url = late.localSandbox.running()?.url ?? '';
      await fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ method: 'POST', path: '/collection/v1_0/requesttopay/*', rate: 1, action: 'rate-limit', retryAfter: 0 }]) });
      const limited = await lateCall('sendDeliveryNotification', { referenceId: created.referenceId, message: 'hi' });
      expect(limited.ok ? 'sent' : limited.error.message).toMatch(/^MoMo is limiting notifications \(429\)/);
      const page = value(await lateCall('getTransaction', { referenceId: created.referenceId }));
      expect(page.timeline.filter((e) => e.kind === 'delivery-notification-refused')).toHaveLength(2);
    } finally {
      await late.close();
    }
  }, 30_000);

  it('refunds a successful collection only with the amount typed again, never beyond what was collected', async () => {
    const before = ledger().length;
    const untyped = await call('refundTransaction', { referenceId: paid.referenceId, amount: '15', typedAmount: '51' });
    expect(untyped).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    const tooMuch = await call('refundTransaction', { referenceId: paid.referenceId, amount: '41', typedAmount: '41' });
    expect(!tooMuch.ok && tooMuch.error.message).toMatch(/^amount: at most 40 EUR is left to refund/);
    expect(ledger().length).toBe(before);
    const refund = value(await call('refundTransaction', { referenceId: paid.referenceId, amount: '15', typedAmount: '15.00', version: 'v2' }));
    expect(refund).toMatchObject({ kind: 'disbursement.refund.v2', product: 'disbursement', amount: '15', partyId: '256772000020' });
    expect(ledger().find((t) => t.referenceId === refund.referenceId)).toMatchObject({ product: 'disbursement', kind: 'refund', amount: '15' });
    const original = value(await call('getTransaction', { referenceId: paid.referenceId }));
    expect(original.related).toEqual([{ referenceId: refund.referenceId, kind: 'disbursement.refund.v2', status: expect.any(String), relation: 'refund' }]);
    const rest = await call('refundTransaction', { referenceId: paid.referenceId, amount: '26', typedAmount: '26' });
    expect(!rest.ok && rest.error.message).toMatch(/at most 25 EUR is left/);
    const failed = await made({ kind: 'collection.requesttopay', party: '46733123450', amount: '3' });
    expect(await call('refundTransaction', { referenceId: failed.referenceId, amount: '3', typedAmount: '3' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const refundOfRefund = await call('refundTransaction', { referenceId: refund.referenceId, amount: '1', typedAmount: '1' });
    expect(refundOfRefund).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const message = await call('refundTransaction', { referenceId: paid.referenceId, amount: '1', typedAmount: '1', payerMessage: 'Tom & Jerry' });
    expect(!message.ok && message.error.message).toMatch(/^payerMessage: contains "&"/);
  });

  it('two refunds at once (a double click) cannot both pass: one is refused, MoMo sees one', async () => {
    const collected = await made({ kind: 'collection.requesttopay', party: '256772000022', amount: '40' });
    const both = await Promise.all([30, 30].map((amount) => call('refundTransaction', { referenceId: collected.referenceId, amount: String(amount), typedAmount: String(amount) })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^amount: at most 10 EUR is left/) } });
    const refunds = value(await call('getTransaction', { referenceId: collected.referenceId })).related;
    expect(refunds).toHaveLength(1);
    expect(ledger().filter((t) => refunds.some((r) => r.referenceId === t.referenceId))).toHaveLength(1);
  });
});

describe('lookup and search', () => {
  it('a reference id made elsewhere is looked up at MoMo and kept; one MoMo does not know is NOT_FOUND, naming where it looked', async () => {
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const elsewhere = randomUUID();
    expect((await client.remittance.transfer(elsewhere, { amount: '17', currency: 'EUR', externalId: 'made-by-a-script', payee: { partyIdType: 'MSISDN', partyId: '256772000030' } })).outcome).toBe('accepted');
    const found = value(await call('getTransaction', { referenceId: elsewhere.toUpperCase() }));
    expect(found).toMatchObject({ referenceId: elsewhere, origin: 'lookup', kind: 'remittance.transfer', amount: '17', externalId: 'made-by-a-script', partyId: '256772000030', status: 'SUCCESSFUL' });
    expect(found.timeline[0]).toMatchObject({ kind: 'found-at-momo' });
    const nowhere = randomUUID();
    const missing = await call('getTransaction', { referenceId: nowhere });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!missing.ok && missing.error.message).toContain('looked in collection, disbursement, remittance');
    const bad = await call('getTransaction', { referenceId: 'order-1001' });
    expect(!bad.ok && bad.error.message).toMatch(/^referenceId: "order-1001" is not a reference id/);
  });

  it('finds by phone however it is typed, by external id, e-mail, reference id, status, kind, dates and amount; payout rows included', async () => {
    const summary = await services.payouts.import('support.csv', new Uint8Array(Buffer.from('msisdn,amount,id\n256772000040,12.50,pay-1\n256772000041,13,pay-2\n')), 'local-sandbox');
    services.payouts.approve(summary.batchId, { typedTotal: summary.totals[0]?.amount ?? '0', acknowledged: [] });
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const runner = new BatchRunner({ journal: new RunJournal(services.db), batches: new BatchRepository(services.db), payouts: services.payouts, client, now: () => new Date() });
    expect(await runner.start(summary.batchId, { ...DEFAULT_RUNNER_SETTINGS, firstCheckMs: 10, ratePerSecond: 1000 })).toMatchObject({ state: 'finished' });
    const rtp = await made({ kind: 'collection.requesttopay', party: '256772000040', amount: '99', externalId: 'shop-77' });

    const byPhone = value(await call('searchTransactions', { text: '+256 (772) 000-040' }));
    expect(byPhone.interpretedAs).toContain('phone number +256772000040');
    expect(byPhone.rows.map((r) => [r.origin, r.kind, r.amount, r.status])).toEqual([
      ['console', 'collection.requesttopay', '99', 'SUCCESSFUL'],
      ['batch', 'disbursement.transfer', '12.50', 'SUCCESSFUL'],
    ]);
    expect(byPhone.rows[1]?.batchId).toBe(summary.batchId);
    expect(value(await call('searchTransactions', { text: 'shop-77' })).rows.map((r) => r.referenceId)).toEqual([rtp.referenceId]);
    expect(value(await call('searchTransactions', { text: rtp.referenceId.toUpperCase() })).rows.map((r) => r.referenceId)).toEqual([rtp.referenceId]);
    expect(value(await call('searchTransactions', { text: 'pay-2' })).rows.map((r) => r.partyId)).toEqual(['256772000041']);
    const failed = value(await call('searchTransactions', { status: 'FAILED', limit: 200 })).rows;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.status === 'FAILED')).toBe(true);
    const transfers = value(await call('searchTransactions', { kind: 'disbursement.transfer', minAmount: '12.5', maxAmount: '13', limit: 200 })).rows;
    expect(transfers.map((r) => r.amount).sort()).toEqual(['12.50', '13']);
    const today = new Date().toISOString().slice(0, 10);
    expect(value(await call('searchTransactions', { from: today, to: today, text: 'shop-77' })).rows).toHaveLength(1);
    expect(value(await call('searchTransactions', { to: '2020-01-01', text: 'shop-77' })).rows).toHaveLength(0);
    const precise = await call('searchTransactions', { minAmount: '12.505' });
    expect(!precise.ok && precise.error.message).toBe('minAmount: "12.505" has more decimals than EUR allows');
    const backwards = await call('searchTransactions', { from: today, to: '2020-01-01' });
    expect(!backwards.ok && backwards.error.message).toMatch(/^to: /);
    // Pages: newest first, and the next offset until there is no more.
    const first = value(await call('searchTransactions', { limit: 3 }));
    const second = value(await call('searchTransactions', { limit: 3, offset: first.nextOffset ?? 0 }));
    expect(first.nextOffset).toBe(3);
    expect((second.rows[0]?.createdAt ?? '') <= (first.rows[2]?.createdAt ?? '')).toBe(true);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.referenceId)).size).toBe(6);
  });

  it('refreshing a payout row from support goes through its batch, so the batch counts move too', async () => {
    const summary = await services.payouts.import('support-2.csv', new Uint8Array(Buffer.from('msisdn,amount,id\n256772000045,4,row-x\n')), 'local-sandbox');
    services.payouts.approve(summary.batchId, { typedTotal: summary.totals[0]?.amount ?? '0', acknowledged: [] });
    const client = await services.clients.clientFor(services.profiles.get('local-sandbox'));
    const runner = new BatchRunner({ journal: new RunJournal(services.db), batches: new BatchRepository(services.db), payouts: services.payouts, client, now: () => new Date() });
    // Sent, not waited for: the row stays PENDING in the batch.
    expect((await runner.start(summary.batchId, { ...DEFAULT_RUNNER_SETTINGS, noWait: true, ratePerSecond: 1000 })).counts).toMatchObject({ PENDING: 1 });
    const row = value(await call('searchTransactions', { text: 'row-x' })).rows[0];
    expect(row).toMatchObject({ origin: 'batch', status: 'PENDING' });
    const refreshed = value(await call('refreshTransaction', { referenceId: row?.referenceId }));
    expect(refreshed.status).toBe('SUCCESSFUL');
    expect(value(await call('getBatchRun', { batchId: summary.batchId })).counts).toMatchObject({ SUCCESSFUL: 1, PENDING: 0 });
  });
});
