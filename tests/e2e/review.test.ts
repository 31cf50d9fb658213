import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeExample } from '../../src-main/generators/example-factory';
import { openStore } from '../../src-main/store/db';
import { ExamplesRepo } from '../../src-main/store/examples-repo';
import { launchBrowser, screenshot } from '../support/browser';
import { runCli, type Served, startServe, tempDir } from '../support/serve';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> rna-seq mouse liver';

describe('review queue in headless Chromium: keyboard decisions, undo, intent diff, no HTML injection', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let db: Database.Database;
  const dbPath = path.join(tempDir(), 'review.sqlite');

  const status = (id: string) => (db.prepare('SELECT status FROM examples WHERE id = ?').get(id) as { status: string }).status;
  const queue = () => db.prepare("SELECT id, intent_mismatches FROM examples WHERE status = 'needs_review' ORDER BY seq").all() as { id: string; intent_mismatches: number }[];

  beforeAll(async () => {
    const gen = await runCli(['generate', '--kind', 'query_variation', '--count', '3000', '--db', dbPath]);
    expect(gen.code).toBe(0);
    const store = openStore(dbPath);
    const xss = makeExample({
      id: 'xss-1',
      kind: 'query_variation',
      groupId: 'xss',
      baseId: null,
      engine: 'test',
      category: 'rna_seq',
      analysisType: 'rna_seq_de',
      difficulty: 1,
      input: XSS,
      output: { explanation: '<b>bold?</b><script>window.__xss=3</script>' },
    });
    new ExamplesRepo(store).insertMany([{ ...xss, status: 'needs_review' }]);
    store.close();
    db = new Database(dbPath, { readonly: true });
    served = await startServe({ dbPath });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await browser?.close();
    await served?.stop();
  });

  it('accepts, rejects, undoes and skips with single keys, and shows the round-trip diff', async () => {
    const { page } = browser;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    const before = queue();
    expect(before.length).toBeGreaterThan(5);
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[0]!.id);

    // the diff of a mismatching variation shows exactly its mismatching fields as changed/added/removed
    await expect.poll(() => page.getByTestId('intent-diff').locator('tr[data-status]:not([data-status="same"])').count()).toBe(before[0]!.intent_mismatches);
    await screenshot(page, 'review-diff');

    await page.keyboard.press('a');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[1]!.id);
    await expect.poll(() => status(before[0]!.id)).toBe('accepted');

    await page.keyboard.press('x');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[2]!.id);
    await expect.poll(() => status(before[1]!.id)).toBe('rejected');

    await page.keyboard.press('Backspace');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[1]!.id);
    await expect.poll(() => status(before[1]!.id)).toBe('needs_review');
    await page.keyboard.press('Control+z');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[0]!.id);
    await expect.poll(() => status(before[0]!.id)).toBe('needs_review');
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toBe(`Undid decision on ${before[0]!.id} (now needs review)`);

    await page.keyboard.press(' ');
    await expect.poll(() => current.getAttribute('data-id')).toBe(before[1]!.id);
    expect(status(before[0]!.id)).toBe('needs_review');

    const events = db.prepare('SELECT action FROM review_events ORDER BY seq').pluck().all();
    expect(events).toEqual(['accept', 'reject', 'undo', 'undo']);
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toContain(`${before.length} left in this queue`);
    await screenshot(page, 'review-queue');
    expect(errors).toEqual([]);
  });

  it('edits the target intent through the form (e focuses it), refuses an invalid edit, and records the edit', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    const id = await current.getAttribute('data-id');
    await page.keyboard.press('e');
    const form = page.getByTestId('intent-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    // `e` lands in the form's first field
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('request kind');
    // an unknown tool typed in the advanced JSON tab cannot be accepted, and the screen says why
    await page.getByRole('tab', { name: 'Advanced: JSON' }).click();
    const editor = page.getByLabel('edited output');
    const output = JSON.parse(await editor.inputValue()) as { intent: { tissue: string | null; requested_tools: string[] } };
    await editor.fill(JSON.stringify({ ...output, intent: { ...output.intent, requested_tools: ['banana-aligner'] } }, null, 2));
    await expect.poll(() => page.getByTestId('edit-problems').textContent()).toContain("intent.requested_tools.0 unknown tool 'banana-aligner'");
    expect(await page.getByRole('button', { name: 'Save and accept (ctrl+enter)' }).isDisabled()).toBe(true);
    await screenshot(page, 'review-edit-refused');
    await editor.fill(JSON.stringify(output, null, 2));
    await page.getByRole('tab', { name: 'Intent' }).click();
    await page.getByLabel('tissue', { exact: true }).fill('liver');
    await expect.poll(() => page.getByTestId('edit-valid').isVisible()).toBe(true);
    await screenshot(page, 'review-edit-form');
    await page.getByLabel('tissue', { exact: true }).press('Control+Enter');
    await expect.poll(() => status(id!)).toBe('accepted');
    const stored = JSON.parse(db.prepare('SELECT output FROM examples WHERE id = ?').pluck().get(id!) as string) as { intent: { tissue: string } };
    expect(stored.intent.tissue).toBe('liver');
    await expect.poll(() => current.getAttribute('data-id')).not.toBe(id);
    const edit = db.prepare("SELECT action, reviewer FROM review_events WHERE example_id = ? ORDER BY seq DESC LIMIT 1").get(id!);
    expect(edit).toEqual({ action: 'edit', reviewer: 'expert' });
    // undo restores the original output and status
    await page.keyboard.press('Backspace');
    await expect.poll(() => status(id!)).toBe('needs_review');
    await expect.poll(() => current.getAttribute('data-id')).toBe(id);
    const restored = JSON.parse(db.prepare('SELECT output FROM examples WHERE id = ?').pluck().get(id!) as string) as { intent: { tissue: string | null } };
    expect(restored.intent.tissue).not.toBe('liver');
  });

  it('moves on at once with prefetched items: three quick accepts decide the three items shown, three undos restore them', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-ahead')).toBe('3');
    const three: string[] = [];
    for (let i = 0; i < 3; i++) {
      three.push((await current.getAttribute('data-id'))!);
      await page.keyboard.press('a');
    }
    expect(new Set(three).size).toBe(3);
    await expect.poll(() => three.map(status)).toEqual(['accepted', 'accepted', 'accepted']);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => three.map(status)).toEqual(['needs_review', 'needs_review', 'needs_review']);
    await expect.poll(() => current.getAttribute('data-id')).toBe(three[0]);
  });

  it('shows dataset text containing HTML and script as text, never as markup', async () => {
    const { page } = browser;
    await page.getByLabel('search filter').fill('onerror');
    await expect.poll(() => page.getByTestId('current-item').getAttribute('data-id')).toBe('xss-1');
    await expect.poll(() => page.locator('.query').textContent()).toBe(XSS);
    expect(await page.locator('.item-pane img').count()).toBe(0);
    expect(await page.locator('.item-pane script').count()).toBe(0);
    expect(await page.locator('.item-pane b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, 'review-xss-as-text');
  });
});
