import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalComparison, EvalReport, EvalRunRow } from '../../src-preload/schemas/model-eval';
import { PATHS } from '../../src-main/export/layout';
import type { TrainingRecord } from '../../src-main/export/record';
import { launchBrowser, screenshot } from '../support/browser';
import { badModel, goodModel, readRecords } from '../support/eval-models';
import { OpenAiTestServer } from '../support/openai-test-server';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

interface JobRow {
  id: string;
  status: string;
  result: { runId: string } | null;
  error: string | null;
}

/**
 * Model evaluation through the bridge (evalModel.* channels, the 'eval-model' job) and on the Evaluate and
 * Dashboard screens, against scripted good and bad models on 127.0.0.1.
 */
describe('Evaluate: runs through the bridge and on the screens', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let records: TrainingRecord[];
  const servers: OpenAiTestServer[] = [];
  const errors: string[] = [];
  const runs: Record<string, string> = {};

  /** the bad model's intent-parsing score: 0 for a JSON target, 1/3 for a prose one (format broken, facts missing, none invented) */
  const qvScore = () => {
    const qv = records.filter((r) => r.metadata.kind === 'query_variation');
    return qv.filter((r) => !r.messages[2].content.includes('```json')).length / 3 / qv.length;
  };

  async function model(respond: ReturnType<typeof goodModel>): Promise<string> {
    const s = new OpenAiTestServer({ respond });
    servers.push(s);
    return (await s.start()).baseURL;
  }

  async function evaluate(baseURL: string, name: string): Promise<string> {
    const job = await served.api<JobRow>('evalModel.start', { baseURL, model: name, concurrency: 8 });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const row = (await served.api<JobRow[]>('jobs.list')).find((j) => j.id === job.id);
      if (row?.status === 'completed') return row.result!.runId;
      if (row && row.status !== 'running' && row.status !== 'queued') throw new Error(`eval job ${row.status}: ${row.error}`);
      if (Date.now() > deadline) throw new Error('eval job did not finish in 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    const dir = tempDir('biotrain-evaluate-');
    const dbPath = path.join(dir, 'store.sqlite');
    const built = await runCli(['build', '--scale', '0.1', '--db', dbPath, '--out', path.join(dir, 'built')]);
    expect(built.code, built.stderr).toBe(0);
    records = readRecords(path.join(dir, 'built', PATHS.processed('test')));
    served = await startServe({ dbPath });
    runs.good = await evaluate(await model(goodModel(records)), 'good-model');
    runs.bad = await evaluate(await model(badModel(records)), 'bad-model');
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}#token=${served.token}`);
    await page.locator('.sidebar-foot', { hasText: 'studio' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    for (const s of servers) await s.close();
  });

  it('the bridge stores both runs of the test split, reports them and compares them', async () => {
    const list = await served.api<EvalRunRow[]>('evalModel.runs', {});
    expect(list.map((r) => [r.id, r.model, r.split, r.n, r.status])).toEqual([
      [runs.bad, 'bad-model', 'test', records.length, 'completed'],
      [runs.good, 'good-model', 'test', records.length, 'completed'],
    ]);
    expect(list[1]!.score).toBe(1);
    const good = await served.api<{ report: EvalReport }>('evalModel.get', { id: runs.good });
    expect(good.report.summary.answered).toBe(records.length);
    expect(good.report.settings.source).toMatch(/^build /);
    const bad = await served.api<{ report: EvalReport }>('evalModel.get', { id: runs.bad });
    const task = (k: string) => bad.report.summary.by_task.find((g) => g.key === k);
    expect(task('query_variation')?.score).toBeCloseTo(qvScore(), 12);
    // tool selection answers carry no intent JSON: format (kept) and tool F1 (0) make the score
    expect(task('tool_selection')?.score).toBeCloseTo(1 / 2, 12);
    expect(bad.report.worst.length).toBe(20);
    const c = await served.api<EvalComparison>('evalModel.compare', { a: runs.good, b: runs.bad });
    // a prose target (off-topic scope statement) answered with JSON breaks the format, so every bad answer is worse
    expect(c.changes).toEqual({ better: 0, worse: records.length, same: 0, unmatched: 0 });
    await expect(served.api('evalModel.compare', { a: runs.good, b: 'nope' })).rejects.toThrow('no evaluation run nope');
    await expect(served.api('evalModel.start', { baseURL: 'ftp://x', model: 'm' })).rejects.toThrow(/invalid request for evalModel\.start/);
  });

  it('Evaluate shows the runs, the latest report and a side-by-side comparison; the Dashboard lists the latest runs', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Evaluate');
    const table = page.getByRole('table', { name: 'Evaluation runs' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    // the newest completed run is open: the bad model's, with its per-task table and worst answers
    const report = page.getByTestId('eval-report');
    await expect.poll(() => report.locator('h2').textContent()).toMatch(/^bad-model: /);
    await expect.poll(() => page.getByRole('list', { name: 'Worst answers' }).locator(':scope > li').count()).toBe(20);
    const qv = page.getByRole('table', { name: 'task' }).locator('tr', { hasText: 'Query variations' });
    // the screen formats the stored score (a float sum: 0.0625 may be stored as 0.06249999...), not qvScore()
    const bad = await served.api<{ report: EvalReport }>('evalModel.get', { id: runs.bad });
    const stored = bad.report.summary.by_task.find((g) => g.key === 'query_variation')!.score;
    expect(stored).toBeCloseTo(qvScore(), 12);
    await expect.poll(() => qv.locator('td').nth(2).textContent()).toBe(`${(100 * stored).toFixed(1)}%`);

    await page.getByLabel(`compare ${runs.good} as A`).check();
    await page.getByLabel(`compare ${runs.bad} as B`).check();
    const cmp = page.getByTestId('eval-compare');
    await expect.poll(() => cmp.locator('.muted').first().textContent()).toBe(`0 better, ${records.length} worse, 0 same, 0 in one run only`);
    const row = cmp.getByRole('table', { name: 'Metrics A vs B' }).locator('tr', { hasText: 'Query variations' }).filter({ hasText: 'intent.fields' });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['Query variations', 'intent.fields', '100.0%', '0.0%', '-100.0']);
    await screenshot(page, 'evaluate');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
    const card = page.getByTestId('latest-eval-runs');
    await expect.poll(() => card.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => card.locator('tbody tr').first().textContent()).toContain('bad-model');
    expect(errors).toEqual([]);
  });

  it('Settings keeps the dataset licence the export writes (unknown until chosen)', async () => {
    expect(await served.api<{ license: string }>('exportSettings.get', {})).toEqual({ license: 'unknown' });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Dataset licence' });
    await expect.poll(() => form.getByLabel('dataset licence').inputValue()).toBe('unknown');
    await form.getByLabel('dataset licence').fill('cc-by-4.0');
    await form.getByRole('button', { name: 'Save licence' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved: the next export carries license cc-by-4.0.');
    expect(await served.api<{ license: string }>('exportSettings.get', {})).toEqual({ license: 'cc-by-4.0' });
    await form.getByLabel('dataset licence').fill('Not A Licence');
    await form.getByRole('button', { name: 'Save licence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/a licence id such as apache-2\.0/);
    expect(errors).toEqual([]);
  });
});
