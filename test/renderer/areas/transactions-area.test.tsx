// Transactions against a fake window.momo: search with filters, the results
// table, a transaction's page with its reason, timeline and request, the
// actions on it (refresh, check the party, delivery notification, refund),
// a reference id looked up at MoMo, a new payment, refusals in the banner and
// statuses pushed by main.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelArgs, ChannelName, EventPayload, IpcResult, MomoApi, TransactionDetail } from '../../../preload/contract';
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

/**
 * Holds the answers of one channel (those `when` picks) until `release()`: the
 * call is made and recorded at once, its answer arrives only then.
 */
function hold<C extends ChannelName>(fake: ReturnType<typeof createFakeMomoApi>, channel: C, when: (args: ChannelArgs<C>) => boolean = () => true) {
  const api = fake.api as unknown as Record<C, (args: ChannelArgs<C>) => Promise<unknown>>;
  const original = api[channel];
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  api[channel] = async (args) => {
    const answer = original(args);
    if (when(args)) await gate;
    return answer;
  };
  return {
    release: () =>
      act(async () => {
        open();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
  };
}

/** Lets a test push transactionStatus events, as main would. */
function statusEvents(fake: ReturnType<typeof createFakeMomoApi>) {
  const listeners = new Set<(payload: EventPayload<'transactionStatus'>) => void>();
  (fake.api as MomoApi).onTransactionStatus = (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { listeners, push: async (payload: EventPayload<'transactionStatus'>) => act(async () => listeners.forEach((listener) => listener(payload))) };
}

const UNKNOWN_HEADLINE = 'Not known yet — do not pay again until MoMo gives a final answer';
const PRODUCTION_PROFILE = { id: 'uganda', name: 'MTN Uganda live', kind: 'production', environment: 'mtnuganda', currency: 'UGX' } as const;

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
    expect(within(page).getByLabelText('Reason').textContent).toContain('Reason: PAYEE_NOT_FOUND');
    // The reason in words is shown once, prominently; a free-text reason is not called a "code".
    expect(page.textContent?.split('The number receiving the money has no MoMo account.')).toHaveLength(2);
    expect(page.textContent).not.toContain('Reason code');
    expect(page.textContent).toContain('No — MoMo says this failed.');
    const facts = page.querySelector('dl.facts');
    expect(facts?.textContent).toContain('Transfer');
    expect(facts?.textContent).toContain('ext-2');
    // The profile the transaction was made with.
    expect(facts?.textContent).toContain('ProfileLocal sandbox (local)');
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

  it('an UNKNOWN transaction reads as “do not pay again”, with its free-text reason shown once and not called a code', async () => {
    const reason = 'no final status within 1440 min';
    const unknown = (referenceId: string) => ({ ...detailOf(referenceId), status: 'UNKNOWN' as const, reason, reasonText: null });
    const rendered = renderTransactions(
      createFakeMomoApi({
        searchTransactions: { ok: true, value: { rows: [unknown(PENDING), detailOf(FAILED)], nextOffset: null, interpretedAs: 'all transactions' } },
        getTransaction: (args) => ({ ok: true, value: unknown(args.referenceId) }),
      }),
    );
    await searchFor(rendered);
    const table = await screen.findByRole('table', { name: 'Transactions' });
    const [unknownRow, failedRow] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
    expect(unknownRow.textContent).toContain('Not known yet: do not pay again');
    expect(failedRow.textContent).not.toContain('do not pay again');
    await rendered.user.click(within(unknownRow).getByRole('button', { name: PENDING }));
    const page = await screen.findByRole('region', { name: `Transaction ${PENDING}` });
    expect(page.querySelector('.transaction-answer')?.textContent).toContain(UNKNOWN_HEADLINE);
    expect(within(page).getByLabelText('Reason').textContent).toBe(reason);
    expect(page.textContent?.split(reason)).toHaveLength(2);
    expect(page.textContent).not.toContain('Reason code');
    expect(page.textContent).not.toContain('without an explanation');
  });

  it('“Refresh status” asks main to read MoMo again and shows the new status', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ refreshTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), status: 'SUCCESSFUL', reason: null, reasonText: null } }) }));
    const page = await openTransaction(rendered, FAILED);
    await rendered.user.click(within(page).getByRole('button', { name: 'Refresh status' }));
    expect(rendered.callsTo('refreshTransaction')).toEqual([{ referenceId: FAILED }]);
    await within(page).findByText('Yes — MoMo says this went through.');
    expect(within(page).queryByLabelText('Reason')).toBeNull();
  });

  it('a slower read started by a status event does not overwrite the newer reading “Refresh status” already showed', async () => {
    const fake = createFakeMomoApi({
      refreshTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), status: 'SUCCESSFUL', updatedAt: '2026-12-01T12:00:10.000Z' } }),
    });
    const events = statusEvents(fake);
    let reads = 0;
    // The first read opens the page; the second, started by the event, answers late with the older PENDING (updated 12:00:05).
    const slow = hold(fake, 'getTransaction', () => ++reads === 2);
    const rendered = renderTransactions(fake);
    const page = await openTransaction(rendered, PENDING);
    expect(page.textContent).toContain('Not yet — MoMo has not finished it.');
    await events.push({ referenceId: PENDING, status: 'SUCCESSFUL', at: '2026-12-01T12:00:09.000Z' });
    expect(rendered.callsTo('getTransaction')).toHaveLength(2);
    await rendered.user.click(within(page).getByRole('button', { name: 'Refresh status' }));
    await within(page).findByText('Yes — MoMo says this went through.');
    await slow.release();
    expect(page.textContent).toContain('Yes — MoMo says this went through.');
    expect(page.textContent).not.toContain('Not yet — MoMo has not finished it.');
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

  it('the delivery notification counter is not announced at every keystroke, only when over the limit', async () => {
    const rendered = renderTransactions();
    const page = await openTransaction(rendered, PAID);
    const form = within(page).getByRole('form', { name: 'Delivery notification' });
    const counter = form.querySelector('.transaction-counter') as HTMLElement;
    expect(counter.getAttribute('aria-live')).toBeNull();
    await rendered.user.type(within(form).getByLabelText('Delivery notification message'), 'Hello');
    expect(counter.textContent).toBe('5/160');
    const live = form.querySelectorAll('[aria-live]');
    expect(live).toHaveLength(1);
    expect(live[0]?.textContent).toBe('');
    await rendered.user.paste('x'.repeat(160));
    expect(live[0]?.textContent).toBe(' — 5 too many');
  });

  it('a delivery notification is sent once even if the form is submitted again while it is being sent', async () => {
    const fake = createFakeMomoApi();
    const slow = hold(fake, 'sendDeliveryNotification');
    const rendered = renderTransactions(fake);
    const page = await openTransaction(rendered, PAID);
    const form = within(page).getByRole('form', { name: 'Delivery notification' });
    await rendered.user.type(within(form).getByLabelText('Delivery notification message'), 'On its way.');
    await rendered.user.click(within(form).getByRole('button', { name: 'Send delivery notification' }));
    fireEvent.submit(form);
    await slow.release();
    expect(rendered.callsTo('sendDeliveryNotification')).toEqual([{ referenceId: PAID, message: 'On its way.' }]);
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

  it('a collection made on a production profile needs that profile’s name to refund, whichever profile is active', async () => {
    // The active profile is the local one; the collection was made on the production profile.
    const fake = createFakeMomoApi({ getTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), profileId: 'uganda', profileName: 'MTN Uganda live', profileKind: 'production' } }) });
    const rendered = renderTransactions(fake);
    await act(() => rendered.stores.session.getState().load());
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    expect(page.querySelector('dl.facts')?.textContent).toContain('ProfileMTN Uganda live (production)');
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    expect(dialog.textContent).toContain('from the disbursement account of the production profile “MTN Uganda live”, the one this collection was made with: real money moves.');
    expect(dialog.textContent).toContain('That is not the active profile (“Local sandbox”).');
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    const confirm = within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' });
    expect(confirm).toHaveProperty('disabled', true);
    const name = within(dialog).getByLabelText<HTMLInputElement>('Type the profile name to confirm');
    expect(name.placeholder).toBe('MTN Uganda live');
    await user.type(name, 'Local sandbox');
    expect(confirm).toHaveProperty('disabled', true);
    await user.clear(name);
    await user.type(name, 'MTN Uganda live');
    await user.click(confirm);
    expect(rendered.callsTo('refundTransaction')).toEqual([{ referenceId: PAID, amount: '25.00', typedAmount: '25.00', version: 'v1', payerMessage: '', payeeNote: '', confirmName: 'MTN Uganda live' }]);
  });

  it('a collection made on a local profile needs no name to refund, even while a production profile is active', async () => {
    const fake = createFakeMomoApi({ getActiveProfile: { ok: true, value: PRODUCTION_PROFILE } });
    const rendered = renderTransactions(fake);
    await act(() => rendered.stores.session.getState().load());
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    expect(page.querySelector('dl.facts')?.textContent).toContain('ProfileLocal sandbox (local)');
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    expect(dialog.textContent).toContain('from the disbursement account of the profile “Local sandbox”');
    expect(dialog.textContent).toContain('That is not the active profile (“MTN Uganda live”).');
    expect(within(dialog).queryByLabelText('Type the profile name to confirm')).toBeNull();
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    await user.click(within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' }));
    expect(rendered.callsTo('refundTransaction')).toEqual([{ referenceId: PAID, amount: '25.00', typedAmount: '25.00', version: 'v1', payerMessage: '', payeeNote: '' }]);
  });

  it('a collection whose profile no longer exists cannot be refunded from here', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ getTransaction: (args) => ({ ok: true, value: { ...detailOf(args.referenceId), profileId: 'gone', profileName: null, profileKind: null } }) }));
    const page = await openTransaction(rendered, PAID);
    expect(page.querySelector('dl.facts')?.textContent).toContain('Profilegone, a profile that no longer exists');
    await rendered.user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    expect(dialog.textContent).toContain('(gone) no longer exists');
    await rendered.user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    expect(within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' })).toHaveProperty('disabled', true);
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

describe('Transactions: the latest request wins', () => {
  it('a slow answer for a transaction clicked first does not replace the one clicked after it', async () => {
    const fake = createFakeMomoApi();
    const slow = hold(fake, 'getTransaction', (args) => args.referenceId === FAILED);
    const rendered = renderTransactions(fake);
    await searchFor(rendered);
    const table = await screen.findByRole('table', { name: 'Transactions' });
    await rendered.user.click(within(table).getByRole('button', { name: FAILED }));
    await rendered.user.click(within(table).getByRole('button', { name: PAID }));
    await screen.findByRole('region', { name: `Transaction ${PAID}` });
    await slow.release();
    expect(rendered.callsTo('getTransaction')).toEqual([{ referenceId: FAILED }, { referenceId: PAID }]);
    expect(screen.getByRole('region', { name: `Transaction ${PAID}` })).toBeTruthy();
    expect(screen.queryByRole('region', { name: `Transaction ${FAILED}` })).toBeNull();
    expect(document.querySelector('progress')).toBeNull();
  });

  it('an answer that comes after the agent went back to the results does not take them to it', async () => {
    const fake = createFakeMomoApi({
      getTransaction: (args) => ({
        ok: true,
        value: args.referenceId === PAID ? { ...detailOf(PAID), related: [{ referenceId: FAKE_REFUND_ID, kind: 'disbursement.refund.v1', status: 'SUCCESSFUL', relation: 'refund' }] } : detailOf(args.referenceId),
      }),
    });
    // The related transaction's read answers only after the agent went back.
    const held = hold(fake, 'getTransaction', (args) => args.referenceId === FAKE_REFUND_ID);
    const rendered = renderTransactions(fake);
    const page = await openTransaction(rendered, PAID);
    await rendered.user.click(within(page).getByRole('button', { name: FAKE_REFUND_ID }));
    await rendered.user.click(within(page).getByRole('button', { name: 'Back to results' }));
    await held.release();
    expect(screen.getByRole('table', { name: 'Transactions' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: `Transaction ${FAKE_REFUND_ID}` })).toBeNull();
  });

  it('a search’s lookup at MoMo that answers late does not pull the agent off the new payment form; the transaction found is listed', async () => {
    const fake = createFakeMomoApi({ searchTransactions: { ok: true, value: { rows: [], nextOffset: null, interpretedAs: `reference id ${UNKNOWN_ID}` } } });
    const slow = hold(fake, 'getTransaction');
    const rendered = renderTransactions(fake);
    await searchFor(rendered, UNKNOWN_ID);
    expect((await screen.findByRole('status', { name: 'Lookup at MoMo' })).textContent).toContain('asking MoMo');
    await rendered.user.click(screen.getByRole('button', { name: 'New payment or collection…' }));
    const form = screen.getByRole('form', { name: 'New payment or collection' });
    await rendered.user.type(within(form).getByLabelText('Party'), '25677');
    await slow.release();
    expect(rendered.callsTo('getTransaction')).toEqual([{ referenceId: UNKNOWN_ID }]);
    expect(screen.getByRole('form', { name: 'New payment or collection' })).toBe(form);
    expect(within(form).getByLabelText<HTMLInputElement>('Party').value).toBe('25677');
    expect(screen.queryByRole('region', { name: `Transaction ${UNKNOWN_ID}` })).toBeNull();
    await rendered.user.click(within(form).getByRole('button', { name: 'Close' }));
    const table = await screen.findByRole('table', { name: 'Transactions' });
    expect(within(table).getByRole('button', { name: UNKNOWN_ID })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Lookup at MoMo' })).toBeNull();
  });

  it('a refund answered after the agent left the page is offered in a notice, not shown in place of the page they are on', async () => {
    const fake = createFakeMomoApi();
    const slow = hold(fake, 'refundTransaction');
    const rendered = renderTransactions(fake);
    const { user } = rendered;
    const page = await openTransaction(rendered, PAID);
    await user.click(within(page).getByRole('button', { name: 'Refund…' }));
    const dialog = within(page).getByRole('dialog', { name: 'Refund' });
    await user.type(within(dialog).getByLabelText('Type the amount again to approve'), '25.00');
    await user.click(within(dialog).getByRole('button', { name: 'Refund 25.00 EUR' }));
    await user.click(within(page).getByRole('button', { name: 'Back to results' }));
    const table = await screen.findByRole('table', { name: 'Transactions' });
    await user.click(within(table).getByRole('button', { name: FAILED }));
    await screen.findByRole('region', { name: `Transaction ${FAILED}` });
    await slow.release();
    expect(screen.getByRole('region', { name: `Transaction ${FAILED}` })).toBeTruthy();
    const notice = screen.getByRole('status', { name: 'Answered after you left its page' });
    expect(notice.textContent).toContain('The refund v1 you sent (25.00 EUR) was answered after you left its page: Pending.');
    await user.click(within(notice).getByRole('button', { name: 'Open it' }));
    await screen.findByRole('region', { name: `Transaction ${FAKE_REFUND_ID}` });
    expect(screen.queryByRole('status', { name: 'Answered after you left its page' })).toBeNull();
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

  it('after sending fails, the form says to search for the payment before sending it again, and searches for it', async () => {
    const rendered = renderTransactions(createFakeMomoApi({ createTransaction: { ok: false, error: { code: 'UNAVAILABLE', message: 'The console did not answer. If this was a payment, search for it before sending it again; otherwise try again, or restart the console.' } } }));
    const { user } = rendered;
    await user.click(screen.getByRole('button', { name: 'New payment or collection…' }));
    const form = screen.getByRole('form', { name: 'New payment or collection' });
    await user.selectOptions(within(form).getByLabelText('Operation'), 'Transfer');
    await user.type(within(form).getByLabelText('Party'), '256772000002');
    await user.type(within(form).getByLabelText('Amount'), '15');
    await user.type(within(form).getByLabelText('External id (optional)'), 'pay-9');
    await user.click(within(form).getByRole('button', { name: 'Send transfer to MoMo' }));
    await screen.findByRole('alert');
    const advice = await within(form).findByRole('status', { name: 'Before sending again' });
    expect(advice.textContent).toContain('may have reached MoMo all the same');
    expect(advice.textContent).toContain('Search for it first; send it again only if it is not there.');
    expect(advice.textContent).not.toMatch(/try again/i);
    await user.click(within(advice).getByRole('button', { name: 'Search for “pay-9”' }));
    const search = screen.getByRole('form', { name: 'Search transactions' });
    expect(within(search).getByLabelText<HTMLInputElement>('Phone, email, reference or external id').value).toBe('pay-9');
  });
});
