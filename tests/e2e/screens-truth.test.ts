import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_PHASES, EXCLUSION_REASONS, type ExclusionReason } from '../../src-preload/schemas/build';
import type { Example } from '../../src-preload/schemas/example';
import { targetStatus } from '../../src-preload/schemas/plan-targets';
import { taskOf } from '../../src-main/task-contract/tasks';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { OpenAiTestServer } from '../support/openai-test-server';
import { digits, openScreen, storeQuery } from '../support/screens';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

/** Where the screenshots of every screen at both sizes go (BIOTRAIN_SCREENSHOT_DIR, else test-results). */
const SHOTS = process.env.BIOTRAIN_SCREENSHOT_DIR ?? SCREENSHOT_DIR;
const SCREENS = ['Dashboard', 'Generate', 'Review', 'Playground', 'Splits', 'Export', 'Evaluate', 'Settings'] as const;
const RNA_QUERY = 'RNA-seq differential expression for mouse liver, treated vs control, paired-end';

/**
 * Export and jobs tell the truth, Settings tests its connection, the Playground never acts on a stale run,
 * and every screen fits 1024 px: headless Chromium against `biotrain serve` on a `build --scale 0.1` store,
 * expected numbers read from SQLite, the LLM endpoint the loopback OpenAI-compatible test server.
 */
