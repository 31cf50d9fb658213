import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

describe('reviewer app: a bundle opened with serve --review', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const dir = tempDir();
  const bundle = path.join(dir, 'batch.btbundle');
  const decisions = path.join(dir, 'batch.alice.decisions.json');

  beforeAll(async () => {
    const db = path.join(dir, 'studio.sqlite');
    expect((await runCli(['generate', '--kind', 'query_variation', '--count', '300', '--db', db])).code).toBe(0);
    const created = await runCli(['bundle', 'create', '--db', db, '--out', bundle, '--filter', 'all', '--limit', '5']);
    expect(created.code, created.stderr).toBe(0);
    served = await startServe({ extraArgs: ['--review', bundle, '--reviewer', 'alice', '--decisions', decisions] });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows only the review queue, and each key press is saved to the decisions file', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await expect.poll(() => page.locator('.nav-item').allTextContents()).toEqual(['Review']);
    await expect.poll(() => page.getByTestId('bundle-panel').textContent()).toContain('as alice · 0 of 5 decided');
    await page.getByRole('combobox', { name: 'status filter' }).selectOption('');
    const current = page.getByTestId('current-item');
    const first = await current.getAttribute('data-id');
    await page.keyboard.press('a');
    await expect.poll(() => current.getAttribute('data-id')).not.toBe(first);
    await page.keyboard.press('x');
    await expect.poll(() => {
      const file = JSON.parse(fs.readFileSync(decisions, 'utf8')) as { reviewer: string; decisions: { example_id: string; action: string }[] };
      return file.decisions.length;
    }).toBe(2);
    const file = JSON.parse(fs.readFileSync(decisions, 'utf8')) as { reviewer: string; decisions: { example_id: string; action: string }[] };
    expect(file.reviewer).toBe('alice');
    expect(file.decisions.find((d) => d.example_id === first)?.action).toBe('accept');
    await page.keyboard.press('Backspace');
    await expect.poll(() => (JSON.parse(fs.readFileSync(decisions, 'utf8')) as { decisions: unknown[] }).decisions.length).toBe(1);
    await screenshot(page, 'reviewer-mode');
  });
});
