import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` one level at a time. Node's `fs.mkdirSync(dir, { recursive: true })` never returns when a
 * parent exists but cannot hold children (procfs answers ENOENT, e.g. `--out /proc/x`): it retries the
 * parent and the child forever. Here each missing directory is created once and the first error is thrown.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); ) {
    missing.push(d);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
