import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../src-main/export/run-export';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { type Db, openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import { educationExample } from '../../support/examples';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();

/** A store with one passed build of six education examples, two per split. */
function smallStore(dir: string, blankAt?: number): Db {
  const db = openStore(path.join(dir, 'store.sqlite'));
  const examples = [0, 1, 2, 3, 4, 5].map((i) =>
    educationExample(kb, 'x', i, `What does step ${i} of an RNA-seq analysis do?`, i === blankAt ? ' ' : `Step ${i} aligns or counts reads.`),
  );
  new ExamplesRepo(db).insertMany(examples.map((e) => ({ ...e, status: 'accepted' as const })));
  db.prepare("INSERT INTO builds (id, kind, status, seed, config, created_at) VALUES ('b', 'build', 'passed', 1, '{}', 'now')").run();
  const ins = db.prepare('INSERT INTO build_items (build_id, example_id, split, ord, tools) VALUES (?, ?, ?, ?, ?)');
  for (const i of [0, 1, 2, 3, 4, 5]) ins.run('b', `x${i}`, (['train', 'val', 'test'] as const)[i % 3], String(i).padStart(4, '0'), '');
  return db;
}

const exportTo = (db: Db, outDir: string) => runExport(db, kb, { buildId: 'b', outDir, splitConfig: DEFAULT_SPLIT_CONFIG, qualityReport: {} });
const siblings = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.biotrain-'));
const read = (f: string) => fs.readFileSync(f, 'utf8');

describe('export never overwrites or deletes what Biotrain did not create', () => {
  it('re-exporting into the folder that holds the store is refused and the store is kept', async () => {
    const dir = tempDir();
    const db = smallStore(dir);
    const storeBytes = fs.statSync(path.join(dir, 'store.sqlite')).size;
    await expect(exportTo(db, dir)).rejects.toThrow(`refusing to export to ${dir}: it holds the Biotrain store ${path.join(dir, 'store.sqlite')}`);
    // also when the store was put into an earlier export
    const out = path.join(dir, 'out');
    await exportTo(db, out);
    db.close();
    fs.renameSync(path.join(dir, 'store.sqlite'), path.join(out, 'store.sqlite'));
    const moved = openStore(path.join(out, 'store.sqlite'));
    await expect(exportTo(moved, out)).rejects.toThrow(`refusing to export to ${out}: it holds the Biotrain store`);
    moved.close();
    expect(fs.statSync(path.join(out, 'store.sqlite')).size).toBeGreaterThanOrEqual(storeBytes);
    expect(fs.existsSync(path.join(out, 'metadata/manifest.json'))).toBe(true);
    expect(siblings(dir)).toEqual([]);
  });

  it('folders named <out>.partial and <out>.old that the user owns are left alone', async () => {
    const dir = tempDir();
    const db = smallStore(dir);
    const out = path.join(dir, 'dataset');
    for (const s of ['.partial', '.old']) {
      fs.mkdirSync(`${out}${s}`);
      fs.writeFileSync(path.join(`${out}${s}`, 'mine.txt'), `user data ${s}`);
    }
    await exportTo(db, out);
    await exportTo(db, out); // the second export replaces the first
    db.close();
    expect(read(path.join(`${out}.partial`, 'mine.txt'))).toBe('user data .partial');
    expect(read(path.join(`${out}.old`, 'mine.txt'))).toBe('user data .old');
    expect(fs.existsSync(path.join(out, 'processed/train.jsonl'))).toBe(true);
    expect(siblings(dir)).toEqual([]);
  });

  it('an earlier export the user added a file to is refused, naming the file; nothing is deleted', async () => {
    const dir = tempDir();
    const db = smallStore(dir);
    const out = path.join(dir, 'dataset');
    await exportTo(db, out);
    fs.writeFileSync(path.join(out, 'processed', 'notes.md'), 'my notes');
    const before = read(path.join(out, 'metadata/manifest.json'));
    await expect(exportTo(db, out)).rejects.toThrow(`refusing to replace ${out}: it holds 1 file(s) the export did not write (processed/notes.md)`);
    db.close();
    expect(read(path.join(out, 'processed', 'notes.md'))).toBe('my notes');
    expect(read(path.join(out, 'metadata/manifest.json'))).toBe(before);
    expect(siblings(dir)).toEqual([]);
  });

  it('a folder with a forged or unreadable manifest is not an export', async () => {
    const dir = tempDir();
    const db = smallStore(dir);
    const out = path.join(dir, 'dataset');
    fs.mkdirSync(path.join(out, 'metadata'), { recursive: true });
    fs.writeFileSync(path.join(out, 'metadata/manifest.json'), '{"not":"ours"}');
    fs.writeFileSync(path.join(out, 'data.csv'), 'a,b');
    await expect(exportTo(db, out)).rejects.toThrow(`refusing to replace ${out}: it is not empty and holds no Biotrain export`);
    db.close();
    expect(read(path.join(out, 'data.csv'))).toBe('a,b');
  });

  it('a failed export leaves the previous export in place and no temporary sibling behind', async () => {
    const dir = tempDir();
    const good = smallStore(dir);
    const out = path.join(dir, 'dataset');
    await exportTo(good, out);
    good.close();
    const manifest = read(path.join(out, 'metadata/manifest.json'));
    const bad = smallStore(tempDir(), 4);
    await expect(exportTo(bad, out)).rejects.toThrow(/^example x4: its assistant message is empty/);
    bad.close();
    expect(read(path.join(out, 'metadata/manifest.json'))).toBe(manifest);
    expect(siblings(dir)).toEqual([]);
  });
});
