import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser';
import { digits, openScreen, storeQuery } from '../support/screens';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

/**
 * The Dashboard, Generate, Splits, Export and Settings screens in headless Chromium against `biotrain serve`
 * on a store built with `biotrain build --scale 0.1`. Expected numbers are read straight from SQLite.
 */
describe('dataset screens in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let dir: string;
  let dbPath: string;
  const errors: string[] = [];

  const query = storeQuery(() => dbPath);
  const num = digits;
  const open = async (name: string) => {
    await openScreen(page, name);
    await expect.poll(() => page.locator('.nav-item.active').textContent()).toBe(name);
  };

  beforeAll(async () => {
    dir = tempDir('biotrain-screens-');
    dbPath = path.join(dir, 'store.sqlite');
    const built = await runCli(['build', '--scale', '0.1', '--db', dbPath, '--out', path.join(dir, 'first-build')]);
    expect(built.code, built.stderr).toBe(0);
    served = await startServe({ dbPath });
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}#token=${served.token}`);
    await page.locator('.sidebar-foot', { hasText: 'studio' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Dashboard shows the kind counts against targets, the gates of the latest build and coverage charts', async () => {
    await open('Dashboard');
    const kinds = query<{ kind: string; n: number }>('SELECT kind, COUNT(*) AS n FROM examples GROUP BY kind');
    expect(kinds.length).toBe(5);
    for (const k of kinds) await expect.poll(() => page.locator(`tr[data-kind="${k.kind}"] .kind-count`).textContent().then(num)).toBe(k.n);
    const total = kinds.reduce((a, k) => a + k.n, 0);
    expect(num(await page.getByTestId('total-examples').textContent())).toBe(total);
    await expect.poll(() => page.locator('tr[data-kind="query_variation"] td').nth(2).textContent()).toBe('5,000');

    const report = JSON.parse(
      query<{ quality_report: string }>("SELECT quality_report FROM builds WHERE status IN ('passed','failed') ORDER BY created_at DESC LIMIT 1")[0]!.quality_report,
    ) as { gates: { name: string; display: string; result: string }[] };
    const gateRows = page.getByRole('table', { name: 'Quality gates' }).locator('tbody tr');
    await expect.poll(() => gateRows.count()).toBe(report.gates.length + 1);
    for (const [i, g] of report.gates.entries()) {
      const cells = gateRows.nth(i).locator('td');
      expect(await cells.nth(0).textContent()).toBe(g.name);
      expect(await cells.nth(1).textContent()).toBe(g.display);
      expect(await cells.nth(3).textContent()).toBe(g.result);
    }
    expect(await gateRows.last().locator('td').first().textContent()).toBe('leakage');

    expect(await page.getByRole('list', { name: 'Category coverage' }).locator('li').count()).toBe(27);
    const tools = page.getByRole('list', { name: 'Tool coverage' }).locator('.hbar-value');
    expect(await tools.count()).toBe(86);
    const toolValues = (await tools.allTextContents()).map(num);
    expect(toolValues).toEqual([...toolValues].sort((a, b) => b - a));
    expect(await page.getByRole('list', { name: 'Difficulty distribution' }).locator('li').count()).toBe(3);
    await screenshot(page, 'screens-dashboard');
  });

  it('Generate starts a job, follows it to completion and rejects an invalid count', async () => {
    await open('Generate');
    await expect.poll(() => page.getByLabel('query_variation count').inputValue()).toBe('5000');
    await expect.poll(() => page.getByLabel('error_diagnosis count').inputValue()).toBe('500');
    const jobsBefore = query<{ n: number }>('SELECT COUNT(*) AS n FROM jobs')[0]!.n;
    await expect.poll(() => page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').count()).toBe(jobsBefore);

    await page.getByLabel('education count').fill('0');
    await page.getByLabel('education count').press('Enter');
    await expect.poll(() => page.locator('.banner.error').textContent()).toBe('Education: count must be a whole number from 1 to 1,000,000');

    await page.getByLabel('education count').fill('20');
    await page.getByLabel('education seed').fill('7');
    await page.locator('form[data-kind="education"]').getByRole('button', { name: 'Start' }).click();
    const newest = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first();
    await expect.poll(() => newest.locator('td').nth(2).textContent(), { timeout: 30_000 }).toBe('Education · template · 20 · seed 7');
    await expect.poll(() => newest.locator('.pill').textContent(), { timeout: 60_000 }).toBe('completed');
    expect(await newest.locator('td').nth(4).textContent()).toBe('20 / 20');
    expect(await page.locator('.banner.error').count()).toBe(0);
    const job = query<{ status: string; progress_done: number }>("SELECT status, progress_done FROM jobs WHERE params LIKE '%\"seed\":7%'")[0]!;
    expect(job).toEqual({ status: 'completed', progress_done: 20 });
    await screenshot(page, 'screens-generate');
  });

  it('Splits previews per-split counts live, reacts to the train ratio and explains an invalid ratio', async () => {
    await open('Splits');
    const included = query<{ n: number }>("SELECT COUNT(*) AS n FROM examples WHERE status IN ('auto_validated','accepted')")[0]!.n;
    const total = page.getByRole('table', { name: 'Split preview by analysis type' }).locator('tfoot td');
    await expect.poll(() => total.nth(4).textContent().then(num)).toBe(included);
    const types = query<{ n: number }>("SELECT COUNT(DISTINCT analysis_type) AS n FROM examples WHERE status IN ('auto_validated','accepted')")[0]!.n;
    expect(await page.getByRole('table', { name: 'Split preview by analysis type' }).locator('tbody tr').count()).toBe(types);
    const trainBefore = num(await page.getByTestId('split-train').textContent());
    const valBefore = num(await page.getByTestId('split-val').textContent());
    expect(trainBefore + valBefore + num(await page.getByTestId('split-test').textContent())).toBe(included);
    expect(await page.getByTestId('leakage').textContent()).toMatch(/^0 shared groups\d+ cross-split near-dups$/);

    // invalid: 0.9 + 0.1 + 0.1
    await page.getByLabel('train ratio').fill('0.9');
    await expect.poll(() => page.locator('.split-problem').textContent()).toBe('Ratios must add up to 1: train + val + test is 1.1, over by 0.1.');
    await screenshot(page, 'screens-splits-invalid');

    // valid again with a smaller train share: 0.6 + 0.3 + 0.1
    await page.getByLabel('train ratio').fill('0.6');
    await page.getByLabel('val ratio').fill('0.3');
    await expect.poll(() => page.locator('.split-problem').count()).toBe(0);
    await expect.poll(() => page.getByTestId('split-train').textContent().then(num)).toBeLessThan(trainBefore);
    expect(num(await page.getByTestId('split-val').textContent())).toBeGreaterThan(valBefore);
    await expect.poll(() => total.nth(4).textContent().then(num)).toBe(included);
    await screenshot(page, 'screens-splits');

    // back to the defaults for the export test
    await page.getByLabel('train ratio').fill('0.8');
    await page.getByLabel('val ratio').fill('0.1');
    await page.getByLabel('seed').press('Enter');
    await expect.poll(() => page.getByTestId('split-train').textContent().then(num)).toBe(trainBefore);
  });

  it('Export runs the build as a job and shows the manifest, the gates and the previous builds', async () => {
    await open('Export');
    const before = query<{ n: number }>('SELECT COUNT(*) AS n FROM builds')[0]!.n;
    await expect.poll(() => page.getByRole('table', { name: 'Previous builds' }).locator('tbody tr').count()).toBe(before);
    const out = path.join(dir, 'ui-export');
    await page.getByLabel('output folder').fill(out);
    await page.getByRole('button', { name: 'Run build & export' }).click();
    // progress shows while the job runs, then the finished build is shown
    await expect.poll(() => page.getByRole('button', { name: 'Building…' }).count(), { timeout: 10_000 }).toBe(1);
    const detail = page.getByTestId('build-detail');
    await expect.poll(() => page.getByRole('table', { name: 'Previous builds' }).locator('tbody tr').count(), { timeout: 120_000 }).toBe(before + 1);
    await expect.poll(() => detail.locator('.pill').first().textContent(), { timeout: 120_000 }).toBe('passed');
    await expect.poll(() => page.getByRole('button', { name: 'Run build & export' }).isEnabled()).toBe(true);
    const build = query<{ id: string; status: string; manifest: string; output_dir: string }>(
      'SELECT id, status, manifest, output_dir FROM builds ORDER BY created_at DESC LIMIT 1',
    )[0]!;
    expect(build.status).toBe('passed');
    expect(build.output_dir).toBe(out);
    expect(await detail.locator('h2').textContent()).toBe(`Build ${build.id.slice(0, 8)}`);
    const manifest = JSON.parse(build.manifest) as { files: { path: string; sha256: string; rows: number | null }[] };
    const rows = page.getByRole('table', { name: 'Manifest files' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(manifest.files.length);
    const train = manifest.files.findIndex((f) => f.path === 'processed/train.jsonl');
    const trainRows = query<{ n: number }>("SELECT COUNT(*) AS n FROM build_items WHERE build_id = ? AND split = 'train'", build.id)[0]!.n;
    expect(num(await rows.nth(train).locator('td').nth(1).textContent())).toBe(trainRows);
    expect(await rows.nth(train).locator('td').nth(3).textContent()).toBe(manifest.files[train]!.sha256.slice(0, 12));
    const onDisk = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'manifest.json'), 'utf8')) as { files: unknown[] };
    expect(onDisk.files.length).toBe(manifest.files.length);
    const gates = page.getByRole('table', { name: 'Gate results' }).locator('tbody tr');
    expect(await gates.count()).toBe(6);
    expect(await gates.last().locator('td').allTextContents()).toEqual(['leakage', '0 groups, 0 near-dups', '0', 'pass']);
    await screenshot(page, 'screens-export');
  });

  it('Settings saves the LLM settings with a confirmation; the API key stays out of SQLite', async () => {
    await open('Settings');
    await expect.poll(() => page.getByTestId('api-key-state').textContent()).toBe('not set');
    await page.getByLabel('base URL').fill('not a url');
    await page.getByLabel('model').press('Enter');
    await expect.poll(() => page.locator('.banner.error').textContent()).toBe('The base URL is not a valid URL (e.g. http://127.0.0.1:8000/v1).');

    const key = 'sk-test-screens-e2e-secret';
    await page.getByLabel('base URL').fill('http://127.0.0.1:9999/v1');
    await page.getByLabel('model').fill('test-model');
    await page.getByLabel('concurrency').fill('3');
    await page.getByLabel('timeout seconds').fill('45');
    await page.getByLabel('API key').fill(key);
    expect(await page.getByLabel('API key').getAttribute('type')).toBe('password');
    await page.getByLabel('model').press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Settings saved at .+\. The API key was stored\.$/);
    await expect.poll(() => page.getByTestId('api-key-state').textContent()).toBe('set');
    expect(await page.getByLabel('API key').inputValue()).toBe('');
    expect(await page.locator('.key-note').textContent()).toContain('You are in browser mode.');

    const llm = JSON.parse(query<{ value: string }>("SELECT value FROM settings WHERE key = 'llm'")[0]!.value) as Record<string, unknown>;
    expect(llm).toEqual({ baseURL: 'http://127.0.0.1:9999/v1', model: 'test-model', concurrency: 3, timeoutMs: 45_000 });
    const db = new Database(dbPath, { readonly: true });
    const dump = db.prepare("SELECT group_concat(value, '|') AS v FROM settings").get() as { v: string };
    db.close();
    expect(dump.v).not.toContain(key);
    await screenshot(page, 'screens-settings');
    expect(errors).toEqual([]);
  });
});
