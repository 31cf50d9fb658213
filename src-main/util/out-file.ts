import fs from 'node:fs';
import path from 'node:path';

/** The store's own files: the database and SQLite's write-ahead log and shared-memory files beside it. */
function storeFiles(storePath: string): string[] {
  const db = path.resolve(storePath);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * Why Biotrain may not write the output file `file`, or null when it may: never the store (or its -wal/-shm
 * files, also through another name for the same file), never a folder, and an existing file only with `force`.
 */
export function outFileProblem(file: string, opts: { storePath: string | null; force?: boolean; option: string }): string | null {
  const target = path.resolve(file);
  if (opts.storePath && storeFiles(opts.storePath).some((s) => sameFile(s, target)))
    return `${opts.option} ${file} is the Biotrain store itself; refusing to overwrite it (choose another file)`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  if (stat.isDirectory()) return `${opts.option} ${file} is a folder; give a file name`;
  if (!opts.force) return `${opts.option} ${file} already exists; refusing to overwrite it (pass --force to replace it)`;
  return null;
}
