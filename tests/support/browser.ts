import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO, type Served, startServe, tempDir } from './serve';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO, 'test-results', 'screenshots');

/** Debian's chromium, headless, fresh profile, no background networking (the machine has no internet). */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const context = await chromium.launchPersistentContext(tempDir('biotrain-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** `biotrain serve` on a store and a browser on it; `close` stops both (for a file's beforeAll / afterAll). */
export async function startStudio(dbPath: string): Promise<{ served: Served; page: Page; close(): Promise<void> }> {
  const served = await startServe({ dbPath });
  const browser = await launchBrowser().catch(async (e: unknown) => {
    await served.stop();
    throw e;
  });
  return {
    served,
    page: browser.page,
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}
