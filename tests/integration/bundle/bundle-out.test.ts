import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/bundle/format';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { educationExample } from '../../support/examples';
import { runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();

function seedStore(file: string): void {
  const db = openStore(file);
  const examples = [0, 1, 2, 3].map((i) => educationExample(kb, 'e', i, `Explain step ${i}`, `Step ${i} counts reads.`));
  new ExamplesRepo(db).insertMany(examples);
  db.close();
}

describe('bundle --out / --conflicts-out never overwrite what Biotrain did not create', () => {
  const dir = tempDir('biotrain-bundle-out-');
  const store = path.join(dir, 'store.sqlite');
  beforeAll(() => seedStore(store));

  it('refuses the store itself, even with --force, and leaves it intact', async () => {
    const before = fs.readFileSync(store);
    for (const extra of [[], ['--force']]) {
      const r = await runCli(['bundle', 'create', '--db', store, '--out', store, '--filter', 'all', ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`biotrain: --out ${store} is the Biotrain store itself; refusing to overwrite it (choose another file)\n`);
    }
    // the same file through another name (a symlink) and the store's write-ahead log are the store too
    const link = path.join(dir, 'link.btbundle');
    fs.symlinkSync(store, link);
    const viaLink = await runCli(['bundle', 'create', '--db', store, '--out', link, '--filter', 'all', '--force']);
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toContain('is the Biotrain store itself');
    const wal = await runCli(['bundle', 'create', '--db', store, '--out', `${store}-wal`, '--filter', 'all', '--force']);
    expect(wal.code).toBe(1);
    expect(wal.stderr).toContain('is the Biotrain store itself');
    expect(fs.readFileSync(store).equals(before)).toBe(true);
  });

  it('refuses an existing file unless --force, then replaces it', async () => {
    const out = path.join(dir, 'mine.btbundle');
    fs.writeFileSync(out, 'precious');
    const r = await runCli(['bundle', 'create', '--db', store, '--out', out, '--filter', 'all']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`biotrain: --out ${out} already exists; refusing to overwrite it (pass --force to replace it)\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
    const forced = await runCli(['bundle', 'create', '--db', store, '--out', out, '--filter', 'all', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readBundle(out).manifest.item_count).toBe(4);
    const folder = await runCli(['bundle', 'create', '--db', store, '--out', dir, '--filter', 'all', '--force']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`--out ${dir} is a folder`);
  });

  it('merge --conflicts-out refuses the store or an existing file before applying any decision', async () => {
    const bundleFile = path.join(dir, 'r.btbundle');
    expect((await runCli(['bundle', 'create', '--db', store, '--out', bundleFile, '--filter', 'all'])).code).toBe(0);
    const manifest = readBundle(bundleFile).manifest;
    const decisions = (reviewer: string, action: string) => {
      const f = path.join(dir, `r.btbundle.${reviewer}.decisions.json`);
      const ds = ['e0', 'e1'].map((id) => ({ example_id: id, action, decided_at: '2026-01-01T00:00:00.000Z' }));
      fs.writeFileSync(f, JSON.stringify({ format_version: 1, bundle_id: manifest.bundle_id, items_sha256: manifest.items_sha256, reviewer, decisions: ds }));
      return f;
    };
    const files = [decisions('alice', 'accept'), decisions('bob', 'reject')];
    const events = () => {
      const db = openStore(store);
      const n = db.prepare('SELECT COUNT(*) FROM review_events').pluck().get();
      db.close();
      return n;
    };
    const existing = path.join(dir, 'adjudicate.btbundle');
    fs.writeFileSync(existing, 'keep');
    for (const [out, extra, message] of [
      [store, ['--force'], `--conflicts-out ${store} is the Biotrain store itself`],
      [existing, [], `--conflicts-out ${existing} already exists; refusing to overwrite it (pass --force to replace it)`],
    ] as const) {
      const r = await runCli(['bundle', 'merge', ...files, '--db', store, '--conflicts-out', out, ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(events()).toBe(0);
    }
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep');
    const forced = await runCli(['bundle', 'merge', ...files, '--db', store, '--conflicts-out', existing, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).conflicts).toHaveLength(2);
    expect(readBundle(existing).manifest.item_count).toBe(2);
  });
});
