// Transactions against a fake window.momo: search with filters, the results
// table, a transaction's page with its reason, timeline and request, the
// actions on it (refresh, check the party, delivery notification, refund),
// a reference id looked up at MoMo, a new payment, refusals in the banner and
// statuses pushed by main.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelArgs, EventPayload, IpcResult, MomoApi, TransactionDetail } from '../../../preload/contract';
import { TransactionsArea } from '../../../renderer/src/areas/transactions-area';
import { ErrorBanner } from '../../../renderer/src/components/error-banner';
import { createAppStores, StoresProvider } from '../../../renderer/src/stores/app-stores';
import { createFakeMomoApi, defaultAnswers, FAKE_NEW_ID, FAKE_REFUND_ID, FAKE_TRANSACTIONS } from '../fake-momo-api';

afterEach(cleanup);

const [PAID, FAILED, PENDING] = FAKE_TRANSACTIONS.map((t) => t.referenceId) as [string, string, string];
const UNKNOWN_ID = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

/** The fake's own detail of a transaction, to change in an override. */
function detailOf(referenceId: string): TransactionDetail {
  const answer = (defaultAnswers.getTransaction as (args: ChannelArgs<'getTransaction'>) => IpcResult<TransactionDetail>)({ referenceId });
  if (!answer.ok) throw new Error('the fake has no such transaction');
  return answer.value;
}

function renderTransactions(fake = createFakeMomoApi(), profile?: 'production') {
  const stores = createAppStores(fake.api);
  render(
    <StoresProvider stores={stores}>
      <ErrorBanner />
      <TransactionsArea />
    </StoresProvider>,
  );
  const user = userEvent.setup();
  const callsTo = (channel: string) => fake.calls.filter((call) => call.channel === channel).map((call) => call.args);
  return { ...fake, stores, user, callsTo, profile };
}

type Rendered = ReturnType<typeof renderTransactions>;

async function searchFor({ user }: Rendered, text = '') {
  const form = screen.getByRole('form', { name: 'Search transactions' });
  const box = within(form).getByLabelText('Phone, email, reference or external id');
  await user.clear(box);
  if (text) await user.type(box, text);
  await user.click(within(form).getByRole('button', { name: 'Search' }));
}

async function openTransaction(rendered: Rendered, referenceId: string) {
  await searchFor(rendered);
  const table = await screen.findByRole('table', { name: 'Transactions' });
  await rendered.user.click(within(table).getByRole('button', { name: referenceId }));
  return screen.findByRole('region', { name: `Transaction ${referenceId}` });
}

