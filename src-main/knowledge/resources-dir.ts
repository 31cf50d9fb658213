import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The resources folder: env BIOTRAIN_RESOURCES, else the nearest `resources/` above the working directory
 * or above this module (works from sources under tests and from the built out/main bundle).
 */
export function resourcesDir(): string {
  if (process.env.BIOTRAIN_RESOURCES) return path.resolve(process.env.BIOTRAIN_RESOURCES);
  const starts = [process.cwd(), path.dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = path.join(dir, 'resources', 'knowledge');
      if (fs.existsSync(candidate)) return path.join(dir, 'resources');
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find the resources folder (looked above ${starts.join(' and ')}); set BIOTRAIN_RESOURCES`);
}
