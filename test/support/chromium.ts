// Launches the system Chromium for end-to-end tests: never a downloaded browser.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.MOMO_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<BrowserContext> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'momo-e2e-chromium-'));
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