describe('Transactions: search', () => {
  it('sends the typed text and every filter, says how it was read, and lists the rows', async () => {
    const rendered = renderTransactions();
    const { user, callsTo } = rendered;
    const form = screen.getByRole('form', { name: 'Search transactions' });
    await user.type(within(form).getByLabelText('Phone, email, reference or external id'), '0772 000001');
    await user.selectOptions(within(form).getByLabelText('Status'), 'Failed');
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Transfer');
    await user.type(within(form).getByLabelText('From'), '2026-12-01');
    await user.type(within(form).getByLabelText('To'), '2026-12-31');
    await user.type(within(form).getByLabelText('Min amount'), '10');
    await user.type(within(form).getByLabelText('Max amount'), '100.50');
    await user.click(within(form).getByRole('button', { name: 'Search' }));
    expect(callsTo('searchTransactions')).toEqual([
      { text: '0772 000001', status: 'FAILED', kind: 'disbursement.transfer', from: '2026-12-01', to: '2026-12-31', minAmount: '10', maxAmount: '100.50', offset: 0, limit: 50 },
    ]);
    const results = await screen.findByRole('region', { name: 'Search results' });
    expect(results.textContent).toContain('Searched for phone number +0772000001');
    const table = within(results).getByRole('table', { name: 'Transactions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    const [row] = rows as [HTMLElement];
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(1)).toEqual(['Transfer', '256772000001', '40.00 EUR', 'Failed', 'PAYEE_NOT_FOUND', 'ext-2', FAILED]);
    expect(row.querySelector('.status-dot--bad')).not.toBeNull();
    expect(within(row).getByRole('button', { name: FAILED })).toBeTruthy();
  });

  it('does not send amounts that are not amounts', async () => {
    const { user, callsTo } = renderTransactions();
    const form = screen.getByRole('form', { name: 'Search transactions' });
    await user.type(within(form).getByLabelText('Min amount'), '1,000');
    await user.click(within(form).getByRole('button', { name: 'Search' }));
    expect(callsTo('searchTransactions')).toEqual([]);
    expect(form.textContent).toContain('Min amount “1,000” is not an amount');
    expect(within(form).getByLabelText('Min amount').getAttribute('aria-invalid')).toBe('true');
  });

  it('says in words when nothing matches', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ searchTransactions: { ok: true, value: { rows: [], nextOffset: null, interpretedAs: 'email a@b.example' } } }));
    await searchFor(rendered, 'a@b.example');
    const results = await screen.findByRole('region', { name: 'Search results' });
    expect(results.textContent).toContain('Searched for email a@b.example: no transactions found.');
    expect(results.textContent).toContain('No transactions match this search');
    expect(within(results).queryByRole('table')).toBeNull();
  });

  it('“Show more” asks for the next page and appends it', async () => {
    const rendered = renderTransactions(
      createFakeMomoApi({
        searchTransactions: (args) => ({
          ok: true,
          value: (args.offset ?? 0) === 0 ? { rows: FAKE_TRANSACTIONS.slice(0, 2), nextOffset: 2, interpretedAs: 'all transactions' } : { rows: FAKE_TRANSACTIONS.slice(2), nextOffset: null, interpretedAs: 'all transactions' },
        }),
      }),
    );
    await searchFor(rendered);
    const table = await screen.findByRole('table', { name: 'Transactions' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await rendered.user.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(rendered.callsTo('searchTransactions').at(-1)).toEqual({ offset: 2, limit: 50 });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('a refused search shows in the error banner', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ searchTransactions: { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'text: at most 256 characters' } } }));
    await searchFor(rendered, 'x');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Some of what was sent is not valid');
    expect(alert.textContent).toContain('text: at most 256 characters');
    expect(screen.queryByRole('table', { name: 'Transactions' })).toBeNull();
  });

  it('a reference id the console does not know is looked up at MoMo and opened', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ searchTransactions: { ok: true, value: { rows: [], nextOffset: null, interpretedAs: `reference id ${UNKNOWN_ID}` } } }));
    await searchFor(rendered, UNKNOWN_ID);
    const page = await screen.findByRole('region', { name: `Transaction ${UNKNOWN_ID}` });
    expect(rendered.callsTo('getTransaction')).toEqual([{ referenceId: UNKNOWN_ID }]);
    expect(page.textContent).toContain('Request to pay');
  });

  it('a reference id MoMo does not know either is said so, with MoMo’s answer in the banner', async () => {
    const rendered = renderTransactions(
      createFakeMomoApi({
        searchTransactions: { ok: true, value: { rows: [], nextOffset: null, interpretedAs: `reference id ${UNKNOWN_ID}` } },
        getTransaction: { ok: false, error: { code: 'NOT_FOUND', message: 'No product at MoMo knows this reference id.' } },
      }),
    );
    await searchFor(rendered, UNKNOWN_ID);
    expect((await screen.findByRole('alert')).textContent).toContain('No product at MoMo knows this reference id.');
    expect(screen.getByRole('status', { name: 'Lookup at MoMo' }).textContent).toContain(`MoMo does not know reference id ${UNKNOWN_ID} either`);
  });

  it('a known reference id is listed, not looked up again', async () => {
    const rendered = renderTransactions();
    await searchFor(rendered, PAID);
    await screen.findByRole('table', { name: 'Transactions' });
    expect(rendered.callsTo('getTransaction')).toEqual([]);
  });
});

