import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../src-main/export/run-export';
import { PATHS } from '../../../src-main/export/layout';
import { ManifestSchema } from '../../../src-main/export/manifest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { ReviewRepo } from '../../../src-main/review/review-repo';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import { educationExample } from '../../support/examples';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();

describe('export: the review log', () => {
  it('lists every decision in effect with its note and the split of its item, oldest first; undone ones are left out', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.sqlite'));
    const examples = [0, 1, 2, 3].map((i) => educationExample(kb, 'x', i, `What does step ${i} of an RNA-seq analysis do?`, `Step ${i} aligns or counts reads.`));
    new ExamplesRepo(db).insertMany(examples.map((e) => ({ ...e, status: 'needs_review' as const })));
    const review = new ReviewRepo(db);
    review.decide('x0', 'accept', 'expert', undefined, { comment: 'clear and correct' });
    review.decide('x1', 'reject', 'expert', undefined, { reason: 'wrong_facts', flag: true });
    review.decide('x2', 'accept', 'expert');
    review.undo('expert');
    review.decideMany(['x2', 'x3'], 'flag', 'alice', { comment: 'second look' });
    review.decide('x3', 'accept', 'alice');
    // the build exports x0 (train) and x3 (test); x1 was rejected, x2 is still in review
    db.prepare("INSERT INTO builds (id, kind, status, seed, config, created_at) VALUES ('b', 'build', 'passed', 1, '{}', 'now')").run();
    const ins = db.prepare('INSERT INTO build_items (build_id, example_id, split, ord, tools) VALUES (?, ?, ?, ?, ?)');
    ins.run('b', 'x0', 'train', '0000', '');
    ins.run('b', 'x3', 'test', '0001', '');
    const out = path.join(dir, 'out');
    await runExport(db, kb, { buildId: 'b', outDir: out, splitConfig: DEFAULT_SPLIT_CONFIG, qualityReport: {} });
    const times = db.prepare("SELECT example_id, created_at FROM review_events WHERE action != 'undo' ORDER BY seq").all() as { example_id: string; created_at: string }[];
    db.close();
    const text = fs.readFileSync(path.join(out, PATHS.reviewLog), 'utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { decided_at: string });
    const at = (i: number) => times[i]!.created_at;
    expect(lines).toEqual([
      { example_id: 'x0', action: 'accept', reviewer: 'expert', decided_at: at(0), split: 'train', note: { comment: 'clear and correct' } },
      { example_id: 'x1', action: 'reject', reviewer: 'expert', decided_at: at(1), split: null, note: { flag: true, reason: 'wrong_facts' } },
      { example_id: 'x2', action: 'flag', reviewer: 'alice', decided_at: at(3), split: null, note: { comment: 'second look', flag: true } },
      { example_id: 'x3', action: 'flag', reviewer: 'alice', decided_at: at(4), split: 'test', note: { comment: 'second look', flag: true } },
      { example_id: 'x3', action: 'accept', reviewer: 'alice', decided_at: at(5), split: 'test' },
    ]);
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(out, PATHS.manifest), 'utf8')));
    expect(manifest.files.find((f) => f.path === PATHS.reviewLog)?.rows).toBe(5);
  });
});
