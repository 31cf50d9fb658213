import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesBelow } from '../../../src-main/util/files-below';
import { REPO } from '../../support/serve';

describe('one writer discipline in the source', () => {
  it('every transaction begins IMMEDIATE (or EXCLUSIVE): a deferred one fails at once under a second writer', () => {
    const src = path.join(REPO, 'src-main');
    const deferred: string[] = [];
    for (const rel of filesBelow(src).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(src, rel), 'utf8');
      const opened = text.match(/\.transaction\(/g)?.length ?? 0;
      const locked = text.match(/\}\)\s*\.(immediate|exclusive)\(/g)?.length ?? 0;
      if (opened !== locked) deferred.push(`${rel}: ${opened} transaction(s), ${locked} begun .immediate()/.exclusive()`);
      if (/\bBEGIN(\s+DEFERRED)?\s*['";`]/i.test(text)) deferred.push(`${rel}: a plain BEGIN`);
    }
    expect(deferred).toEqual([]);
  });
});