describe('Transactions: a transaction’s page', () => {
  it('shows the reason in words, the facts, the timeline and the request as sent, and goes back to the results', async () => {
    const rendered = renderTransactions();
    const page = await openTransaction(rendered, FAILED);
    expect(rendered.callsTo('getTransaction')).toEqual([{ referenceId: FAILED }]);
    expect(within(page).getByLabelText('Reason').textContent).toContain('The number receiving the money has no MoMo account.');
    expect(within(page).getByLabelText('Reason').textContent).toContain('PAYEE_NOT_FOUND');
    expect(page.textContent).toContain('No — MoMo says this failed.');
    const facts = page.querySelector('dl.facts');
    expect(facts?.textContent).toContain('Transfer');
    expect(facts?.textContent).toContain('ext-2');
    const timeline = within(page).getByRole('list', { name: 'Timeline' });
    expect(timeline.tagName).toBe('OL');
    expect(within(timeline).getAllByRole('listitem').map((item) => item.querySelector('span')?.textContent)).toEqual([
      'Reference id stored before sending',
      'MoMo accepted the request (202)',
      'MoMo says FAILED',
    ]);
    expect(timeline.querySelectorAll('details')).toHaveLength(1);
    const request = [...page.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === 'Request as sent');
    expect(request?.querySelector('pre')?.textContent).toContain('"externalId": "ext-2"');
    // Only the actions main allows are offered.
    expect(within(page).getByRole('button', { name: 'Refresh status' })).toBeTruthy();
    expect(within(page).queryByRole('button', { name: 'Refund…' })).toBeNull();
    expect(within(page).queryByRole('button', { name: 'Send delivery notification' })).toBeNull();
    await rendered.user.click(within(page).getByRole('button', { name: 'Back to results' }));
    expect(screen.getByRole('table', { name: 'Transactions' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: `Transaction ${FAILED}` })).toBeNull();
  });

  it('shows the batch a payout row came from', async () => {
    const page = await openTransaction(renderTransactions(), PENDING);
    expect(page.querySelector('dl.facts')?.textContent).toContain('batch-1');
    expect(page.textContent).toContain('Not yet — MoMo has not finished it.');
  });

  it('“Refresh status” asks main to read MoMo again and shows the new status', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ refreshTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), status: 'SUCCESSFUL', reason: null, reasonText: null } }) }));
    const page = await openTransaction(rendered, FAILED);
    await rendered.user.click(within(page).getByRole('button', { name: 'Refresh status' }));
    expect(rendered.callsTo('refreshTransaction')).toEqual([{ referenceId: FAILED }]);
    await within(page).findByText('Yes — MoMo says this went through.');
    expect(within(page).queryByLabelText('Reason')).toBeNull();
  });

  it('a refused refresh shows in the banner and the page stays', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ refreshTransaction: { ok: false, error: { code: 'UNAVAILABLE', message: 'MoMo did not answer in 30 s.' } } }));
    const page = await openTransaction(rendered, FAILED);
    await rendered.user.click(within(page).getByRole('button', { name: 'Refresh status' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('MoMo did not answer in 30 s.');
    expect(alert.textContent).toContain('UNAVAILABLE');
    expect(screen.getByRole('region', { name: `Transaction ${FAILED}` })).toBeTruthy();
  });

  it('“Check the party” shows the account holder’s name and whether the account is active', async () => {
    const rendered = renderTransactions();
    const page = await openTransaction(rendered, PAID);
    await rendered.user.click(within(page).getByRole('button', { name: 'Check the party' }));
    expect(rendered.callsTo('checkTransactionParty')).toEqual([{ referenceId: PAID }]);
    const check = await within(page).findByRole('status', { name: 'Party check' });
    expect(check.textContent).toContain('An active MoMo account holder: Sand Box.');
    expect(check.textContent).toContain('NameSand Box');
    expect(check.textContent).toContain('Active account holderYes');
  });

  it('a delivery notification counts its characters, cannot be sent empty or over 160, and is sent', async () => {
    const rendered = renderTransactions();
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    const form = within(page).getByRole('form', { name: 'Delivery notification' });
    const box = within(form).getByLabelText('Delivery notification message');
    const send = within(form).getByRole('button', { name: 'Send delivery notification' });
    expect(form.textContent).toContain('0/160');
    expect(send).toHaveProperty('disabled', true);
    await user.click(box);
    await user.paste('x'.repeat(161));
    expect(form.textContent).toContain('161/160');
    expect(send).toHaveProperty('disabled', true);
    await user.keyboard('{Backspace}');
    expect(form.textContent).toContain('160/160');
    expect(send).toHaveProperty('disabled', false);
    await user.clear(box);
    await user.type(box, 'Your goods are on the way.');
    expect(form.textContent).toContain('26/160');
    await user.click(send);
    expect(rendered.callsTo('sendDeliveryNotification')).toEqual([{ referenceId: PAID, message: 'Your goods are on the way.' }]);
    await within(form).findByText('Delivery notification sent.');
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('a refund needs the amount typed again, then opens the refund’s page', async () => {
    const rendered = renderTransactions();
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Amount to refund/).value).toBe('25.00');
    const confirm = within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' });
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.01');
    expect(dialog.textContent).toContain('The amounts differ.');
    expect(confirm).toHaveProperty('disabled', true);
    await user.click(confirm);
    expect(rendered.callsTo('refundTransaction')).toEqual([]);
    await user.clear(within(dialog).getByLabelText('Type the amount again to approve'));
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    await user.selectOptions(within(dialog).getByLabelText('Refund API version'), 'v2');
    await user.type(within(dialog).getByLabelText('Payer message'), 'Refund of order 12');
    expect(confirm).toHaveProperty('disabled', false);
    await user.click(confirm);
    expect(rendered.callsTo('refundTransaction')).toEqual([{ referenceId: PAID, amount: '25.00', typedAmount: '25.00', version: 'v2', payerMessage: 'Refund of order 12', payeeNote: '' }]);
    const refund = await screen.findByRole('region', { name: `Transaction ${FAKE_REFUND_ID}` });
    expect(refund.querySelector('h2')?.textContent).toContain('Refund v1');
  });

  it('a refund may be smaller but not larger than the original', async () => {
    const rendered = renderTransactions();
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    const amount = within(dialog).getByLabelText(/Amount to refund/);
    await user.clear(amount);
    await user.type(amount, '30');
    expect(dialog.textContent).toContain('More than the original 25.00 EUR.');
    await user.clear(amount);
    await user.type(amount, '10.5');
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '10.50');
    await user.click(within(dialog).getByRole('button', { name: 'Refund 10.5 EUR' }));
    expect(rendered.callsTo('refundTransaction')).toEqual([{ referenceId: PAID, amount: '10.5', typedAmount: '10.50', version: 'v1', payerMessage: '', payeeNote: '' }]);
  });

  it('on a production profile a refund also needs the profile name', async () => {
    const fake = createFakeMomoApi({ getActiveProfile: { ok: true, value: { id: 'uganda', name: 'MTN Uganda live', kind: 'production', environment: 'mtnuganda', currency: 'UGX' } } });
    const rendered = renderTransactions(fake);
    await act(() => rendered.stores.session.getState().load());
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    const confirm = within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' });
    expect(confirm).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByLabelText('Type the profile name to confirm'), 'MTN Uganda live');
    await user.click(confirm);
    expect(rendered.callsTo('refundTransaction')).toEqual([{ referenceId: PAID, amount: '25.00', typedAmount: '25.00', version: 'v1', payerMessage: '', payeeNote: '', confirmName: 'MTN Uganda live' }]);
  });

  it('related transactions open by their reference id', async () => {
    const rendered = renderTransactions(
      createFakeMomoApi({
        getTransaction: (args) => ({
          ok: true,
          value: args.referenceId === PAID ? { ...detailOf(PAID), related: [{ referenceId: FAKE_REFUND_ID, kind: 'disbursement.refund.v1', status: 'SUCCESSFUL', relation: 'Refunded by' }] } : detailOf(args.referenceId),
        }),
      }),
    );
    const page = await openTransaction(rendered, PAID);
    const related = within(page).getByRole('region', { name: 'Related transactions' });
    expect(related.textContent).toContain('Refunded by: Refund v1, Successful');
    await rendered.user.click(within(related).getByRole('button', { name: FAKE_REFUND_ID }));
    await screen.findByRole('region', { name: `Transaction ${FAKE_REFUND_ID}` });
    expect(rendered.callsTo('getTransaction').at(-1)).toEqual({ referenceId: FAKE_REFUND_ID });
  });

  it('cancelling asks for confirmation first', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ getTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), kind: 'collection.invoice', actions: { refresh: true, checkParty: false, deliveryNotification: false, refund: false, cancel: true } } }) }));
    const { user } = rendered;
    const page = await openTransaction(rendered, PENDING);
    await user.click(within(page).getByRole('button', { name: 'Cancel transaction…' }));
    const confirm = within(page).getByRole('dialog', { name: 'Cancel the transaction' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(rendered.callsTo('cancelTransaction')).toEqual([]);
    await user.click(within(page).getByRole('button', { name: 'Cancel transaction…' }));
    await user.click(within(page).getByRole('button', { name: 'Yes, cancel it' }));
    expect(rendered.callsTo('cancelTransaction')).toEqual([{ referenceId: PENDING }]);
  });

  it('re-reads the open transaction when main reports its status changed, and only that one', async () => {
    let status: TransactionDetail['status'] = 'PENDING';
    const fake = createFakeMomoApi({ getTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), status } }) });
    const listeners = new Set<(payload: EventPayload<'transactionStatus'>) => void>();
    (fake.api as MomoApi).onTransactionStatus = (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    };
    const push = async (payload: EventPayload<'transactionStatus'>) => act(async () => listeners.forEach((listener) => listener(payload)));
    const rendered = renderTransactions(fake);
    const page = await openTransaction(rendered, PENDING);
    expect(listeners.size).toBe(1);
    expect(rendered.callsTo('getTransaction')).toHaveLength(1);
    await push({ referenceId: PAID, status: 'SUCCESSFUL', at: '2026-12-01T12:00:00.000Z' });
    expect(rendered.callsTo('getTransaction')).toHaveLength(1);
    status = 'SUCCESSFUL';
    await push({ referenceId: PENDING, status: 'SUCCESSFUL', at: '2026-12-01T12:00:00.000Z' });
    expect(rendered.callsTo('getTransaction')).toEqual([{ referenceId: PENDING }, { referenceId: PENDING }]);
    await within(page).findByText('Yes — MoMo says this went through.');
    await rendered.user.click(within(page).getByRole('button', { name: 'Back to results' }));
    expect(listeners.size).toBe(0);
  });
});

