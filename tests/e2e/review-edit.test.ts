import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleOutput } from '../../src-preload/schemas/example';
import { launchBrowser, screenshot } from '../support/browser';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

/** Workflow and tool edits validated where they are made: live syntax and dataflow diagnostics, refusals with reasons. */
describe('review edits of a workflow item in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let db: Database.Database;
  let id = '';
  let original: ExampleOutput;
  const dbPath = path.join(tempDir(), 'edit.sqlite');
  const outputOf = (x: string) => JSON.parse(db.prepare('SELECT output FROM examples WHERE id = ?').pluck().get(x) as string) as ExampleOutput;

  beforeAll(async () => {
    const gen = await runCli(['generate', '--kind', 'workflow', '--count', '2', '--db', dbPath]);
    expect(gen.code).toBe(0);
    const rw = new Database(dbPath);
    id = rw.prepare("SELECT id FROM examples WHERE kind = 'workflow' ORDER BY seq LIMIT 1").pluck().get() as string;
    rw.exec("UPDATE examples SET status = 'auto_validated'");
    rw.prepare("UPDATE examples SET status = 'needs_review' WHERE id = ?").run(id);
    rw.close();
    db = new Database(dbPath, { readonly: true });
    original = outputOf(id);
    expect(original.workflow!.files['main.nf']).toContain('STAR.out.bam');
    served = await startServe({ dbPath });
    browser = await launchBrowser();
    await browser.page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await browser?.close();
    await served?.stop();
  });

  it('shows syntax and dataflow errors while the workflow is typed, and refuses to save until they are gone', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => page.getByTestId('current-item').getAttribute('data-id')).toBe(id);
    await page.keyboard.press('e');
    await page.getByRole('tab', { name: 'Workflow' }).click();
    const main = page.getByLabel('edit main.nf');
    const diags = page.getByTestId('workflow-diagnostics');
    const save = page.getByRole('button', { name: 'Save and accept (ctrl+enter)' });
    const problems = page.getByTestId('edit-problems');
    // the generated workflow has no errors
    await expect.poll(() => page.getByTestId('edit-valid').isVisible()).toBe(true);
    expect(await diags.locator('li.bad').count()).toBe(0);
    const text = original.workflow!.files['main.nf']!;

    // a syntax error: an unclosed block, with file:line:col, and no save
    await main.fill(`${text}\nworkflow {\n`);
    await expect.poll(() => diags.locator('li.bad').first().textContent()).toMatch(/^main\.nf:\d+:\d+ error: /);
    await expect.poll(() => problems.textContent()).toMatch(/workflow\.files\.main\.nf main\.nf:\d+:\d+ /);
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, 'review-workflow-syntax-error');

    // a dataflow error: an emit STAR does not declare
    await main.fill(text.replace('STAR.out.bam', 'STAR.out.nosuch'));
    await expect.poll(() => diags.locator('li.bad').allTextContents()).toEqual([expect.stringMatching(/^main\.nf:\d+:\d+ error: .*nosuch.*\(unknown-emit\)$/)]);
    await expect.poll(() => problems.textContent()).toContain('(unknown-emit)');
    expect(await save.isDisabled()).toBe(true);
    // the diagnostic's location puts the caret on the offending emit
    await diags.locator('li.bad button').first().click();
    await expect.poll(() => main.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart - 9, el.selectionStart + 6))).toBe('STAR.out.nosuch');
    await screenshot(page, 'review-workflow-dataflow-error');

    // params read inside a module's script: an error for the dataset (the build would drop it), refused here too
    await main.fill(text);
    await page.getByRole('button', { name: /^modules\/fastp\/main\.nf/ }).click();
    const fastp = page.getByLabel('edit modules/fastp/main.nf');
    const module = original.workflow!.files['modules/fastp/main.nf']!;
    const script = module.indexOf('script:');
    expect(script).toBeGreaterThan(0);
    const withParams = `${module.slice(0, module.indexOf('"""', script) + 3)}\n    echo \${params.outdir}${module.slice(module.indexOf('"""', script) + 3)}`;
    await fastp.fill(withParams);
    await expect.poll(() => problems.textContent()).toContain('(params-in-script)');
    expect(await save.isDisabled()).toBe(true);
    await fastp.fill(module);
    await expect.poll(() => page.getByTestId('edit-valid').isVisible()).toBe(true);
    expect(await save.isDisabled()).toBe(false);
  });

  it('edits the tools through the picker: an empty rationale is refused, a filled one is saved', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Tools' }).click();
    const picker = page.getByTestId('tools-picker');
    const n = original.tools!.length;
    expect(await picker.locator('.tool-row').count()).toBe(n);
    await picker.getByRole('button', { name: '+ add a tool' }).click();
    await picker.getByLabel(`tool ${n + 1}`, { exact: true }).selectOption('deeptools');
    const problems = page.getByTestId('edit-problems');
    await expect.poll(() => problems.textContent()).toContain(`tools.${n}.rationale tool 'deeptools' needs a rationale`);
    await screenshot(page, 'review-tools-picker');
    await picker.getByLabel(`rationale ${n + 1}`, { exact: true }).fill('deepTools for coverage tracks of the aligned reads.');
    await expect.poll(() => page.getByTestId('edit-valid').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save and accept (ctrl+enter)' }).click();
    await expect.poll(() => db.prepare('SELECT status FROM examples WHERE id = ?').pluck().get(id)).toBe('accepted');
    const saved = outputOf(id);
    expect(saved.tools!.map((t) => t.tool)).toEqual([...original.tools!.map((t) => t.tool), 'deeptools']);
    expect(saved.tools!.at(-1)!.rationale).toBe('deepTools for coverage tracks of the aligned reads.');
    expect(saved.workflow).toEqual(original.workflow);
  });
});
