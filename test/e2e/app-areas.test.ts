// End to end: the built renderer in the system Chromium, talking to the real
// main services through the loopback test bridge.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBridge } from '../../main/test-bridge/bridge-server';
import { launchChromium } from '../support/chromium';
import { startBridgeForTests } from '../support/test-bridge';
import { startTestServices, type TestServices } from '../support/test-services';

const SCREENSHOTS = path.resolve('test/e2e/screenshots');
const AREAS = ['Payouts', 'Transactions', 'Balances', 'Admin', 'Settings'];

let bridge: TestBridge;
let services: TestServices;
let opened: string[];
let context: BrowserContext;
let page: Page;
const requested: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  services = await startTestServices({ callbackPort: 'saved' });
  await services.localSandbox.start();
  const started = startBridgeForTests(services);
  bridge = await started.bridge;
  opened = started.opened;
  context = await launchChromium();
  context.on('request', (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => requested.push(socket.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(bridge.pageUrl);
});

afterAll(async () => {
  await context?.close();
  await bridge?.close();
  await services?.close();
});

describe('the console in Chromium', () => {
  it('loads with the active profile shown and the token gone from the address bar', async () => {
    await page.getByLabel('Active profile').getByText('Local sandbox').waitFor();
    expect(page.url()).not.toContain(bridge.token);
  });

  it('visits every area and saves a screenshot of each', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const area of AREAS) {
      await nav.getByRole('button', { name: area }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(area);
      if (area === 'Settings') await page.getByText('Web preview (test bridge)').waitFor();
      if (area === 'Admin') await page.getByLabel('Local sandbox emulator').getByText(services.localSandbox.status().url ?? 'no url').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `${area.toLowerCase()}.png`) });
    }
  });

  it('moves through the areas with the keyboard', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Payouts' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Balances');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Balances');
  });

  it('asks main to open the developer portal through the contract', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Open the developer portal' }).click();
    await expect.poll(() => opened).toEqual(['https://momodeveloper.mtn.com/']);
  });

  it('shows a refused call in the error surface', async () => {
    // A call main refuses, made the way any renderer code would make it.
    const result = await page.evaluate(() => (window as unknown as { momo: { openExternal(a: unknown): Promise<unknown> } }).momo.openExternal({ url: 'https://evil.example/' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(opened).toEqual(['https://momodeveloper.mtn.com/']);
  });

  it('turns the callback receiver on from Settings; MoMo can then reach it at the address shown', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const card = page.getByRole('article', { name: 'MoMo callbacks' });
    await card.getByText(/^Off/).waitFor();
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    await card.getByLabel(/Port on this computer/).fill(String(port));
    await card.getByRole('button', { name: 'Turn on' }).click();
    await card.getByText(`http://127.0.0.1:${port}/momo/callback`).waitFor();
    const answer = await fetch(`http://127.0.0.1:${port}/momo/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"externalId":"nobody"}' });
    expect(await answer.json()).toEqual({ dropped: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-callbacks.png'), fullPage: true });
    await card.getByRole('button', { name: 'Turn off' }).click();
    await card.getByText(/^Off/).waitFor();
  });

  it('requested nothing from any origin but its own, and logged no error or CSP violation', () => {
    const wsOrigin = bridge.origin.replace('http://', 'ws://');
    const foreign = requested.filter((url) => !url.startsWith(`${bridge.origin}/`) && !url.startsWith(`${wsOrigin}/`));
    expect(requested.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
