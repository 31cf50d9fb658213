import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGenerateDeps } from '../../src-main/generators/default-deps';
import { makeExample } from '../../src-main/generators/example-factory';
import { expertExamples, storeGoldenQueries } from '../../src-main/generators/expert';
import { roundTrip } from '../../src-main/round-trip/check';
import { openStore } from '../../src-main/store/db';
import { ExamplesRepo } from '../../src-main/store/examples-repo';
import { screenshot, startStudio } from '../support/browser';
import { runCli, startServe, tempDir } from '../support/serve';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> expert rna-seq query';
const RATIONALE = 'Checked by the expert: fastp trims adapters and writes the QC report in one pass.';

describe('Curate test set queue in headless Chromium: approve, edit then approve, verified count, no HTML from data', () => {
  let studio: Awaited<ReturnType<typeof startStudio>>;
  let db: Database.Database;
  const dbPath = path.join(tempDir(), 'curate.sqlite');
  const verification = (id: string) =>
    db.prepare('SELECT edited FROM expert_verifications WHERE example_id = ?').get(id) as { edited: number } | undefined;

  beforeAll(async () => {
    // what a build stores before generating: the golden queries and the expert test set with its generated answers
    const deps = defaultGenerateDeps();
    const store = openStore(dbPath);
    storeGoldenQueries(store, deps.kb);
    new ExamplesRepo(store).insertMany(expertExamples(deps.kb).map((e) => roundTrip(e, deps)));
    store.close();
    db = new Database(dbPath, { readonly: true });
    studio = await startStudio(dbPath);
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await studio?.close();
  });
  /** the app on the Curate test set queue, through the Review screen's button */
  const openCurate = async () => {
    const { page, served } = studio;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Curate test set' }).click();
    await page.getByTestId('curate-screen').waitFor();
  };

  it('opens from Review, approves with a key, approves an edited answer, and counts expert-verified N/100', async () => {
    const { page } = studio;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCurate();
    const verified = page.getByTestId('curate-verified');
    await expect.poll(() => verified.textContent()).toBe('expert-verified: 0/100');
    expect(await page.getByTestId('curate-row').count()).toBe(100);
    expect(await page.getByTestId('curate-row').evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-verified') === 'false').length)).toBe(100);
    expect(page.url()).toMatch(/#\/review\/curate$/);

    // the first golden query with its full answer: intent, tools and every workflow file the export writes
    const current = page.getByTestId('curate-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe('expert-gq_001');
    const answer = (await page.getByTestId('curate-answer').textContent()) ?? '';
    const output = JSON.parse(db.prepare("SELECT output FROM examples WHERE id = 'expert-gq_001'").pluck().get() as string) as { workflow: { files: Record<string, string> } };
    const files = Object.keys(output.workflow.files);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(answer).toContain(f);

    // a: approve as generated; the queue moves on to the next unverified item
    await page.keyboard.press('a');
    await expect.poll(() => verified.textContent()).toBe('expert-verified: 1/100');
    expect(verification('expert-gq_001')).toEqual({ edited: 0 });
    await expect.poll(() => current.getAttribute('data-id')).toBe('expert-gq_002');

    // e: edit the first tool's rationale, then save: approved as edited
    await page.keyboard.press('e');
    await page.getByTestId('edit-panel').waitFor();
    await page.getByRole('tab', { name: 'Tools' }).click();
    await page.getByLabel('rationale 1').fill(RATIONALE);
    await page.getByTestId('edit-valid').waitFor();
    await page.getByRole('button', { name: 'Save and accept (ctrl+enter)' }).click();
    await expect.poll(() => verified.textContent()).toBe('expert-verified: 2/100');
    expect(verification('expert-gq_002')).toEqual({ edited: 1 });
    const stored = JSON.parse(db.prepare("SELECT output FROM examples WHERE id = 'expert-gq_002'").pluck().get() as string) as { tools: { rationale: string }[] };
    expect(stored.tools[0]!.rationale).toBe(RATIONALE);
    await expect.poll(() => current.getAttribute('data-id')).toBe('expert-gq_003');
    await expect.poll(() => page.locator('[data-testid="curate-row"][data-verified="true"]').count()).toBe(2);

    // the edited answer is the one shown (and exported) now
    await page.locator('[data-testid="curate-row"][data-id="expert-gq_002"]').click();
    await expect.poll(() => page.getByTestId('curate-answer').textContent()).toContain(RATIONALE);
    expect(await page.getByTestId('curate-item-verified').textContent()).toMatch(/^verified \(edited\) \d{4}-\d{2}-\d{2}$/);

    // unverified only: the two approved items leave the list (the shown one stays until you move on)
    await page.locator('[data-testid="curate-row"][data-id="expert-gq_005"]').click();
    await page.getByLabel('unverified only').check();
    await expect.poll(() => page.getByTestId('curate-row').count()).toBe(98);
    await page.getByLabel('unverified only').uncheck();
    await page.locator('[data-testid="curate-row"][data-id="expert-gq_001"]').click();
    await screenshot(page, 'curate-queue');

    await page.getByRole('button', { name: 'Back to the review queue' }).click();
    await page.getByRole('button', { name: 'Curate test set' }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows a query and answer holding markup as text, never as HTML', async () => {
    const store = openStore(dbPath);
    const xss = makeExample({
      id: 'expert-zz-xss',
      kind: 'education',
      source: 'expert',
      groupId: 'expert:zz',
      baseId: 'zz_xss',
      engine: 'expert',
      category: 'rna_seq',
      analysisType: 'rna_seq_de',
      difficulty: 1,
      input: XSS,
      output: { explanation: '<b>bold?</b><script>window.__xss=3</script> an explanation of the answer' },
    });
    new ExamplesRepo(store).insertMany([{ ...xss, status: 'auto_validated' }]);
    store.close();
    const { page } = studio;
    await openCurate();
    await expect.poll(() => page.getByTestId('curate-verified').textContent()).toBe('expert-verified: 2/101');
    await page.locator('[data-testid="curate-row"][data-id="expert-zz-xss"]').click();
    await expect.poll(() => page.getByTestId('curate-item').locator('.query').textContent()).toBe(XSS);
    expect(await page.getByTestId('curate-answer').textContent()).toContain('<script>window.__xss=3</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-testid="curate-screen"] img').count()).toBe(0);
    expect(await page.locator('[data-testid="curate-screen"] b', { hasText: 'bold?' }).count()).toBe(0);
  }, 60_000);

  it('is read-only in reviewer mode: no approve or edit button, the keys do nothing', async () => {
    const bundle = path.join(tempDir(), 'experts.btbundle');
    const created = await runCli(['bundle', 'create', '--db', dbPath, '--out', bundle, '--filter', 'all', '--limit', '3']);
    expect(created.code, created.stderr).toBe(0);
    const reviewer = await startServe({ extraArgs: ['--review', bundle, '--reviewer', 'alice'] });
    try {
      const { page } = studio;
      await page.goto(`${reviewer.url}#token=${reviewer.token}`);
      await page.getByRole('button', { name: 'Curate test set' }).click();
      await page.getByTestId('curate-read-only').waitFor();
      expect(await page.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
      const before = await page.getByTestId('curate-verified').textContent();
      await page.keyboard.press('a');
      await page.keyboard.press('e');
      expect(await page.getByTestId('edit-panel').count()).toBe(0);
      expect(await page.getByTestId('curate-verified').textContent()).toBe(before);
    } finally {
      await reviewer.stop();
    }
  }, 90_000);
});
