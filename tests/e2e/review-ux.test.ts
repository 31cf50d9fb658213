import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type launchBrowser, screenshot } from '../support/browser';
import { type ReviewFixture, reviewFixture } from '../support/review-fixture';
import { type Served, tempDir } from '../support/serve';

const SCREENS = ['dashboard', 'generate', 'review', 'playground', 'splits', 'export', 'evaluate', 'settings'];

/** The review flow around decisions: shortcuts, notes, skip-to-the-end, history, reload, guidelines, layout. */
describe('review experience in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let db: Database.Database;
  let queue: string[] = [];
  const dbPath = path.join(tempDir(), 'ux.sqlite');
  const effective = (id: string) =>
    db
      .prepare(
        `SELECT action, payload FROM review_events e WHERE example_id = ? AND action != 'undo'
         AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq) ORDER BY seq DESC LIMIT 1`,
      )
      .get(id) as { action: string; payload: string } | undefined;

  let fx: ReviewFixture;
  beforeAll(async () => {
    // a queue of exactly four items, each with a round-trip mismatch
    fx = await reviewFixture(dbPath, (rw) => rw.prepare('SELECT id FROM examples WHERE intent_mismatches > 0 ORDER BY seq LIMIT 4').pluck().all() as string[]);
    ({ served, browser, db, queue } = fx);
    expect(queue).toHaveLength(4);
  }, 120_000);
  afterAll(() => fx?.close());

  it('shows every shortcut on ?, saves a comment, flag and reject reason with the decision, and takes a parsed value into the editor', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    expect(page.url()).toContain(`#/review/${queue[0]}`);

    await page.keyboard.press('?');
    const overlay = page.getByTestId('shortcuts');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    const text = (await overlay.textContent())!;
    for (const k of ['a', 'x', 'e', 'space / j / ↓', 'k / ↑', '⌫ / ctrl+z', 'f', 'c', 'r', 'h', 'g', '?']) expect(text).toContain(k);
    await screenshot(page, 'review-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);

    // "use parsed value" on a differing row opens the editor with that field taken from the parsed intent
    const row = page.getByTestId('intent-diff').locator('tr[data-status]:not([data-status="same"])').first();
    const field = (await row.getAttribute('data-field'))!;
    await row.getByRole('button', { name: `use parsed ${field}` }).click();
    await expect.poll(() => page.getByTestId('edit-panel').isVisible()).toBe(true);
    await screenshot(page, 'review-use-parsed');
    await page.getByRole('button', { name: 'Cancel (esc)' }).click();

    await page.keyboard.press('f');
    await page.keyboard.press('c');
    await page.keyboard.type('organism is not what the query says');
    await page.keyboard.press('Enter');
    await page.getByLabel('reject reason').selectOption('wrong_intent');
    await screenshot(page, 'review-note');
    await page.keyboard.press('x');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[1]);
    await expect.poll(() => effective(queue[0]!)?.action).toBe('reject');
    expect(JSON.parse(effective(queue[0]!)!.payload).note).toEqual({ comment: 'organism is not what the query says', flag: true, reason: 'wrong_intent' });
    // the note belongs to its item: the next item starts without one
    expect(await page.getByLabel('comment').inputValue()).toBe('');
  });

  it('brings skipped items back at the end, then says the queue is empty', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    await page.keyboard.press(' ');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[2]);
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toContain('1 skipped');
    await page.keyboard.press('a');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[3]);
    await page.keyboard.press('a');
    // the skipped item, after the last one
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[1]);
    expect(await current.textContent()).toContain('skipped earlier');
    await screenshot(page, 'review-skipped-returns');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('queue-empty').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^0 left in this queue · 4 of 4 decided \(100%\)/);
  });

  it('lists decisions in the history; an entry reopens its item and a key changes the decision; reload keeps the item', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    await page.keyboard.press('h');
    const history = page.getByTestId('history');
    await expect.poll(() => history.locator('li[data-id]').count()).toBe(4);
    expect(await history.locator('li[data-id]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-action')]))).toEqual([
      [queue[1], 'accept'],
      [queue[3], 'accept'],
      [queue[2], 'accept'],
      [queue[0], 'reject'],
    ]);
    expect(await history.locator(`li[data-id="${queue[0]}"]`).textContent()).toContain('flagged');
    await screenshot(page, 'review-history');
    await history.locator(`li[data-id="${queue[0]}"] button`).click();
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    // the reopened item shows the note of its decision in effect, ready to keep or change
    await expect.poll(() => page.getByLabel('comment').inputValue()).toBe('organism is not what the query says');
    expect(await page.getByLabel('flag').isChecked()).toBe(true);
    expect(await page.getByLabel('reject reason').inputValue()).toBe('wrong_intent');
    await page.keyboard.press('a');
    await expect.poll(() => effective(queue[0]!)?.action).toBe('accept');
    await expect.poll(() => history.locator('li[data-id]').first().getAttribute('data-id')).toBe(queue[0]);

    // reload: same screen, same item
    await history.locator(`li[data-id="${queue[2]}"] button`).click();
    await expect.poll(() => page.url()).toContain(`#/review/${queue[2]}`);
    await page.reload();
    await expect.poll(() => page.locator('.nav-item.active').getAttribute('aria-label')).toBe('Review');
    await expect.poll(() => page.getByTestId('current-item').getAttribute('data-id')).toBe(queue[2]);
    // Back goes to the previous screen, inside the app
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.url()).toContain('#/dashboard');
    await page.goBack();
    await expect.poll(() => page.locator('.nav-item.active').getAttribute('aria-label')).toBe('Review');
  });

  it('renders the guidelines in the studio', async () => {
    const { page } = browser;
    await expect.poll(() => page.getByTestId('current-item').isVisible()).toBe(true);
    await page.keyboard.press('g');
    const g = page.getByTestId('guidelines');
    await expect.poll(() => g.locator('h2').first().textContent()).toBe('Biotrain review guidelines');
    expect(await g.locator('table th').first().textContent()).toBe('Field');
    expect(await g.locator('li b').first().textContent()).toBe('Accept');
    expect(await g.textContent()).not.toContain('**');
    await screenshot(page, 'review-guidelines');
    await page.keyboard.press('g');
  });

  it('fits 1024 px: sidebar and queue collapse, the item pane has no horizontal overflow; every screen at both sizes', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: 'collapse the sidebar' }).click();
    await expect.poll(() => page.locator('.shell.collapsed').count()).toBe(1);
    const pane = page.locator('.item-pane');
    const fits = () => pane.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    await expect.poll(fits).toBe(true);
    // one scroll region: the page itself does not scroll on the Review screen
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
    await screenshot(page, 'review-1024-queue');
    await page.keyboard.press('[');
    await expect.poll(() => page.locator('.review.side-hidden').count()).toBe(1);
    await expect.poll(fits).toBe(true);
    await screenshot(page, 'review-1024-queue-hidden');
    await page.keyboard.press('[');
    for (const [w, h] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const s of SCREENS) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/${s}`);
        await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
        await page.waitForTimeout(300);
        await screenshot(page, `all-${s}-${w}`);
      }
    }
  });
});
