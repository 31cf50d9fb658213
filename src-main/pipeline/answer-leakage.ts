import { hash } from 'node:crypto';
import type { AnswerLeakage, AnswerLeakageCounts } from '../../src-preload/schemas/build';
import type { Example } from '../../src-preload/schemas/example';
import type { Db } from '../store/db';
import { type ExampleRow, rowToExample } from '../store/examples-repo';
import { estimatedJaccard, LshIndex, lshShape, MinHasher } from './minhash';

/** Word 3-shingles and 32 permutations, as the pipeline's near-duplicate pass uses for requests. */
const NUM_PERM = 32;
const SHINGLE = 3;
/** test answers named in the report */
const MAX_EXAMPLES = 20;

const counts = (test: number, identical: number, near: number): AnswerLeakageCounts => ({
  test_answers: test,
  identical,
  near_duplicate: near,
  share: test === 0 ? 0 : Math.round(((identical + near) / test) * 10_000) / 10_000,
});

/**
 * The answer side of leakage: how many test answers a model could have memorised from train, because a
 * train row's answer is byte-identical to it or a near duplicate of it. Request-side leakage (groups and
 * near-duplicate requests across splits) is kept out by the splits; answers are not, and a test set whose
 * answers are the generator's output shared with train measures memorisation. `answerOf` renders the
 * assistant turn the export writes.
 */
export function answerLeakage(db: Db, buildId: string, seed: number, threshold: number, answerOf: (e: Example) => string): AnswerLeakage {
  const rowsOf = db.prepare(
    'SELECT e.* FROM build_items b JOIN examples e ON e.id = b.example_id WHERE b.build_id = ? AND b.split = ? ORDER BY e.seq',
  );
  const hasher = new MinHasher({ numPerm: NUM_PERM, shingle: SHINGLE, seed });
  const { bands, rows } = lshShape(NUM_PERM, threshold);
  const lsh = new LshIndex(bands, rows);
  const trainIds: string[] = [];
  const trainSigs: Uint32Array[] = [];
  const byHash = new Map<string, number>();
  for (const row of rowsOf.iterate(buildId, 'train') as IterableIterator<ExampleRow>) {
    const text = answerOf(rowToExample(row));
    const i = trainIds.push(row.id) - 1;
    const h = hash('sha1', text, 'base64');
    if (!byHash.has(h)) byHash.set(h, i);
    const sig = hasher.signature(text);
    trainSigs.push(sig);
    lsh.add(i, sig);
  }
  const all = { test: 0, identical: 0, near: 0 };
  const expert = { test: 0, identical: 0, near: 0 };
  const examples: string[] = [];
  for (const row of rowsOf.iterate(buildId, 'test') as IterableIterator<ExampleRow>) {
    const text = answerOf(rowToExample(row));
    const tally = row.source === 'expert' ? [all, expert] : [all];
    for (const t of tally) t.test++;
    const same = byHash.get(hash('sha1', text, 'base64'));
    if (same !== undefined) {
      for (const t of tally) t.identical++;
      if (examples.length < MAX_EXAMPLES) examples.push(`${row.id} = ${trainIds[same]}`);
      continue;
    }
    const sig = hasher.signature(text);
    for (const i of lsh.query(sig)) {
      if (estimatedJaccard(sig, trainSigs[i]!) < threshold) continue;
      for (const t of tally) t.near++;
      if (examples.length < MAX_EXAMPLES) examples.push(`${row.id} ~ ${trainIds[i]}`);
      break;
    }
  }
  return {
    ...counts(all.test, all.identical, all.near),
    threshold,
    expert: counts(expert.test, expert.identical, expert.near),
    examples,
  };
}