describe('Transactions: a new payment or collection', () => {
  it('a transfer is checked, sent with the right arguments, and lands on its page', async () => {
    const rendered = renderTransactions();
    const { user } = rendered;
    await user.click(screen.getByRole('button', { name: 'New payment or collection…' }));
    const form = screen.getByRole('form', { name: 'New payment or collection' });
    await user.selectOptions(within(form).getByLabelText('Operation'), 'Transfer');
    expect(within(form).queryByLabelText('Payee')).toBeNull();
    expect(within(form).queryByLabelText('Valid for (seconds)')).toBeNull();
    await user.type(within(form).getByLabelText('Party'), '256772000002');
    await user.type(within(form).getByLabelText('Amount'), '15,50');
    await user.type(within(form).getByLabelText('Payer message'), 'December salary');
    await user.click(within(form).getByRole('button', { name: 'Send transfer to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([]);
    expect(form.textContent).toContain('Enter an amount greater than zero');
    expect(within(form).getByLabelText('Amount').getAttribute('aria-invalid')).toBe('true');
    await user.clear(within(form).getByLabelText('Amount'));
    await user.type(within(form).getByLabelText('Amount'), '15.50');
    await user.click(within(form).getByRole('button', { name: 'Send transfer to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([{ kind: 'disbursement.transfer', partyType: 'MSISDN', party: '256772000002', amount: '15.50', payerMessage: 'December salary', payeeNote: '' }]);
    const page = await screen.findByRole('region', { name: `Transaction ${FAKE_NEW_ID}` });
    expect(page.querySelector('h2')?.textContent).toContain('Transfer');
  });

  it('an invoice takes the payee and how long it stays open; a pre-approval has no amount', async () => {
    const rendered = renderTransactions();
    const { user } = rendered;
    await user.click(screen.getByRole('button', { name: 'New payment or collection…' }));
    const form = screen.getByRole('form', { name: 'New payment or collection' });
    await user.selectOptions(within(form).getByLabelText('Operation'), 'Pre-approval');
    expect(within(form).queryByLabelText('Amount')).toBeNull();
    await user.selectOptions(within(form).getByLabelText('Operation'), 'Invoice');
    await user.selectOptions(within(form).getByLabelText('Party type'), 'Email');
    await user.type(within(form).getByLabelText('Party'), 'payer@example.com');
    await user.type(within(form).getByLabelText('Amount'), '0');
    await user.type(within(form).getByLabelText('External id (optional)'), 'inv-7');
    await user.type(within(form).getByLabelText('Valid for (seconds)'), '3600');
    await user.click(within(form).getByRole('button', { name: 'Send invoice to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([]);
    expect(form.textContent).toContain('An invoice needs the party who is paid.');
    await user.type(within(form).getByLabelText('Payee'), '256772000009');
    await user.clear(within(form).getByLabelText('Amount'));
    await user.type(within(form).getByLabelText('Amount'), '99');
    await user.click(within(form).getByRole('button', { name: 'Send invoice to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([
      { kind: 'collection.invoice', partyType: 'EMAIL', party: 'payer@example.com', amount: '99', externalId: 'inv-7', payerMessage: '', payeeNote: '', payee: { partyType: 'MSISDN', party: '256772000009' }, validitySeconds: 3600 },
    ]);
    await screen.findByRole('region', { name: `Transaction ${FAKE_NEW_ID}` });
  });

  it('on a production profile the profile name is needed, and a refusal shows in the banner', async () => {
    const fake = createFakeMomoApi({
      getActiveProfile: { ok: true, value: { id: 'uganda', name: 'MTN Uganda live', kind: 'production', environment: 'mtnuganda', currency: 'UGX' } },
      createTransaction: { ok: false, error: { code: 'NOT_ALLOWED', message: 'The amount is over this profile’s limit of 5000 UGX per payment.' } },
    });
    const rendered = renderTransactions(fake);
    await act(() => rendered.stores.session.getState().load());
    const { user } = rendered;
    await user.click(screen.getByRole('button', { name: 'New payment or collection…' }));
    const form = screen.getByRole('form', { name: 'New payment or collection' });
    await user.type(within(form).getByLabelText('Party'), '256772000002');
    await user.type(within(form).getByLabelText('Amount'), '9000');
    await user.click(within(form).getByRole('button', { name: 'Send request to pay to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([]);
    expect(form.textContent).toContain('Type “MTN Uganda live” exactly.');
    await user.type(within(form).getByLabelText('Type the profile name to confirm'), 'MTN Uganda live');
    await user.click(within(form).getByRole('button', { name: 'Send request to pay to MoMo' }));
    expect(rendered.callsTo('createTransaction')).toEqual([{ kind: 'collection.requesttopay', partyType: 'MSISDN', party: '256772000002', amount: '9000', payerMessage: '', payeeNote: '', confirmName: 'MTN Uganda live' }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not allowed');
    expect(alert.textContent).toContain('over this profile’s limit');
    expect(screen.getByRole('form', { name: 'New payment or collection' })).toBeTruthy();
  });
});
