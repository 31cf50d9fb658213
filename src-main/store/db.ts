import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class StoreOpenError extends Error {}

/**
 * Opens (creating if needed) a Biotrain SQLite store: WAL, foreign keys on, migrations applied.
 * Refuses files that are not SQLite or that belong to another application, with a message naming the file.
 */
export function openStore(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new StoreOpenError(`${file}: not a readable SQLite database (${(err as Error).message}). Move it away or pass another --db path.`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) {
      db.close();
      throw new StoreOpenError(`${file}: a SQLite database from another application (it has tables but no Biotrain schema version). Refusing to modify it; pass another --db path.`);
    }
  }
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreOpenError(`${file}: schema version ${version} is newer than this Biotrain (${SCHEMA_VERSION}). Upgrade Biotrain.`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= version) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