describe('screens that tell the truth, in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let llm: OpenAiTestServer;
  let llmURL: string;
  let dir: string;
  let dbPath: string;
  const errors: string[] = [];

  const query = storeQuery(() => dbPath);
  const num = digits;
  const open = (name: (typeof SCREENS)[number]) => openScreen(page, name);

  beforeAll(async () => {
    dir = tempDir('biotrain-truth-');
    dbPath = path.join(dir, 'store.sqlite');
    const built = await runCli(['build', '--scale', '0.1', '--db', dbPath, '--out', path.join(dir, 'first-build')]);
    expect(built.code, built.stderr).toBe(0);
    llm = new OpenAiTestServer({ respond: () => '{}', models: ['llama3.1:8b', 'qwen2.5:7b'] });
    ({ baseURL: llmURL } = await llm.start());
    served = await startServe({ dbPath });
    browser = await launchBrowser();
    page = browser.page;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}#token=${served.token}`);
    await page.locator('.sidebar-foot', { hasText: 'studio' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await llm?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Settings "Test connection" lists the models served with status and latency, and names the URL of a dead endpoint', async () => {
    await open('Settings');
    await page.getByLabel('base URL').fill(llmURL);
    await page.getByLabel('model', { exact: true }).fill('qwen2.5:7b');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await expect.poll(() => result.locator('.pill').first().textContent()).toBe('connected');
    expect(await page.getByTestId('connection-status').textContent()).toMatch(/^HTTP 200 in \d+ ms$/);
    expect(await result.locator('code').textContent()).toBe(`GET ${llmURL}/models`);
    expect(await page.getByRole('list', { name: 'Models served' }).locator('li').allTextContents()).toEqual(['llama3.1:8b', 'qwen2.5:7b']);
    expect(await page.getByTestId('connection-model').textContent()).toBe('“qwen2.5:7b” is served.');

    await page.getByLabel('model', { exact: true }).fill('gpt-4o');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('connection-model').textContent()).toBe('“gpt-4o” is not among the 2 models served: pick one below or check the name.');
    await page.getByRole('list', { name: 'Models served' }).getByRole('button', { name: 'llama3.1:8b' }).click();
    expect(await page.getByLabel('model', { exact: true }).inputValue()).toBe('llama3.1:8b');
    expect(llm.modelRequests.length).toBe(2);
    expect(llm.count).toBe(0); // no chat completion was asked for

    // a port where nothing listens
    const free = http.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const port = (free.address() as AddressInfo).port;
    await new Promise<void>((r) => free.close(() => r()));
    await page.getByLabel('base URL').fill(`http://127.0.0.1:${port}/v1`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByTestId('connection-error').textContent()).toBe(`cannot reach http://127.0.0.1:${port}/v1/models: ECONNREFUSED`);
    expect(await page.getByTestId('connection-status').textContent()).toMatch(/^no answer in \d+ ms$/);
    expect(await result.locator('.pill').first().textContent()).toBe('failed');
    // nothing was saved by testing
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM settings WHERE key = 'llm'")[0]!.n).toBe(0);
  });

  it('Dashboard shows the latest build\'s targets vs kept counts, query quality and expert-verified test items; Splits the expert test items', async () => {
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'first-build', 'metadata', 'quality_report.json'), 'utf8')) as {
      targets: { kind: string; target: number; kept: number; met: boolean }[];
      query_quality: { overall: { distinct3: number }; styles: Record<string, { count: number; artefacts: number }>; misses: string[] };
    };
    await open('Dashboard');
    const targets = page.getByRole('table', { name: 'Targets vs kept' });
    await targets.waitFor();
    for (const t of report.targets) {
      const row = targets.locator(`tr[data-kind="${t.kind}"]`);
      expect(num(await row.locator('td').nth(1).textContent())).toBe(t.target);
      expect(num(await row.locator('td.kept').textContent())).toBe(t.kept);
      expect(await row.locator('.pill').textContent()).toBe(t.met ? 'met' : 'short');
    }
    const quality = page.getByRole('table', { name: 'Query quality' });
    expect(await quality.locator('tbody tr').count()).toBe(Object.keys(report.query_quality.styles).length + 1);
    for (const [style, q] of Object.entries(report.query_quality.styles)) {
      const cells = quality.locator(`tr[data-style="${style}"] td`);
      expect(num(await cells.nth(1).textContent())).toBe(q.count);
      expect(num(await cells.nth(5).textContent())).toBe(q.artefacts);
    }
    expect(await page.getByTestId('distinct3-all').textContent()).toBe(report.query_quality.overall.distinct3.toFixed(3));
    if (report.query_quality.misses.length > 0)
      expect(await page.getByRole('list', { name: 'Query targets missed' }).locator('li').allTextContents()).toEqual(report.query_quality.misses);
    const verified = query<{ n: number }>("SELECT COUNT(*) AS n FROM expert_verifications")[0]!.n;
    expect(await page.getByTestId('expert-verified').textContent()).toBe('0 / 100');
    expect(verified).toBe(0);
    await open('Splits');
    await expect.poll(() => page.getByTestId('expert-test').textContent()).toBe('0 / 100');
  });

  it('Playground: an edited tool list regenerates the workflow that the modification stores; a failed run clears the result', async () => {
    await open('Playground');
    await page.getByLabel('query').fill(RNA_QUERY);
    await page.getByLabel('query').press('Control+Enter');
    await expect.poll(() => page.getByLabel('analysis type').inputValue(), { timeout: 15_000 }).toBe('rna_seq_de');
    const chosen = page.getByRole('list', { name: 'Chosen tools' }).locator('li b');
    const before = await chosen.allTextContents();
    expect(before.length).toBeGreaterThan(2);
    const tabs = page.getByTestId('playground-workflow').locator('.tab');
    await expect.poll(() => tabs.count()).toBeGreaterThan(1);
    const tabsBefore = await tabs.allTextContents();

    // drop the last tool: the workflow is regenerated without its module
    const dropped = before.at(-1)!;
    await page.getByRole('button', { name: `remove ${dropped}` }).click();
    await expect.poll(() => page.getByTestId('workflow-state').textContent(), { timeout: 10_000 }).toBe('regenerated for your edits');
    const regenerated = await served.api<{ workflow: Record<string, string>; problems: unknown[] }>('playground.regenerate', {
      query: RNA_QUERY,
      intent: JSON.parse(query<{ intent: string }>('SELECT intent FROM interactions ORDER BY timestamp DESC LIMIT 1')[0]!.intent),
      tools: JSON.parse(query<{ tools: string }>('SELECT tools FROM interactions ORDER BY timestamp DESC LIMIT 1')[0]!.tools).filter((t: { tool: string }) => t.tool !== dropped),
    });
    expect(regenerated.problems).toEqual([]);
    await expect.poll(() => tabs.count()).toBe(Object.keys(regenerated.workflow).length);
    expect(Object.keys(regenerated.workflow).length).toBeLessThan(tabsBefore.length);

    await page.getByRole('button', { name: 'Save modification' }).click();
    const confirmation = page.getByTestId('playground-notice');
    await expect.poll(() => confirmation.textContent()).toMatch(/^Saved your modification · quality score 0\.\d\d · training example ix-/);
    // on screen, not below the fold
    const box = (await confirmation.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    const row = query<{ modifications: string }>("SELECT modifications FROM interactions WHERE feedback = 'modify'")[0]!;
    const mods = JSON.parse(row.modifications) as { tools: { tool: string }[]; workflow: { files: Record<string, string> } };
    expect(mods.tools.map((t) => t.tool)).toEqual(before.slice(0, -1));
    expect(mods.workflow.files).toEqual(regenerated.workflow);

    // a run the server refuses (over 100,000 characters) leaves no result to accept
    await page.getByLabel('query').fill('x'.repeat(100_001));
    await page.getByRole('button', { name: 'Run (ctrl+enter)' }).click();
    await expect.poll(() => page.locator('.banner.error').textContent()).toMatch(/^The run failed: /);
    expect(await page.getByTestId('playground-intent').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save modification' }).count()).toBe(0);
  });

  it('Generate shows far above the target as over target, and the counts after a cancel', async () => {
    await open('Generate');
    const cell = (kind: string) => page.locator(`form[data-kind="${kind}"] .in-store`);
    await page.getByLabel('error_diagnosis count').fill('600');
    await page.getByLabel('error_diagnosis seed').fill('7');
    await page.locator('form[data-kind="error_diagnosis"]').getByRole('button', { name: 'Start' }).click();
    const inStore = () => query<{ n: number }>("SELECT COUNT(*) AS n FROM examples WHERE kind = 'error_diagnosis'")[0]!.n;
    await expect.poll(() => cell('error_diagnosis').getAttribute('data-target-status'), { timeout: 60_000 }).toBe('over');
    const n = inStore();
    expect(n).toBeGreaterThan(550);
    expect(await cell('error_diagnosis').textContent()).toBe(`${n.toLocaleString('en-US')} / 500over target ${Math.round((100 * n) / 500)}%`);
    expect(await cell('tool_selection').getAttribute('data-target-status')).toBe('below');

    // a long job cancelled part way: the in-store count follows without a reload
    const qvBefore = query<{ n: number }>("SELECT COUNT(*) AS n FROM examples WHERE kind = 'query_variation'")[0]!.n;
    await page.getByLabel('query_variation count').fill('200000');
    await page.getByLabel('query_variation seed').fill('11');
    await page.locator('form[data-kind="query_variation"]').getByRole('button', { name: 'Start' }).click();
    const live = page.locator('.job-live').first();
    await expect.poll(async () => num((await live.locator('.num').textContent())?.split('/')[0] ?? '0'), { timeout: 60_000 }).toBeGreaterThan(0);
    await live.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Jobs' }).locator('tbody tr').first().locator('.pill').textContent(), { timeout: 30_000 }).toBe('cancelled');
    const qvAfter = query<{ n: number }>("SELECT COUNT(*) AS n FROM examples WHERE kind = 'query_variation'")[0]!.n;
    expect(qvAfter).toBeGreaterThan(qvBefore);
    await expect.poll(() => cell('query_variation').textContent().then((t) => num(t?.split('/')[0] ?? ''))).toBe(qvAfter);
  }, 120_000);

  it('Export: progress through the build steps, then per-task counts, exclusions by reason and rule with links into Review, and the accepted examples dropped', async () => {
    await open('Export');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="job-step"]')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('output folder').fill(path.join(dir, 'ui-export'));
    await page.getByRole('button', { name: 'Run build & export' }).click();
    const detail = page.getByTestId('build-detail');
    await expect.poll(() => page.getByRole('button', { name: 'Run build & export' }).count(), { timeout: 180_000 }).toBe(1);
    await expect.poll(() => detail.locator('.pill').first().textContent(), { timeout: 30_000 }).toMatch(/^(passed|failed)$/);
    const steps = await page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
    const index = steps.map((s) => Number(/^step (\d+) of 7: /.exec(s)?.[1]));
    expect(steps[0]).toBe('step 1 of 7: validate');
    expect(steps).toContain('step 5 of 7: export');
    expect(index).toEqual([...index].sort((a, b) => a - b));
    for (const s of steps) expect(BUILD_PHASES).toContain(s.replace(/^step \d+ of 7: /, ''));

    const build = query<{ id: string }>('SELECT id FROM builds ORDER BY created_at DESC LIMIT 1')[0]!.id;
    // per task: each kind teaches one, a logged interaction the one its answer holds (the Playground's is a workflow)
    const perTask = new Map<string, { n: number; excluded: number }>();
    for (const r of query<{ kind: Example['kind']; output: string; excluded: string | null }>(
      'SELECT x.kind, x.output, b.excluded FROM build_items b JOIN examples x ON x.id = b.example_id WHERE b.build_id = ?',
      build,
    )) {
      const task = taskOf({ kind: r.kind, output: JSON.parse(r.output) as Example['output'] });
      const t = perTask.get(task) ?? { n: 0, excluded: 0 };
      perTask.set(task, t);
      t.n++;
      if (r.excluded) t.excluded++;
    }
    const tasks = page.getByRole('table', { name: 'Examples per task' });
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(perTask.size);
    for (const [task, t] of perTask) {
      const cells = tasks.locator(`tr[data-task="${task}"] td`);
      expect([task, num(await cells.nth(1).textContent()), num(await cells.nth(5).textContent())]).toEqual([task, t.n, t.excluded]);
    }
    // kept against the target: the 650 error diagnoses in the store keep what dedup leaves
    const ed = perTask.get('error_diagnosis')!;
    expect(await tasks.locator('tr[data-task="error_diagnosis"] [data-target-status]').getAttribute('data-target-status')).toBe(targetStatus(ed.n - ed.excluded, 500));
    expect(await tasks.locator('tr[data-task="error_diagnosis"] .target-progress .num').textContent()).toBe(`${Math.round((100 * (ed.n - ed.excluded)) / 500)}%`);

    // every exclusion reason, with the count the build stored
    const byReason = new Map(query<{ excluded: string; n: number }>('SELECT excluded, COUNT(*) AS n FROM build_items WHERE build_id = ? AND excluded IS NOT NULL GROUP BY excluded', build).map((r) => [r.excluded, r.n]));
    const reasons = page.getByRole('table', { name: 'Exclusions by reason' });
    for (const reason of Object.keys(EXCLUSION_REASONS) as ExclusionReason[]) {
      const cells = reasons.locator(`tr[data-reason="${reason}"] td`);
      expect([reason, await cells.nth(0).textContent(), num(await cells.nth(1).textContent())]).toEqual([reason, EXCLUSION_REASONS[reason], byReason.get(reason) ?? 0]);
    }

    // the reviewed examples it dropped: accepted or edited before the build started, left out (as SQL counts them)
    const droppedN = query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM build_items b WHERE b.build_id = ? AND b.excluded IS NOT NULL AND (
         SELECT e.action FROM review_events e WHERE e.example_id = b.example_id AND e.action != 'undo'
           AND e.created_at <= (SELECT created_at FROM builds WHERE id = ?)
           AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) ORDER BY e.seq DESC LIMIT 1) IN ('accept', 'edit')`,
      build,
      build,
    )[0]!.n;
    expect(await page.getByRole('heading', { name: /^Reviewed examples this build dropped/ }).textContent()).toBe(`Reviewed examples this build dropped (${droppedN})`);
    if (droppedN === 0) expect(await page.getByTestId('dropped-none').textContent()).toBe('Every example a reviewer accepted or edited before this build is in it.');
    else expect(await page.getByRole('table', { name: 'Dropped reviewed examples' }).locator('tbody tr').count()).toBe(Math.min(200, droppedN));
    const why = (Object.keys(EXCLUSION_REASONS) as ExclusionReason[]).find((r) => (byReason.get(r) ?? 0) > 0)!;

    // the link opens Review on exactly the examples this build left out for that reason
    await reasons.locator(`tr[data-reason="${why}"]`).getByRole('button', { name: 'show in Review' }).click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Review');
    expect(await page.getByTestId('excluded-filter').textContent()).toBe(`left out of build ${build.slice(0, 8)}: ${EXCLUSION_REASONS[why]}×`);
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(new RegExp(`^${byReason.get(why)} items · `));
    expect(decodeURIComponent(page.url())).toContain(`"excludedFrom":{"buildId":"${build}","reason":"${why}"}`);
    // Back returns to Export
    await page.goBack();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Export');
  }, 240_000);

  it('every screen fits 1440x900 and 1024x700: collapsible sidebar, no page-wide scroll, code scrolls instead of clipping', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => localStorage.removeItem('biotrain.sidebar'));
      await page.reload();
      await page.locator('.sidebar-foot').waitFor({ state: 'attached' });
      // collapsed by default below 1200 px, open above
      expect(await page.locator('.shell').getAttribute('class')).toBe(width < 1200 ? 'shell collapsed' : 'shell');
      for (const name of SCREENS) {
        await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
        await expect.poll(() => page.locator('main h1').first().textContent()).toBe(name);
        if (name === 'Playground') {
          await page.getByLabel('query').fill(RNA_QUERY);
          await page.getByLabel('query').press('Control+Enter');
          await page.getByTestId('lint-summary').waitFor({ timeout: 15_000 });
        }
        if (name === 'Settings') {
          await page.getByLabel('base URL').fill(llmURL);
          await page.getByRole('button', { name: 'Test connection' }).click();
          await page.getByTestId('connection-result').waitFor();
        }
        await page.waitForTimeout(400);
        const m = await page.evaluate(() => {
          const content = document.querySelector('main.content') as HTMLElement;
          const scrolls = (el: Element) => {
            const s = getComputedStyle(el);
            return /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
          };
          const code = [...document.querySelectorAll('pre.code')].map((p) => ({ clipped: p.scrollWidth > p.clientWidth + 1 && !/(auto|scroll)/.test(getComputedStyle(p).overflowX) }));
          return {
            pageX: document.documentElement.scrollWidth - window.innerWidth,
            pageY: document.documentElement.scrollHeight - window.innerHeight,
            contentX: content.scrollWidth - content.clientWidth,
            // the regions the reader scrolls: the content column, or inside Review its item pane
            regions: [content, ...document.querySelectorAll('.item-pane')].filter(scrolls).length,
            clippedCode: code.filter((c) => c.clipped).length,
          };
        });
        expect([name, width, m]).toEqual([name, width, { pageX: 0, pageY: 0, contentX: 0, regions: m.regions > 0 ? 1 : 0, clippedCode: 0 }]);
        await page.screenshot({ path: path.join(SHOTS, `${name.toLowerCase()}-${width}.png`) });
      }
    }
    // the toggle collapses and restores the sidebar, and remembers it
    await page.getByRole('button', { name: 'expand the sidebar' }).click();
    expect(await page.locator('.shell').getAttribute('class')).toBe('shell');
    expect(await page.evaluate(() => localStorage.getItem('biotrain.sidebar'))).toBe('open');
    expect(errors).toEqual([]);
  }, 180_000);
});
