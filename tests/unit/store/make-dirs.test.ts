import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../../src-main/app/make-dirs';
import { tempDir } from '../../support/serve';

describe('makeDirs', () => {
  it('creates missing parents and accepts an existing folder', () => {
    const root = tempDir('biotrain-mkdirs-');
    const deep = path.join(root, 'a', 'b', 'c');
    makeDirs(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDirs(deep)).not.toThrow();
    expect(() => makeDirs(root)).not.toThrow();
  });

  it('throws when a parent is a file', () => {
    const root = tempDir('biotrain-mkdirs-');
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() => makeDirs(path.join(root, 'file', 'x', 'y'))).toThrow(/ENOTDIR/);
  });

  it.runIf(process.platform === 'linux')('throws instead of spinning under /proc (where recursive mkdir never returns)', () => {
    const t0 = Date.now();
    expect(() => makeDirs('/proc/biotrain-forbidden/x/y')).toThrow();
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
