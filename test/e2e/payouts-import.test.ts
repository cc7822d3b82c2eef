// End to end: finance staff drop a payout file on the console in Chromium; the
// real import, SQLite store and local sandbox balance answer through the
// loopback bridge; the table shows the failing cells; the approval dialog
// takes the typed total. Then a 100,000-row file scrolls to its last line.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigFile, FIXTURES } from '../fixtures/payout-files';
import { openConsoleInChromium, SCREENSHOTS, type ConsoleInChromium } from '../support/console-in-chromium';
import type { TestServices } from '../support/test-services';

let services: TestServices;
let page: Page;
let opened: ConsoleInChromium;

beforeAll(async () => {
  opened = await openConsoleInChromium('Payouts');
  ({ services, page } = opened);
});

afterAll(() => opened?.close());

async function drop(name: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, data]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: 'text/csv' }));
      return transfer;
    },
    [name, [...bytes]] as const,
  );
  await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
}

describe('from file drop to the approval dialog', () => {
  it('drops an Excel "CSV UTF-8" file and sees every row checked', async () => {
    const excel = FIXTURES.find((f) => f.name.startsWith('Excel "CSV UTF-8"'));
    await drop('december-excel.csv', excel?.bytes ?? new Uint8Array());
    const summary = page.getByRole('region', { name: 'Batch summary' });
    await summary.getByRole('heading', { name: 'december-excel.csv' }).waitFor();
    await expect.poll(() => summary.textContent()).toContain('2520.50 EUR');
    await summary.getByText('The disbursement balance (1,000,000.00 EUR) covers this batch.').waitFor();
    // Stored the moment it was imported.
    const stored = services.db.prepare('SELECT count(*) AS n FROM batch_rows').get() as { n: number };
    expect(stored.n).toBe(5);
  });

  it('marks the failing cells and gives the reason on the row', async () => {
    await page.getByRole('tab', { name: 'Invalid' }).click();
    const table = page.getByRole('table', { name: 'Payout rows' });
    const row = table.locator('[data-line="4"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('scientific notation');
    expect(await row.locator('.cell--bad').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'payouts-invalid-rows.png'), fullPage: true });
    await page.getByRole('tab', { name: 'All' }).click();
  });

  it('approves only with the total typed; main records the approval', async () => {
    await page.getByRole('button', { name: 'Approve this batch…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the batch' });
    await dialog.getByLabel('Type the total to approve').fill('2520.49');
    await dialog.getByRole('button', { name: /Approve payment of 2520.50 EUR/ }).click();
    await page.getByText('Type the batch total exactly (2,520.50 EUR) to approve it.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'payouts-approval-dialog.png'), fullPage: true });
    await dialog.getByLabel('Type the total to approve').fill('2520.50');
    await dialog.getByRole('button', { name: /Approve payment of 2520.50 EUR/ }).click();
    await page.getByRole('region', { name: 'Approval' }).getByText(/Approved on/).waitFor();
    const approvals = services.db.prepare('SELECT row_count, voided_at FROM approvals').all();
    expect(approvals).toEqual([{ row_count: 3, voided_at: null }]);
  });

  it('pays the approved batch, shows the progress to the end, and downloads the results', async () => {
    const run = page.getByRole('region', { name: 'Payment run' });
    await run.getByRole('button', { name: /Start paying 3 people/ }).click();
    await expect.poll(() => run.getByRole('status', { name: 'Run progress' }).textContent(), { timeout: 30_000 }).toContain('3 of 3 final — finished');
    expect(await run.textContent()).toContain('Paid3 · 2520.50 EUR');
    // The table follows the run: each paid row shows its payment's status.
    await expect.poll(() => page.getByRole('table', { name: 'Payout rows' }).locator('[data-line="2"]').textContent(), { timeout: 10_000 }).toContain('SUCCESSFUL');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'payouts-run-finished.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), run.getByRole('button', { name: 'Download results' }).click()]);
    expect(download.suggestedFilename()).toBe('december-excel-results.csv');
    const text = await (await import('node:fs/promises')).readFile((await download.path()) ?? '', 'utf8');
    expect(text.startsWith('\ufeffPhone Number,Amount,Currency,Reference,Name,line,reference id')).toBe(true);
    expect(text.match(/,SUCCESSFUL,/g)).toHaveLength(3);
    expect(text.match(/,INVALID,/g)).toHaveLength(2);
  });

  it('a 100,000-row file imports and scrolls to its last line', async () => {
    await page.getByLabel('Payout file', { exact: true }).setInputFiles({ name: 'hundred-thousand.csv', mimeType: 'text/csv', buffer: Buffer.from(bigFile(100_000)) });
    const summary = page.getByRole('region', { name: 'Batch summary' });
    await summary.getByRole('heading', { name: 'hundred-thousand.csv' }).waitFor({ timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Payout rows' });
    expect(await table.getAttribute('aria-rowcount')).toBe('100000');
    expect(await table.getByRole('row').count()).toBeLessThan(100);
    await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await table.locator('[data-line="100001"]').waitFor();
    expect(await table.locator('[data-line="100001"]').textContent()).toContain('row-99999');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'payouts-100k-rows-end.png') });
    expect(opened.problems).toEqual([]);
  });
});
