import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser';
import { type Served, startServe, tempDir } from '../support/serve';

describe('playground in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const dbPath = path.join(tempDir(), 'playground.sqlite');
  beforeAll(async () => {
    served = await startServe({ dbPath });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('runs a query, shows intent, tools and a valid workflow, and logs a modification as a training example', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Playground' }).click();
    await page.getByLabel('query').fill('RNA-seq differential expression for mouse liver, treated vs control, paired-end');
    await page.getByLabel('query').press('Control+Enter');
    await expect.poll(() => page.getByLabel('analysis type').inputValue(), { timeout: 15_000 }).toBe('rna_seq_de');
    expect(await page.getByLabel('tissue').inputValue()).toBe('liver');
    expect(await page.getByLabel('comparison').inputValue()).toBe('treated vs control');
    await expect.poll(() => page.getByTestId('lint-summary').textContent(), { timeout: 10_000 }).toBe('0 errors, 0 warnings');
    await screenshot(page, 'playground');

    await page.getByLabel('tissue').fill('hepatocytes');
    await page.getByLabel('execution outcome').selectOption('success');
    await page.getByRole('button', { name: 'Save modification' }).click();
    await expect.poll(() => page.getByTestId('playground-notice').textContent()).toMatch(/^Saved your modification · quality score 0\.[0-9]{2} · training example ix-/);

    const db = new Database(dbPath, { readonly: true });
    try {
      const row = db.prepare('SELECT feedback, execution_success, modifications FROM interactions').get() as { feedback: string; execution_success: number; modifications: string };
      expect(row.feedback).toBe('modify');
      expect(row.execution_success).toBe(1);
      expect(JSON.parse(row.modifications).intent.tissue).toBe('hepatocytes');
      const ex = db.prepare("SELECT source, output FROM examples WHERE kind = 'interaction'").get() as { source: string; output: string };
      expect(ex.source).toBe('interaction');
      expect(JSON.parse(ex.output).intent.tissue).toBe('hepatocytes');
    } finally {
      db.close();
    }
  });
});
