// The whole console for an end-to-end test: real services (secrets in memory,
// a fresh data directory, the local sandbox running), the loopback bridge, and
// the built renderer open in Chromium on one area, with page errors collected.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestBridge } from '../../main/test-bridge/bridge-server';
import { launchChromium } from './chromium';
import { startBridgeForTests } from './test-bridge';
import { startTestServices, type TestServices } from './test-services';

export const SCREENSHOTS = path.resolve('test/e2e/screenshots');

export interface ConsoleInChromium {
  services: TestServices;
  bridge: TestBridge;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

export async function openConsoleInChromium(area: string): Promise<ConsoleInChromium> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // As the app and the preview start: the callback receiver follows its saved setting (off on a fresh install).
  const services = await startTestServices({ callbackPort: 'saved' });
  await services.localSandbox.start();
  const bridge = await startBridgeForTests(services).bridge;
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(bridge.pageUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area }).click();
  return {
    services,
    bridge,
    context,
    page,
    problems,
    async close() {
      await context.close();
      await bridge.close();
      await services.close();
    },
  };
}
