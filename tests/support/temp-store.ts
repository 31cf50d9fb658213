import fs from 'node:fs';
import path from 'node:path';
import { type Db, openStore } from '../../src-main/store/db';
import { tempDir } from './serve';

/** A store in a fresh temp folder; closing it and removing the folder is pushed onto `cleanups`. */
export function tempStore(prefix: string, cleanups: (() => Promise<void> | void)[]): Db {
  const dir = tempDir(prefix);
  const db = openStore(path.join(dir, 'store.db'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
