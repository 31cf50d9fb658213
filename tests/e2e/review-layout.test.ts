import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type launchBrowser, screenshot } from '../support/browser';
import { type ReviewFixture, reviewFixture } from '../support/review-fixture';
import { type Served, tempDir } from '../support/serve';

const LABELS = ['Dashboard', 'Generate', 'Review', 'Playground', 'Splits', 'Export', 'Evaluate', 'Settings'];

/**
 * Rows a flex container's children sit on: children on one row end within a few pixels of each other (the
 * filters align to the end), a new row ends at least a control's height lower.
 */
const rowsOf = (page: Page, selector: string, children: string) =>
  page.locator(selector).evaluate(
    (el, sel) =>
      [...el.querySelectorAll(sel)]
        .map((c) => c.getBoundingClientRect().bottom)
        .sort((a, b) => a - b)
        .filter((b, i, all) => i === 0 || b - all[i - 1]! > 12).length,
    children,
  );

/** The Review screen's layout with the sidebar open and collapsed, its filters in the URL, and the sidebar's icons. */
describe('review layout, filters in the URL and the collapsed sidebar in headless Chromium', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let queue: string[] = [];
  let fx: ReviewFixture;
  const dbPath = path.join(tempDir(), 'layout.sqlite');
  beforeAll(async () => {
    // six items with a round-trip mismatch in the queue
    fx = await reviewFixture(dbPath, (rw) => rw.prepare('SELECT id FROM examples WHERE intent_mismatches > 0 ORDER BY seq LIMIT 6').pluck().all() as string[]);
    ({ served, browser, queue } = fx);
    expect(queue).toHaveLength(6);
  }, 120_000);
  afterAll(() => fx?.close());

  it('with the sidebar open, the filters take two rows and the decision buttons one, at 1024 and at 1440 px', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.evaluate(() => localStorage.setItem('biotrain.sidebar', 'open'));
    for (const [w, h] of [
      [1024, 700],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${served.url}#/review`);
      await expect.poll(() => page.getByTestId('current-item').getAttribute('data-id')).toBe(queue[0]);
      expect(await page.locator('.shell.collapsed').count()).toBe(0);
      expect(await rowsOf(page, '.filters', ':scope > *'), `filters at ${w}`).toBe(2);
      expect(await rowsOf(page, '.decisions', 'button'), `buttons at ${w}`).toBe(1);
      // every button label on one line: a wrapped label would make its button a line (~17 px) taller than the
      // others; the borders of the secondary buttons add 2 px
      const heights = await page.locator('.decisions button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
      expect(Math.max(...heights) - Math.min(...heights), `button heights at ${w}`).toBeLessThanOrEqual(2);
      expect(await page.locator('.item-pane').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
  });

  it('writes filter changes to the URL: a reload keeps them, Back returns to the previous filter and its item', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${served.url}#/review`);
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    await page.keyboard.press('j');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[1]);
    expect(page.url()).toBe(`${served.url}#/review/${encodeURIComponent(queue[1]!)}`);

    await page.getByLabel('kind filter').selectOption('query_variation');
    await expect.poll(() => page.url()).toBe(`${served.url}#/review/${encodeURIComponent(queue[0]!)}?filter=${encodeURIComponent('{"status":"needs_review","kind":"query_variation"}')}`);
    await page.getByLabel('search filter').pressSequentially('rna');
    await page.getByLabel('intent mismatch').check();
    const expected = { status: 'needs_review', kind: 'query_variation', search: 'rna', intentMismatch: true };
    const filterInUrl = () => JSON.parse(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('filter') ?? 'null') as unknown;
    await expect.poll(filterInUrl).toEqual(expected);

    await page.reload();
    await expect.poll(() => page.getByLabel('kind filter').inputValue()).toBe('query_variation');
    expect(await page.getByLabel('search filter').inputValue()).toBe('rna');
    expect(await page.getByLabel('intent mismatch').isChecked()).toBe(true);
    expect(await page.getByLabel('status filter').inputValue()).toBe('needs_review');
    expect(filterInUrl()).toEqual(expected);

    // Back: the checkbox, then the whole search (its letters share one entry), then the kind, then the first filter's item
    await page.goBack();
    await expect.poll(() => page.getByLabel('intent mismatch').isChecked()).toBe(false);
    expect(await page.getByLabel('search filter').inputValue()).toBe('rna');
    await page.goBack();
    await expect.poll(() => page.getByLabel('search filter').inputValue()).toBe('');
    expect(await page.getByLabel('kind filter').inputValue()).toBe('query_variation');
    await page.goBack();
    await expect.poll(() => page.getByLabel('kind filter').inputValue()).toBe('');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[1]);
    expect(page.url()).toBe(`${served.url}#/review/${encodeURIComponent(queue[1]!)}`);
  });

  it('the collapsed sidebar shows an icon per screen with its name as accessible name and tooltip, and no letters', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: 'collapse the sidebar' }).click();
    await expect.poll(() => page.locator('.shell.collapsed').count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Screens' });
    const items = await nav.locator('.nav-item').evaluateAll((els) =>
      els.map((e) => ({ name: e.getAttribute('aria-label'), title: e.getAttribute('title'), text: e.textContent, icon: e.querySelector('svg[aria-hidden="true"]')?.getAttribute('data-icon') })),
    );
    expect(items).toEqual(LABELS.map((name, i) => ({ name, title: `${name} (Alt+${i + 1})`, text: '', icon: name.toLowerCase() })));
    // each icon is drawn (not an empty box) and the buttons keep a 52 px column
    const drawn = await nav.locator('.nav-item svg').evaluateAll((svgs) => svgs.map((s) => s.querySelectorAll('path').length > 0 && s.getBoundingClientRect().width === 20));
    expect(drawn).toEqual(LABELS.map(() => true));
    expect(await page.locator('.sidebar').evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(52);
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Evaluate');
    await screenshot(page, 'sidebar-collapsed-icons-1024');
    // opened again, the names come back beside the icons
    await page.getByRole('button', { name: 'expand the sidebar' }).click();
    await expect.poll(() => nav.locator('.nav-item').allTextContents()).toEqual(LABELS);
  });

  it('review flow screenshots: the history at 1440 px and a bulk selection at 1024 px with the sidebar open', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${served.url}#/review`);
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[0]);
    await page.keyboard.press('a');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[1]);
    await page.getByLabel('comment').fill('the organism is missing from the parse');
    await page.getByLabel('comment').evaluate((el) => (el as HTMLInputElement).blur());
    await page.keyboard.press('f');
    await page.keyboard.press('x');
    await expect.poll(() => current.getAttribute('data-id')).toBe(queue[2]);
    await page.keyboard.press('h');
    const history = page.getByTestId('history');
    await expect.poll(() => history.locator('li[data-id]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-action')]))).toEqual([
      [queue[1], 'reject'],
      [queue[0], 'accept'],
    ]);
    await screenshot(page, 'review-flow-history-1440');
    await page.keyboard.press('h');

    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByLabel(`select ${queue[2]}`).click();
    await page.getByLabel(`select ${queue[4]}`).click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.locator('b').textContent()).toBe('3 selected');
    expect(await rowsOf(page, '.filters', ':scope > *')).toBe(2);
    expect(await rowsOf(page, '.decisions', 'button')).toBe(1);
    await screenshot(page, 'review-flow-bulk-1024');
  });
});
