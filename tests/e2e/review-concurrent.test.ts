import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERACTIVE_BUSY_TIMEOUT_MS } from '../../src-main/store/connection-pragmas';
import { launchBrowser, screenshot } from '../support/browser';
import { REPO, runCli, type Served, startServe, tempDir } from '../support/serve';

const ACTION_OF: Record<string, string> = { a: 'accept', x: 'reject' };

/** Records, in the page, the item on screen at the moment each decision key goes down (capture phase, before the app sees it). */
async function recordPresses(page: import('playwright-core').Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __presses: [string | null, string][]; __recording?: boolean };
    w.__presses = [];
    if (w.__recording) return;
    w.__recording = true;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'a' && e.key !== 'x') return;
        const el = document.querySelector('[data-testid="current-item"]') as HTMLElement | null;
        w.__presses.push([el?.dataset.id ?? null, e.key]);
      },
      { capture: true },
    );
  });
}
const presses = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __presses: [string | null, string][] }).__presses.splice(0));

/**
 * The Review screen with a second process writing the store (issue 20): every stored decision is the key
 * pressed while its item was shown; a decision that cannot be saved drops the presses queued after it,
 * keeps its item on screen and says so until retried.
 */
// Skipped: the first test fails in about 2 of 3 runs (on main as well): under the pulsed lock an item's stored
// decision is sometimes not the key last pressed while it was shown, the mislabelling issue 20 describes, not fixed
// yet; the second test runs on the first one's state. They stay as the specification of the fix (describe.only to run).
describe('review with a concurrent writer', () => {
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let db: Database.Database;
  let writer: ChildProcess;
  let writerOut = '';
  const dbPath = path.join(tempDir(), 'concurrent.sqlite');
  const send = (line: string) => writer.stdin!.write(`${line}\n`);
  /** the effective decision per item (latest not undone), as stored */
  const stored = () =>
    new Map(
      (
        db
          .prepare(
            `SELECT example_id, action FROM review_events e WHERE action != 'undo'
             AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq)
             AND seq = (SELECT max(seq) FROM review_events f WHERE f.example_id = e.example_id AND f.action != 'undo')`,
          )
          .all() as { example_id: string; action: string }[]
      ).map((r) => [r.example_id, r.action]),
    );

  beforeAll(async () => {
    const gen = await runCli(['generate', '--kind', 'query_variation', '--count', '200', '--db', dbPath]);
    expect(gen.code).toBe(0);
    // every item in the review queue, so the presses below never run out of items
    const rw = new Database(dbPath);
    rw.exec("UPDATE examples SET status = 'needs_review'");
    rw.close();
    db = new Database(dbPath, { readonly: true });
    served = await startServe({ dbPath });
    writer = spawn(process.execPath, [path.join(REPO, 'tests/support/store-lock-holder.mjs'), dbPath], { cwd: REPO });
    writer.stdout!.on('data', (d) => (writerOut += d));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    if (writer && writer.exitCode === null) send('exit');
    db?.close();
    await browser?.close();
    await served?.stop();
  });

  it('stores for every item exactly the key pressed while it was shown, with the store locked in pulses', async () => {
    const { page } = browser;
    await page.goto(`${served.url}#token=${served.token}`);
    await page.getByRole('button', { name: 'Review' }).click();
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-id')).toBeTruthy();
    await recordPresses(page);
    send('pulse 120 40');
    const keys = 'aaxaxxaaaxaxaxxaaxaaxaxxaxaaxaaxxaxaxaax';
    let failuresSeen = 0;
    for (const key of keys) {
      await expect.poll(() => current.getAttribute('data-id')).toMatch(/^qv-/);
      await page.keyboard.press(key);
      if (await page.getByTestId('review-failure').isVisible()) failuresSeen++;
    }
    send('stop');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).not.toContain('saving');
    // the key last pressed while each item was on screen
    const pressed = new Map<string, string>();
    for (const [id, key] of await presses(page)) if (id) pressed.set(id, ACTION_OF[key]!);
    const decisions = stored();
    for (const [id, action] of decisions) expect(`${id}: ${action}`).toBe(`${id}: ${pressed.get(id)}`);
    // presses dropped after a failure leave their item undecided; nothing else is missing
    const missing = [...pressed.keys()].filter((id) => !decisions.has(id));
    if (failuresSeen === 0) expect(missing).toEqual([]);
    expect(decisions.size).toBeGreaterThan(0);
    console.log(`concurrent writer: ${keys.length} presses, ${decisions.size} decisions stored, ${missing.length} items left undecided, ${failuresSeen} presses saw a failure banner`);
    expect(writerOut).toContain('locked');
  });

  it('after a failed decision drops the queued presses, keeps the item, says so, and a retry saves it', async () => {
    const { page } = browser;
    const current = page.getByTestId('current-item');
    await expect.poll(() => current.getAttribute('data-ahead')).toBe('3');
    const before = stored();
    writerOut = '';
    // longer than the store's busy timeout with a margin: every decision made while it is held fails,
    // and one that waited for the lock has given up before it is released
    send(`hold ${INTERACTIVE_BUSY_TIMEOUT_MS + 4_000}`);
    await expect.poll(() => writerOut).toContain('locked');
    await recordPresses(page);
    for (const key of 'axa') await page.keyboard.press(key);
    const failure = page.getByTestId('review-failure');
    await expect.poll(() => failure.isVisible(), { timeout: 20_000 }).toBe(true);
    // while the store is locked nothing is written: every press failed or was dropped
    expect(writerOut).not.toContain('released');
    const after = stored();
    const during = await presses(page);
    expect(during.length).toBe(3);
    for (const [id] of during) expect(after.get(id!)).toBe(before.get(id!));
    const text = (await failure.textContent())!;
    expect(text).toMatch(/^Your (accept|reject) of qv-\S+ was not saved:/);
    expect(text).toContain('Nothing was recorded for this item and it is shown again.');
    expect(text).toContain('Press the key again to retry');
    // the failed item is the one on screen
    await expect.poll(async () => (await current.getAttribute('data-id')) === (await failure.getAttribute('data-item'))).toBe(true);
    await screenshot(page, 'review-failed-decision');
    await expect.poll(() => writerOut, { timeout: 20_000 }).toContain('released');
    // the retry comes once the screen says nothing is being saved any more
    await expect.poll(() => page.getByTestId('review-progress').textContent(), { timeout: 20_000 }).not.toContain('saving');
    const failedId = (await failure.getAttribute('data-item'))!;
    await expect.poll(() => current.getAttribute('data-id')).toBe(failedId);
    // a later success elsewhere does not hide it: skip it, accept the next item
    await page.keyboard.press('j');
    await expect.poll(() => current.getAttribute('data-id')).not.toBe(failedId);
    const other = (await current.getAttribute('data-id'))!;
    await page.keyboard.press('a');
    await expect.poll(() => stored().get(other)).toBe('accept');
    expect(await failure.getAttribute('data-item')).toBe(failedId);
    // back twice to the failed item; the retry on it saves it and hides the error
    await page.keyboard.press('k');
    await expect.poll(() => current.getAttribute('data-id')).toBe(other);
    await page.keyboard.press('k');
    await expect.poll(() => current.getAttribute('data-id')).toBe(failedId);
    await page.keyboard.press('x');
    await expect.poll(() => stored().get(failedId)).toBe('reject');
    await expect.poll(() => failure.isVisible()).toBe(false);
  });
});
