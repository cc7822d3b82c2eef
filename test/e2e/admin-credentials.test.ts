// End to end: an admin in Chromium, through the loopback bridge to the real
// services, against a second emulator standing in for MTN's sandbox. Creates a
// profile, types secrets into write-only fields, provisions, tests the
// connection, switches to production by typing its name; then every IPC
// channel is driven from the page, and every result, page text and log line is
// scanned for the secret values used.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../preload/contract';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { openConsoleInChromium, SCREENSHOTS, type ConsoleInChromium } from '../support/console-in-chromium';
import type { TestServices } from '../support/test-services';

let services: TestServices;
let mtn: RunningSandbox;
let page: Page;
let opened: ConsoleInChromium;
const results: unknown[] = [];

beforeAll(async () => {
  mtn = await startSandbox({ completeAfterMs: 0 });
  opened = await openConsoleInChromium('Admin');
  ({ services, page } = opened);
});

afterAll(async () => {
  await opened?.close();
  await mtn?.close();
});

async function saveSecret(label: string, value: string) {
  const field = page.getByLabel(`New ${label}`, { exact: true });
  await field.fill(value);
  await field.locator('xpath=ancestor::form[1]').getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => field.inputValue()).toBe('');
}

describe('an admin sets up an MTN sandbox profile', () => {
  it('creates the profile', async () => {
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Name').fill('MTN sandbox');
    await form.getByLabel('Base URL').fill(mtn.url);
    await form.getByRole('button', { name: 'Create profile' }).click();
    await page.getByText('Profile "MTN sandbox" created.').waitFor();
  });

  it('types the subscription keys into write-only fields and sees only "set, ends in …"', async () => {
    for (const product of ['collection', 'disbursement', 'remittance'] as const) {
      await saveSecret(`${product} subscription key (primary)`, mtn.subscriptionKeys[product]);
      await page.getByText(`set, ends in ${mtn.subscriptionKeys[product].slice(-4)}`).waitFor();
    }
  });

  it('provisions an API user into the vault and tests the connection green', async () => {
    const provisioning = page.getByRole('region', { name: 'Provisioning' });
    await provisioning.getByLabel('Callback host').fill('payouts.example.com');
    await provisioning.getByRole('button', { name: 'Provision' }).click();
    await provisioning.getByText('API user created and its key stored').waitFor();
    await page.getByRole('button', { name: 'Test MTN sandbox' }).click();
    const connection = page.getByRole('region', { name: 'Connection test' });
    await expect.poll(async () => connection.getByText('EUR available').count()).toBe(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-profile-provisioned.png'), fullPage: true });
  });

  it('switches to a production profile only after typing its name', async () => {
    await page.evaluate(() =>
      (window as unknown as { momo: { createProfile(a: unknown): Promise<unknown> } }).momo.createProfile({ name: 'Uganda live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX' }),
    );
    await page.getByRole('button', { name: 'Local sandbox' }).first().click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Switch to Uganda live' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch to production profile Uganda live' });
    const confirm = dialog.getByRole('button', { name: 'Switch to production' });
    await dialog.getByLabel('Profile name').fill('uganda live');
    expect(await confirm.isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-production-confirm.png'), fullPage: true });
    await dialog.getByLabel('Profile name').fill('Uganda live');
    await confirm.click();
    await page.getByLabel('Active profile').getByText('PRODUCTION').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-production-active.png') });
    expect(services.profiles.active().name).toBe('Uganda live');
  });
});

