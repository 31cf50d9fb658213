import fs from 'node:fs';
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
    await expect.poll(() => page.getByTestId('lint-summary').textContent(), { timeout: 10_000 }).toMatch(/^0 errors, \d+ warnings?$/);
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
  it('imports a feedback file with a progress bar, cancels a long import keeping what was written, and finishes it on a second run', async () => {
    const { page } = browser;
    const LINES = 80_000;
    const file = path.join(tempDir(), 'big-feedback.jsonl');
    const pad = 'x'.repeat(1000);
    const out = fs.createWriteStream(file);
    for (let k = 0; k < LINES; k++)
      out.write(`${JSON.stringify({ session_id: `s${k % 97}`, timestamp: '2026-03-01T00:00:00Z', query: `ChIP-seq peaks in mouse liver ${k} ${pad}`, feedback: 'reject' })}\n`);
    await new Promise((resolve) => out.end(resolve));
    const count = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return (db.prepare("SELECT count(*) AS n FROM interactions WHERE origin = 'import'").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };

    await page.getByLabel('feedback file').fill(file);
    await page.getByLabel('feedback file').press('Enter');
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Importing…' }).isDisabled()).toBe(true);
    await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toMatch(/^[\d.]+ MB of [\d.]+ MBCancel$/);
    await screenshot(page, 'playground-import-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/import cancelled; the lines written so far are kept/);
    expect(await progress.count()).toBe(0);
    const kept = count();
    expect(kept).toBeLessThan(LINES);

    await page.getByLabel('feedback file').press('Enter');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 60_000 })
      .toBe(`${LINES} lines · ${LINES - kept} imported · ${kept} already present · 0 bad · 0 examples`);
    expect(count()).toBe(LINES);
    expect(await page.getByRole('button', { name: 'Import' }).isEnabled()).toBe(true);

    // both imports are jobs on the Generate screen, described in words and bytes
    await page.getByRole('button', { name: 'Generate' }).click();
    const rows = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const size = `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      expect.any(String),
      'import-feedback',
      `feedback from ${file}`,
      'completed',
      `${size} / ${size}`,
      `imported ${LINES - kept}, ${kept} already present, 0 bad lines, 0 examples`,
      '',
    ]);
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('cancelled');
  });
});
