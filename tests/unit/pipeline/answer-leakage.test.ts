import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { answerLeakage } from '../../../src-main/pipeline/answer-leakage';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import type { Example, Split } from '../../../src-preload/schemas/example';

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
const A = `Trim the reads first. ${words('alpha', 60)}`;
const B = `Align with STAR. ${words('beta', 60)}`;
// B with its last word changed: 3 of ~62 shingles differ, an estimated Jaccard far above 0.8
const B_NEAR = B.replace(/beta59$/, 'gamma');
const C = `Call peaks with MACS2. ${words('delta', 60)}`;

function store(items: { id: string; split: Split; answer: string; source?: Example['source'] }[]) {
  const db = openStore(':memory:');
  new ExamplesRepo(db).insertMany(
    items.map((it) => ({
      ...makeExample({ id: it.id, kind: 'education', groupId: it.id, baseId: null, engine: 'template', category: 'c', analysisType: 'rna_seq_de', difficulty: 1, input: `Question ${it.id}?`, output: { explanation: it.answer }, source: it.source ?? 'synthetic' }),
      status: 'accepted' as const,
    })),
  );
  db.prepare("INSERT INTO builds (id, kind, status, seed, config, created_at) VALUES ('b1', 'build', 'running', 1, '{}', 'now')").run();
  const insert = db.prepare("INSERT INTO build_items (build_id, example_id, split) VALUES ('b1', ?, ?)");
  for (const it of items) insert.run(it.id, it.split);
  return db;
}

describe('answerLeakage', () => {
  it('counts test answers identical to or near duplicates of a train answer, overall and for expert items', () => {
    const db = store([
      { id: 'tr-a', split: 'train', answer: A },
      { id: 'tr-b', split: 'train', answer: B },
      { id: 'va-c', split: 'val', answer: C },
      { id: 'te-a', split: 'test', answer: A, source: 'expert' },
      { id: 'te-b', split: 'test', answer: B_NEAR },
      { id: 'te-c', split: 'test', answer: C, source: 'expert' },
    ]);
    const r = answerLeakage(db, 'b1', 1, 0.8, (e) => e.output.explanation ?? '');
    expect(r).toEqual({
      test_answers: 3,
      identical: 1,
      near_duplicate: 1,
      share: 0.6667,
      threshold: 0.8,
      // C is a val answer only: val is not train
      expert: { test_answers: 2, identical: 1, near_duplicate: 0, share: 0.5 },
      examples: ['te-a = tr-a', 'te-b ~ tr-b'],
    });
  });

  it('a stricter threshold than the pair reaches leaves only the identical answer', () => {
    const db = store([
      { id: 'tr-b', split: 'train', answer: B },
      { id: 'te-b', split: 'test', answer: B_NEAR },
      { id: 'te-b2', split: 'test', answer: B },
    ]);
    expect(answerLeakage(db, 'b1', 1, 1, (e) => e.output.explanation ?? '')).toMatchObject({ identical: 1, near_duplicate: 0, share: 0.5 });
    expect(answerLeakage(db, 'nobuild', 1, 0.8, (e) => e.output.explanation ?? '')).toMatchObject({ test_answers: 0, share: 0 });
  });
});