describe('every channel, driven from the page', () => {
  it('answers every contract channel and never returns a secret', async () => {
    const profileId = 'mtn-sandbox';
    const calls: Record<string, unknown> = {
      getAppInfo: {},
      getActiveProfile: {},
      getLocalSandbox: {},
      openExternal: { url: 'https://momodeveloper.mtn.com/' },
      listProfiles: {},
      createProfile: { name: 'Scratch', kind: 'sandbox', baseUrl: mtn.url, targetEnvironment: 'sandbox', currency: 'EUR' },
      updateProfile: { id: 'scratch', changes: { countryCode: 'UG' } },
      activateProfile: { id: 'local-sandbox' },
      setSecret: { profileId: 'scratch', secret: { kind: 'api-key' }, value: 'scratch-api-key-0123456789' },
      getSecretStatus: { profileId },
      clearSecret: { profileId: 'scratch', secret: { kind: 'api-key' } },
      getKeychainStatus: {},
      provisionProfile: { profileId, callbackHost: 'payouts.example.com' },
      testConnection: { profileId },
      deleteProfile: { id: 'scratch' },
    };
    const invoke = (name: string, payload: unknown) =>
      page.evaluate(([channel, args]) => (window as unknown as { momo: Record<string, (a: unknown) => Promise<unknown>> }).momo[channel]?.(args), [name, payload] as const) as Promise<{ ok: boolean; value?: { batchId?: string } }>;
    // Payout files go to the active profile: back to the Local sandbox first.
    results.push(await invoke('activateProfile', { id: 'local-sandbox' }));
    // 46733123450 fails in MTN's sandbox with a reason worth retrying.
    const imported = await invoke('importPayoutFile', { fileName: 'e2e.csv', contentBase64: Buffer.from('msisdn,amount,id\n256772000001,5,e1\nbad,5,e2\n46733123450,5,e3\n').toString('base64') });
    results.push(imported);
    const batchId = imported.value?.batchId ?? '';
    Object.assign(calls, {
      getBatchSummary: { batchId },
      getBatchRows: { batchId, filter: 'all', offset: 0, limit: 10 },
      getBatchBalance: { batchId },
      checkAccountHolders: { batchId },
      approveBatch: { batchId, typedTotal: '10', acknowledged: [] },
      startBatchRun: { batchId },
    });
    const afterRun = {
      getBatchRun: { batchId },
      checkPaymentNow: { batchId, rowIndex: 0 },
      pauseBatchRun: { batchId },
      resumeBatchRun: { batchId },
      cancelBatchRun: { batchId },
      listBatches: {},
      getBatchReport: { batchId, failedOnly: true },
      retryFailedRows: { batchId },
      exportInvalidRows: { batchId },
      getPayoutTemplate: {},
    };
    // Support and treasury on the Local sandbox: a collection to act on, an invoice to cancel.
    const support = {
      getCallbackReceiver: {},
      setCallbackReceiver: { port: null },
      refreshTransaction: { referenceId: '' },
      getTransaction: { referenceId: '' },
      searchTransactions: { text: '256772000090' },
      checkTransactionParty: { referenceId: '' },
      sendDeliveryNotification: { referenceId: '', message: 'Thank you' },
      refundTransaction: { referenceId: '', amount: '5', typedAmount: '5' },
      cancelTransaction: { referenceId: '' },
      getBalances: { refresh: true },
      getBalanceHistory: { product: 'disbursement' },
      setBalanceThreshold: { product: 'disbursement', amount: '10' },
    };
    expect([...Object.keys(calls), ...Object.keys(afterRun), ...Object.keys(support), 'importPayoutFile', 'createTransaction'].sort()).toEqual([...channelNames].sort());
    for (const [channel, args] of Object.entries(calls)) {
      const result = await invoke(channel, args);
      expect(result, channel).toMatchObject({ ok: true });
      results.push(result);
    }
    // The run goes on in main; wait for it to finish before the channels that need its results.
    await expect.poll(async () => ((await invoke('getBatchRun', { batchId })) as { value?: { state?: string } }).value?.state, { timeout: 30_000 }).toBe('finished');
    for (const [channel, args] of Object.entries(afterRun)) {
      const result = await invoke(channel, args);
      expect(result, channel).toMatchObject({ ok: true });
      results.push(result);
    }
    const collection = (await invoke('createTransaction', { kind: 'collection.requesttopay', party: '256772000090', amount: '20' })) as { ok: boolean; value?: { referenceId?: string } };
    const invoice = (await invoke('createTransaction', { kind: 'collection.invoice', party: '46733123453', amount: '5', payee: { partyType: 'MSISDN', party: '256772000091' } })) as { ok: boolean; value?: { referenceId?: string } };
    results.push(collection, invoice);
    expect(collection.ok && invoice.ok).toBe(true);
    for (const [channel, args] of Object.entries(support)) {
      const referenceId = channel === 'cancelTransaction' ? invoice.value?.referenceId : collection.value?.referenceId;
      const result = await invoke(channel, 'referenceId' in args ? { ...args, referenceId } : args);
      expect(result, channel).toMatchObject({ ok: true });
      results.push(result);
    }
    const secrets = [...Object.values(mtn.subscriptionKeys), 'scratch-api-key-0123456789'];
    for (const account of await services.store.list()) {
      const value = await services.store.get(account);
      if (value) secrets.push(value);
    }
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const pageText = await page.evaluate(() => document.documentElement.outerHTML);
    const haystacks = { results: JSON.stringify(results), page: pageText, logs: services.logLines.join('\n') };
    expect(services.logLines.length).toBeGreaterThan(10);
    for (const [where, text] of Object.entries(haystacks)) for (const secret of secrets) expect(text.includes(secret), `${where} carries a secret`).toBe(false);
    expect(opened.problems).toEqual([]);
  });
});
