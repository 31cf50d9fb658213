import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser';
import { type Served, startServe } from '../support/serve';

describe('app shell in headless Chromium against biotrain serve', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    served = await startServe();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('loads with the token from the fragment, shows the version and navigates between screens', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}#token=${served.token}`);
    await expect.poll(() => page.locator('.sidebar-foot').textContent()).toBe('v0.1.0 · studio');
    // the token is removed from the address bar once read
    expect(page.url()).toBe(served.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.locator('.nav-item.active').textContent()).toBe('Settings');
    await screenshot(page, 'shell-settings');
    expect(errors).toEqual([]);
  });

  it('shows a clear banner when the token is wrong', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${served.url}#token=wrong`);
    await expect.poll(() => page.locator('.banner.error').textContent()).toBe('Cannot reach Biotrain: missing or wrong token');
    await page.close();
  });
});
