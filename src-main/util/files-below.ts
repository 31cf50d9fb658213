import fs from 'node:fs';
import path from 'node:path';

/** Every non-folder entry below `root`, relative with '/' separators, sorted. */
export function filesBelow(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesBelow(root, r));
    else out.push(r);
  }
  return out.sort();
}
