// End to end in Chromium: a support agent searches a customer's phone number,
// opens the request to pay, refreshes it to SUCCESSFUL, sends a delivery
// notification (the emulator receives it), and treasury sees the balance chart
// drawn from stored readings. Real services, SQLite and the local sandbox
// answer through the loopback bridge.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleInChromium, SCREENSHOTS, type ConsoleInChromium } from '../support/console-in-chromium';
import type { TestServices } from '../support/test-services';

let services: TestServices;
let page: Page;
let opened: ConsoleInChromium;
let requestToPay = '';

beforeAll(async () => {
  opened = await openConsoleInChromium('Transactions');
  ({ services, page } = opened);
  // What the agent will look for: a customer's collection (still PENDING in the store) and a payout to the same number.
  const rtp = await services.transactions.create({ kind: 'collection.requesttopay', party: '256772000080', partyType: 'MSISDN', amount: '25', externalId: 'order-5521', payerMessage: 'Order 5521', payeeNote: '' });
  requestToPay = rtp.referenceId;
  await services.transactions.create({ kind: 'disbursement.transfer', party: '256772000080', partyType: 'MSISDN', amount: '7.50', externalId: 'cashback-5521', payerMessage: '', payeeNote: '' });
  // Treasury's readings over time: three disbursement balances.
  const url = services.localSandbox.running()?.url ?? '';
  for (const amount of ['120000', '95000.50', '101000']) {
    await fetch(`${url}/_sandbox/balances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: amount } }) });
    await services.balances.current(true);
  }
});

afterAll(() => opened?.close());

describe('support and treasury', () => {
  it('searches a phone number and sees both transactions of that customer', async () => {
    await page.getByRole('textbox', { name: 'Phone, email, reference or external id' }).fill('+256 772 000 080');
    await page.getByRole('form', { name: 'Search transactions' }).getByRole('button', { name: 'Search' }).click();
    const table = page.getByRole('table', { name: 'Transactions' });
    await table.getByRole('button', { name: requestToPay }).waitFor();
    expect(await page.getByRole('region', { name: 'Search results' }).textContent()).toContain('phone number +256772000080');
    expect(await table.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'transactions-search.png'), fullPage: true });
  });

  it('opens the request to pay, refreshes it to SUCCESSFUL and sends a delivery notification', async () => {
    await page.getByRole('table', { name: 'Transactions' }).getByRole('button', { name: requestToPay }).click();
    const transaction = page.getByRole('region', { name: `Transaction ${requestToPay}` });
    await transaction.waitFor();
    expect(await transaction.getByRole('list', { name: 'Timeline' }).textContent()).toContain('Reference id stored, before anything was sent');
    await transaction.getByRole('button', { name: 'Refresh status' }).click();
    await transaction.getByRole('form', { name: 'Delivery notification' }).waitFor();
    expect(await transaction.textContent()).toMatch(/Successful|SUCCESSFUL/);
    await transaction.getByRole('textbox', { name: 'Delivery notification message' }).fill('Your order 5521 is on its way');
    await transaction.getByRole('button', { name: 'Send delivery notification' }).click();
    await transaction.getByText('Delivery notification sent.').waitFor();
    await expect.poll(async () => transaction.getByRole('list', { name: 'Timeline' }).textContent()).toContain('Delivery notification sent: "Your order 5521 is on its way"');
    // MoMo (the emulator) got it, once.
    expect(services.localSandbox.running()?.ledger().find((t) => t.referenceId === requestToPay)?.deliveryNotifications).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'transaction-page.png'), fullPage: true });
    expect(opened.problems).toEqual([]);
  });

  it('a payment MoMo gave no clear answer about reads "do not pay again", with the reason in words', async () => {
    const url = services.localSandbox.running()?.url ?? '';
    const faults = (rules: unknown[]) => fetch(`${url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
    await faults([{ method: 'POST', path: '/disbursement/v1_0/transfer', rate: 1, action: 'error', status: 500 }]);
    const unclear = await services.transactions.create({ kind: 'disbursement.transfer', party: '256772000081', partyType: 'MSISDN', amount: '12', externalId: 'refund-7788', payerMessage: '', payeeNote: '' });
    await faults([]);
    expect(unclear.state).toBe('unresolved');
    await page.getByRole('button', { name: 'Back to results' }).click();
    await page.getByRole('textbox', { name: 'Phone, email, reference or external id' }).fill('refund-7788');
    await page.getByRole('form', { name: 'Search transactions' }).getByRole('button', { name: 'Search' }).click();
    await page.getByRole('table', { name: 'Transactions' }).getByRole('button', { name: unclear.referenceId }).click();
    const transaction = page.getByRole('region', { name: `Transaction ${unclear.referenceId}` });
    await transaction.getByText(/do not pay again/i).first().waitFor();
    expect(await transaction.textContent()).toContain('Do not make this payment again');
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'transaction-unknown.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Nothing reached MoMo: the console will look it up before it ever sends it again.
    expect(services.localSandbox.running()?.ledger().some((t) => t.referenceId === unclear.referenceId)).toBe(false);
  });

  it('treasury sees every product balance and the chart of stored readings', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Balances' }).click();
    const chart = page.getByRole('figure', { name: 'Balance over time' });
    await chart.locator('.recharts-line-curve').waitFor();
    expect(await chart.textContent()).toMatch(/3 readings/);
    expect(await page.getByRole('article', { name: 'Disbursement balance' }).textContent()).toContain('101,000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'balances.png'), fullPage: true });
    expect(opened.problems).toEqual([]);
  });
});
