// The Payouts area against a fake window.momo holding a 100,000-row batch:
// only a window of rows is ever in the page, filters reload from main, a
// failing cell is marked with its reason, and approval needs the typed total
// and every warning acknowledged.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderPayoutsWithBatch } from './payouts-with-batch';

afterEach(cleanup);

// happy-dom lays nothing out: give the table's scroller the height Chromium would (the e2e test checks the real thing).
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('row-table') ? 520 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

const renderWithBatch = renderPayoutsWithBatch;

describe('payouts area', () => {
  it('imports a dropped or picked file and shows counts, the total and the balance check', async () => {
    const { calls } = await renderWithBatch();
    const imported = calls.find((c) => c.channel === 'importPayoutFile');
    expect(imported?.args).toEqual({ fileName: 'december.csv', contentBase64: btoa('msisdn,amount,id\n') });
    const summary = screen.getByRole('region', { name: 'Batch summary' });
    expect(summary.textContent).toContain('100,000');
    expect(within(summary).getByLabelText('Total EUR').textContent).toContain('4999000.00 EUR');
    expect((await within(summary).findByRole('status', { name: 'Balance check' })).textContent).toContain('covers this batch');
  });

  it('renders only a window of the 100,000 rows, fetched a page at a time', async () => {
    const { calls } = await renderWithBatch();
    const table = screen.getByRole('table', { name: 'Payout rows' });
    await waitFor(() => expect(within(table).getAllByRole('row')[0]?.getAttribute('data-line')).toBe('2'));
    expect(table.getAttribute('aria-rowcount')).toBe('100000');
    expect(within(table).getAllByRole('row').length).toBeLessThan(100);
    const pages = calls.filter((c) => c.channel === 'getBatchRows');
    expect(pages.every((c) => (c.args as { limit: number }).limit <= 200)).toBe(true);
  });

  it('filters to the invalid rows, with the failing cell marked and the reason on the row', async () => {
    await renderWithBatch();
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Invalid' }));
    const table = screen.getByRole('table', { name: 'Payout rows' });
    await waitFor(() => expect(within(table).getAllByRole('row')[0]?.getAttribute('data-line')).toBe('9'));
    const row = within(table).getAllByRole('row')[0] as HTMLElement;
    expect(row.textContent).toContain('amount: "abc" is not an amount');
    expect(within(row).getAllByRole('cell')[2]?.className).toContain('cell--bad');
    expect(within(row).getAllByRole('cell')[1]?.className).not.toContain('cell--bad');
    expect(table.getAttribute('aria-rowcount')).toBe('100');
  });

  it('approval needs every warning acknowledged and the total typed', async () => {
    const { calls } = await renderWithBatch();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve this batch…' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve the batch' });
    const approve = within(dialog).getByRole('button', { name: /Approve payment of 4999000.00 EUR/ });
    await user.type(within(dialog).getByLabelText('Type the total to approve'), '4999000.00');
    expect(approve).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByLabelText(/Some payees appear more than once/));
    expect(approve).toHaveProperty('disabled', false);
    await user.click(approve);
    expect(calls.find((c) => c.channel === 'approveBatch')?.args).toEqual({ batchId: 'batch-1', typedTotal: '4999000.00', acknowledged: ['DUPLICATE_PARTY_AMOUNT'] });
    expect((await screen.findByRole('region', { name: 'Approval' })).textContent).toContain('Approved on');
  });

  it('the optional payee check shows progress as main reports it, then each row\'s answer', async () => {
    const { pushProgress, calls } = await renderWithBatch();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Check that every payee has an active MoMo account' }));
    pushProgress({ batchId: 'batch-1', total: 2, checked: 1, active: 1, notActive: 0, failed: 0 });
    const status = await screen.findByText(/of 2 checked/);
    expect(status.textContent).toMatch(/2 checked: 1 active, 1 not active, 0 could not be checked/);
    expect(calls.some((c) => c.channel === 'checkAccountHolders')).toBe(true);
    const table = screen.getByRole('table', { name: 'Payout rows' });
    await waitFor(() => expect(table.querySelector('[data-line="3"]')?.textContent).toContain('not an active MoMo account holder'));
  });

  it('an UNKNOWN payment offers "check now" with its reason', async () => {
    const { calls } = await renderWithBatch();
    const table = screen.getByRole('table', { name: 'Payout rows' });
    await waitFor(() => expect(table.querySelector('[data-line="7"]')?.textContent).toContain('no final status within 1440 min'));
    const row = table.querySelector('[data-line="7"]') as HTMLElement;
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Check now' }));
    expect(calls.find((c) => c.channel === 'checkPaymentNow')?.args).toEqual({ batchId: 'batch-1', rowIndex: 5 });
  });
});
