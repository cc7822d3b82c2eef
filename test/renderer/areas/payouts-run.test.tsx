// Paying an approved batch in the Payouts area against a fake window.momo:
// start, progress pushed by main, pause / cancel, the report, retry of failed rows.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPayoutsWithBatch } from './payouts-with-batch';

afterEach(cleanup);

async function approvedBatch() {
  const batch = await renderPayoutsWithBatch();
  const { user } = batch;
  await user.click(await screen.findByRole('button', { name: 'Approve this batch…' }));
  const dialog = screen.getByRole('dialog', { name: 'Approve the batch' });
  await user.type(within(dialog).getByLabelText('Type the total to approve'), '4999000.00');
  await user.click(within(dialog).getByLabelText(/Some payees appear more than once/));
  await user.click(within(dialog).getByRole('button', { name: /Approve payment/ }));
  await screen.findByRole('region', { name: 'Payment run' });
  return batch;
}

describe('paying a batch', () => {
  it('starts, follows the progress main pushes, and offers pause and cancel while running', async () => {
    const { calls, pushRun, user } = await approvedBatch();
    const panel = screen.getByRole('region', { name: 'Payment run' });
    await user.selectOptions(within(panel).getByLabelText('Pay by'), 'deposit-v2');
    await user.click(within(panel).getByRole('button', { name: /Start paying 99,900 people/ }));
    expect(calls.find((c) => c.channel === 'startBatchRun')?.args).toEqual({ batchId: 'batch-1', operation: 'deposit-v2' });
    pushRun({ batchId: 'batch-1', total: 99_900, state: 'running', pauseReason: null, counts: { QUEUED: 0, SENDING: 0, PENDING: 900, SUCCESSFUL: 98_000, FAILED: 1000, UNKNOWN: 0 }, amounts: { SUCCESSFUL: '4900000.00', FAILED: '50000.00' } });
    expect((await within(panel).findByRole('status', { name: 'Run progress' })).textContent).toContain('99,000 of 99,900 final — running');
    expect(panel.textContent).toContain('98,000 · 4900000.00 EUR');
    await user.click(within(panel).getByRole('button', { name: 'Pause' }));
    expect(calls.some((c) => c.channel === 'pauseBatchRun')).toBe(true);
    await within(panel).findByRole('button', { name: 'Resume' });
    await user.click(within(panel).getByRole('button', { name: 'Cancel (send nothing more)' }));
    expect(calls.some((c) => c.channel === 'cancelBatchRun')).toBe(true);
  });

  it('after the run: results and failed rows to download, and a retry batch opened for approval', async () => {
    const { calls, pushRun, user } = await approvedBatch();
    const panel = screen.getByRole('region', { name: 'Payment run' });
    await user.click(within(panel).getByRole('button', { name: /Start paying/ }));
    pushRun({ batchId: 'batch-1', total: 99_900, state: 'finished', pauseReason: null, counts: { SUCCESSFUL: 99_897, FAILED: 3 }, amounts: { SUCCESSFUL: '4998850.00', FAILED: '150.00' } });
    await within(panel).findByRole('button', { name: 'Download failed rows' });
    await user.click(within(panel).getByRole('button', { name: 'Retry failed rows…' }));
    expect(calls.find((c) => c.channel === 'retryFailedRows')?.args).toEqual({ batchId: 'batch-1' });
    expect((await screen.findByRole('heading', { name: 'december.csv (retry)' })).textContent).toBe('december.csv (retry)');
  });
});
