import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_CONFIG } from '../../../src-preload/schemas/build';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { lintProject } from '../../../src-main/nextflow-validator';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { tempDir } from '../../support/serve';

const kb = loadKnowledge();
const QUERY = 'atac-seq for mouse t cells, paired-end';
const base = parseIntent(QUERY, kb);

function variation(id: string, input: string, intent: Intent) {
  const e = makeExample({ id, kind: 'query_variation', groupId: id, baseId: null, engine: 'template', category: 'epigenomics', analysisType: intent.analysis_type, difficulty: 1, input, output: { intent }, groundTruth: intent });
  return { ...e, status: 'auto_validated' as const };
}

describe('identical (system, user) pairs with different answers', () => {
  it('go to review, both of them; identical answers stay one exported duplicate', async () => {
    const db = openStore(path.join(tempDir('biotrain-conflicts-'), 'store.sqlite'));
    try {
      const other: Intent = { ...base, read_layout: 'single' };
      new ExamplesRepo(db).insertMany([
        variation('a', QUERY, base),
        variation('b', QUERY.toUpperCase(), other),
        variation('c', 'chip-seq for human liver, h3k27ac', parseIntent('chip-seq for human liver, h3k27ac', kb)),
        variation('d', 'chip-seq  for human liver, h3k27ac', parseIntent('chip-seq for human liver, h3k27ac', kb)),
      ]);
      db.prepare("INSERT INTO builds (id, kind, status, seed, config, output_dir, created_at) VALUES ('b1', 'build', 'running', 42, '{}', '/tmp/x', '2026-01-01')").run();
      const deps = { kb, parse: (q: string) => parseIntent(q, kb), lint: (f: Record<string, string>) => lintProject(f, 'main.nf') };
      const result = await runPipeline(db, kb, deps, DEFAULT_SPLIT_CONFIG, 'b1', { withFeedback: 0, accepted: 0, modified: 0 });
      const rows = db.prepare('SELECT example_id, excluded, reasons FROM build_items ORDER BY example_id').all() as { example_id: string; excluded: string | null; reasons: string | null }[];
      expect(rows.map((r) => [r.example_id, r.excluded])).toEqual([
        ['a', 'rule_review'],
        ['b', 'rule_review'],
        ['c', null],
        ['d', 'duplicate'],
      ]);
      expect(JSON.parse(rows[0]!.reasons!)).toEqual(['conflicting_target: the same system prompt and user turn as b with a different answer']);
      expect(result.ruleFailures.conflicting_target).toBe(2);
      const status = db.prepare('SELECT id, status FROM examples ORDER BY id').all();
      expect(status).toEqual([
        { id: 'a', status: 'needs_review' },
        { id: 'b', status: 'needs_review' },
        { id: 'c', status: 'auto_validated' },
        { id: 'd', status: 'auto_validated' },
      ]);
    } finally {
      db.close();
    }
  });
});
