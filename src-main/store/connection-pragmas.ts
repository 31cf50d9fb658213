// The settings every connection to a store runs with. A leaf module: the import writer worker, which runs
// outside the bundler, uses it as well as openStore.
import type Database from 'better-sqlite3';

export function applyConnectionPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}
