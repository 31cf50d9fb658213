import path from 'node:path';
import Database from 'better-sqlite3';
import { makeDirs } from '../app/make-dirs';
import { applyConnectionPragmas, BUSY_TIMEOUT_MS } from './connection-pragmas';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/**
 * Page size of new stores. Rows here are large (an interaction or example is 1-2 KB of JSON), and 16 KiB
 * pages hold several per page: a 100k-line feedback import writes about a quarter less than with 4 KiB.
 */
export const NEW_STORE_PAGE_SIZE = 16_384;

export class StoreOpenError extends Error {}

/**
 * Opens (creating if needed) a Biotrain SQLite store: WAL, foreign keys on, migrations applied.
 * Refuses files that are not SQLite or that belong to another application, with a message naming the file.
 */
export function openStore(file: string): Db {
  if (file !== ':memory:') makeDirs(path.dirname(path.resolve(file)));
  // only reads until the file is known to be ours: journal_mode = WAL would rewrite a foreign file's header
  let db: Db | undefined;
  let version: number;
  let tables: number;
  try {
    db = new Database(file);
    // before anything else: every lock this connection takes (even the reads below) waits for other writers
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } catch (err) {
    db?.close();
    throw new StoreOpenError(`${file}: not a readable SQLite database (${(err as Error).message}). Move it away or pass another --db path.`);
  }
  if (version === 0 && tables > 0) {
    db.close();
    throw new StoreOpenError(`${file}: a SQLite database from another application (it has tables but no Biotrain schema version). Refusing to modify it; pass another --db path.`);
  }
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreOpenError(`${file}: schema version ${version} is newer than this Biotrain (${SCHEMA_VERSION}). Upgrade Biotrain.`);
  }
  // settable only before the first table exists; existing stores keep theirs
  if (version === 0 && tables === 0) db.pragma(`page_size = ${NEW_STORE_PAGE_SIZE}`);
  applyConnectionPragmas(db);
  if (version < SCHEMA_VERSION) migrate(db, file);
  return db;
}

/**
 * Applies the missing migrations under an exclusive lock, re-reading the version inside it: when two
 * processes open a new store at once, the second waits, then finds the tables made and applies nothing.
 */
function migrate(db: Db, file: string): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) throw new StoreOpenError(`${file}: schema version ${current} is newer than this Biotrain (${SCHEMA_VERSION}). Upgrade Biotrain.`);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).exclusive();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
