import Database from 'better-sqlite3';
import { launchBrowser } from './browser';
import { runCli, type Served, startServe } from './serve';

export interface ReviewFixture {
  served: Served;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** the store, read-only, for checking what the screen wrote */
  db: Database.Database;
  /** the ids put in the review queue, in seq order */
  queue: string[];
  close(): Promise<void>;
}

/**
 * A store of generated query variations where exactly the items `pick` chooses are in the review queue,
 * served over the bridge, and a 1440x900 Chromium page: the start of the Review screen e2e tests.
 */
// 3,000 variations by default: round-trip mismatches are rare (about 1 in 100), and the tests pick a few
export async function reviewFixture(dbPath: string, pick: (rw: Database.Database) => string[], count = 3000): Promise<ReviewFixture> {
  const gen = await runCli(['generate', '--kind', 'query_variation', '--count', String(count), '--db', dbPath]);
  if (gen.code !== 0) throw new Error(`generate failed: ${gen.stderr}`);
  const rw = new Database(dbPath);
  rw.exec("UPDATE examples SET status = 'auto_validated'");
  const mark = rw.prepare("UPDATE examples SET status = 'needs_review' WHERE id = ?");
  for (const id of pick(rw)) mark.run(id);
  const queue = rw.prepare("SELECT id FROM examples WHERE status = 'needs_review' ORDER BY seq").pluck().all() as string[];
  rw.close();
  const db = new Database(dbPath, { readonly: true });
  const served = await startServe({ dbPath });
  const browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  return {
    served,
    browser,
    db,
    queue,
    close: async () => {
      db.close();
      await browser.close();
      await served.stop();
    },
  };
}
