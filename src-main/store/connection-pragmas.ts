// The settings every connection to a store runs with. A leaf module: the import writer worker, which runs
// outside the bundler, uses it as well as openStore.
import type Database from 'better-sqlite3';

/**
 * How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. Writers
 * take the lock at BEGIN (IMMEDIATE) and long jobs commit in batches of well under a second, so a writer
 * waits for at most a few batches; a build's largest transaction (pipeline rows, 5,000 per commit) is the
 * longest wait.
 */
export const BUSY_TIMEOUT_MS = 30_000;

/**
 * How long a request of the app (a review decision, an edit: anything through IPC or the bridge) waits for
 * another writer. Someone is looking at the screen: past this the call fails (503) and the screen says so and
 * offers a retry, rather than showing "saving" for half a minute.
 */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Runs `fn` with the connection's busy timeout set to `ms`, then restores BUSY_TIMEOUT_MS. Only the
 * synchronous part of `fn` runs under it: work `fn` leaves for later (a job it starts) waits the full time.
 */
export function withBusyTimeout<T>(db: Database.Database, ms: number, fn: () => T): T {
  db.pragma(`busy_timeout = ${ms}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Blocks this thread for `ms` (opening a store is synchronous, so there is no event loop to return to). */
const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Switches the store to WAL (a no-op once it is). On a new store, still in rollback mode, the switch reads
 * the header and then asks for the write lock; while another process holds that lock (its own switch or
 * first write), SQLite fails the switch at once with SQLITE_BUSY, without the busy timeout (waiting while
 * holding the read lock could deadlock). So the switch is retried, with backoff, for as long as the timeout.
 */
function enterWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw err;
    }
    sleepSync(wait);
  }
}

export function applyConnectionPragmas(db: Database.Database): void {
  // first: switching to WAL takes a lock that another process opening the store may hold
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  enterWal(db);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
}
