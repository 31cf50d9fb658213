import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type launchBrowser, screenshot } from '../support/browser';
import { type ReviewFixture, reviewFixture } from '../support/review-fixture';
import { type Served, tempDir } from '../support/serve';

/** Multi-select, bulk accept/reject/flag with one undo, and sort orders, in headless Chromium. */
describe('review bulk actions and sort in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let db: Database.Database;
  let queue: string[] = [];
  const dbPath = path.join(tempDir(), 'bulk.sqlite');
  const status = (id: string) => db.prepare('SELECT status FROM examples WHERE id = ?').pluck().get(id) as string;
  const lastEvent = (id: string) =>
    db.prepare('SELECT action, payload FROM review_events WHERE example_id = ? ORDER BY seq DESC LIMIT 1').get(id) as { action: string; payload: string } | undefined;

  let fx: ReviewFixture;
  beforeAll(async () => {
    // a queue of eight items: four with a round-trip mismatch, four without, interleaved by seq
    fx = await reviewFixture(dbPath, (rw) => [
      ...(rw.prepare('SELECT id FROM examples WHERE intent_mismatches > 0 ORDER BY seq LIMIT 4').pluck().all() as string[]),
      ...(rw.prepare('SELECT id FROM examples WHERE intent_mismatches = 0 ORDER BY seq LIMIT 4').pluck().all() as string[]),
    ]);
    ({ served, browser, db, queue } = fx);
    expect(queue).toHaveLength(8);
  }, 120_000);
  afterAll(() => fx?.close());

  it('selects a range with shift+click, rejects it with a reason in one action, and one undo takes it all back', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    await page.getByLabel(`select ${queue[0]}`).click();
    await page.getByLabel(`select ${queue[3]}`).click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.locator('b').textContent()).toBe('4 selected');
    expect(await page.locator('.queue-item.selected').count()).toBe(4);
    await bar.getByLabel('bulk reject reason').selectOption('duplicate');
    await bar.getByLabel('bulk comment').fill('same request as its neighbours');
    await screenshot(page, 'review-bulk-selected');
    await bar.getByRole('button', { name: 'Reject 4 (X)' }).click();
    await expect.poll(() => queue.slice(0, 4).map(status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    const batches = new Set(queue.slice(0, 4).map((id) => JSON.parse(lastEvent(id)!.payload).batch as string));
    expect(batches.size).toBe(1);
    expect(JSON.parse(lastEvent(queue[2]!)!.payload).note).toEqual({ comment: 'same request as its neighbours', reason: 'duplicate' });
    // the shown item was in the selection: the screen moves to the first undecided one; the selection is gone
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[4]);
    await expect.poll(() => bar.count()).toBe(0);
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toBe('Rejected 4 selected items (one undo takes them all back)');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^4 left in this queue · 4 of 8 decided \(50%\)/);

    await page.keyboard.press('Backspace');
    await expect.poll(() => queue.slice(0, 4).map(status)).toEqual(['needs_review', 'needs_review', 'needs_review', 'needs_review']);
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    await expect.poll(() => page.getByTestId('review-notice').textContent()).toBe(`Undid the bulk action on 4 items, from ${queue[0]} (now needs review)`);
    expect(db.prepare("SELECT count(*) FROM review_events WHERE action = 'undo'").pluck().get()).toBe(4);
  });

  it('s selects the shown item, shift+F flags the selection without deciding it, shift+A accepts a selection', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    await page.keyboard.press('s');
    await page.getByLabel(`select ${queue[5]}`).click();
    await expect.poll(() => page.getByTestId('bulk-bar').locator('b').textContent()).toBe('2 selected');
    await page.keyboard.press('Shift+F');
    await expect.poll(() => lastEvent(queue[5]!)?.action).toBe('flag');
    expect([status(queue[0]!), status(queue[5]!)]).toEqual(['needs_review', 'needs_review']);
    expect(JSON.parse(lastEvent(queue[0]!)!.payload).note).toEqual({ flag: true });
    // the shown item stays (a flag decides nothing) and its note bar says flagged
    expect(await current.getAttribute('data-id')).toBe(queue[0]);
    await expect.poll(() => page.getByLabel('flag').isChecked()).toBe(true);
    await page.keyboard.press('h');
    await expect.poll(() => page.getByTestId('history').locator(`li[data-id="${queue[5]}"]`).getAttribute('data-action')).toBe('flag');
    await page.keyboard.press('h');

    // esc clears a selection; shift+A accepts one
    await page.getByLabel(`select ${queue[6]}`).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('bulk-bar').count()).toBe(0);
    await page.getByLabel(`select ${queue[6]}`).click();
    await page.getByLabel(`select ${queue[7]}`).click();
    await page.keyboard.press('Shift+A');
    await expect.poll(() => [status(queue[6]!), status(queue[7]!)]).toEqual(['accepted', 'accepted']);
    expect(await current.getAttribute('data-id')).toBe(queue[0]);
  });

  it('sorts the queue: most mismatches first puts the mismatching items on top, in the list and on screen', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    const open = db
      .prepare("SELECT id FROM examples WHERE status = 'needs_review' ORDER BY -intent_mismatches, seq")
      .pluck()
      .all() as string[];
    expect(open).toHaveLength(6);
    await page.getByLabel('sort').selectOption('most_mismatches');
    await expect.poll(() => current.getAttribute('data-id')).toBe(open[0]);
    await expect.poll(() => page.locator('.queue-item .select-box').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(open.map((id) => `select ${id}`));
    await screenshot(page, 'review-sorted');
    // the queue walks in that order
    for (const id of open.slice(1, 3)) {
      await page.keyboard.press('j');
      await expect.poll(() => current.getAttribute('data-id')).toBe(id);
    }
    const newest = [...open].sort((a, b) => queue.indexOf(b) - queue.indexOf(a));
    await page.getByLabel('sort').selectOption('newest');
    await expect.poll(() => current.getAttribute('data-id')).toBe(newest[0]);
  });
});
