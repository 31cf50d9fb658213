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

export function applyConnectionPragmas(db: Database.Database): void {
  // first: switching to WAL takes a lock that another process opening the store may hold
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
}
