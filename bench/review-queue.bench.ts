// Review queue latency on a store of 100,000 examples (every other one needs_review): ReviewRepo.next +
// decide sequentially over 1000 queue items, and ExamplesRepo.listLight pages at offsets 0, 50k and 99k
// (unfiltered and filtered by status), each as p50/p95 milliseconds. N changes the store size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Example } from '../src-preload/schemas/example';
import { makeExample } from '../src-main/generators/example-factory';
import { loadKnowledge } from '../src-main/knowledge/load';
import { type Decision, ReviewRepo } from '../src-main/review/review-repo';
import { openStore } from '../src-main/store/db';
import { type ExampleFilter, ExamplesRepo } from '../src-main/store/examples-repo';

const N = Number(process.env.N ?? 100_000);
const DECISIONS = 1000;
const PAGE = 50;
const REPEATS = 50;

const kb = loadKnowledge();
const golden = kb.goldenQueries;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biotrain-bench-review-'));
const db = openStore(path.join(dir, 'review.sqlite'));
const examples = new ExamplesRepo(db);
const review = new ReviewRepo(db);

const make = (i: number): Example => {
  const g = golden[i % golden.length]!;
  const e = makeExample({
    id: `rv-${i}`,
    kind: i % 10 === 0 ? 'tool_selection' : 'query_variation',
    groupId: `g-${i % 20_000}`,
    baseId: g.id,
    engine: 'bench',
    category: g.category,
    analysisType: g.expected_intent.analysis_type,
    difficulty: g.difficulty,
    input: `${g.query} (variant ${i})`,
    output: { intent: g.expected_intent },
    groundTruth: g.expected_intent,
  });
  // parse confidence spread over [0.3, 1): about a third below the low-confidence filter's 0.6
  const parsed = { ...g.expected_intent, confidence: 0.3 + ((i * 37) % 70) / 100 };
  // and one in eight with a round-trip intent mismatch
  const intentDiff = i % 8 === 3 ? { fields: [], mismatches: 1 } : null;
  return { ...e, status: i % 2 === 0 ? 'needs_review' : 'auto_validated', parsed_intent: parsed, intent_diff: intentDiff };
};
const t0 = performance.now();
for (let start = 0; start < N; start += 5000) {
  const batch: Example[] = [];
  for (let i = start; i < Math.min(N, start + 5000); i++) batch.push(make(i));
  examples.insertMany(batch);
}
// EXTRA_INDEXES=1 tries the indexes proposed for the filters that scan (not in the migrations)
if (process.env.EXTRA_INDEXES) {
  db.exec(`CREATE INDEX IF NOT EXISTS bench_examples_seq_confidence ON examples(seq, confidence);
    CREATE INDEX IF NOT EXISTS bench_examples_mismatch_seq ON examples(seq) WHERE intent_mismatches > 0;`);
  console.log('with the extra indexes examples(seq, confidence) and examples(seq) WHERE intent_mismatches > 0');
}
db.pragma('optimize');
console.log(`store of ${N} examples (${examples.count({ status: 'needs_review' })} needs_review) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const stats = (xs: number[]) => ({ p50: Number(pct(xs, 50).toFixed(3)), p95: Number(pct(xs, 95).toFixed(3)) });
const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

// sequential review: next item of the needs_review queue, then a decision on it (as the review screen does)
const queue: ExampleFilter = { status: 'needs_review' };
const nextMs: number[] = [];
const decideMs: number[] = [];
let after = 0;
for (let k = 0; k < DECISIONS; k++) {
  let item: ReturnType<ReviewRepo['next']> = null;
  nextMs.push(time(() => (item = review.next(queue, after))));
  if (!item) break;
  const it = item as NonNullable<ReturnType<ReviewRepo['next']>>;
  const action: Decision = k % 7 === 0 ? 'reject' : 'accept';
  decideMs.push(time(() => review.decide(it.id, action, 'bench')));
  after = it.seq;
}
// the same deep in the queue (after seq N/2), and by kind (the review screen's kind filter)
const deepMs: number[] = [];
const kindMs: number[] = [];
for (let k = 0; k < 200; k++) {
  deepMs.push(time(() => review.next(queue, Math.floor(N / 2) + k * 10)));
  kindMs.push(time(() => review.next({ ...queue, kind: 'tool_selection' }, k * 100)));
}

// offsets 0, count/2 and count-1000 of each filter's matches (0, 50k, 99k unfiltered at N = 100k)
const list: Record<string, { p50: number; p95: number }> = {};
const filters: [string, ExampleFilter][] = [
  ['all', {}],
  ['needs_review', { status: 'needs_review' }],
  ['low_confidence', { lowConfidence: true }],
  ['intent_mismatch', { intentMismatch: true }],
  ['rna_seq_de+needs_review', { analysisType: 'rna_seq_de', status: 'needs_review' }],
];
for (const [label, filter] of filters) {
  const count = examples.count(filter);
  for (const offset of [0, Math.floor(count / 2), Math.max(0, count - 1000)]) {
    const ms: number[] = [];
    for (let r = 0; r < REPEATS; r++) ms.push(time(() => examples.listLight(filter, offset, PAGE)));
    list[`${label}@${offset}`] = stats(ms);
  }
}

const next = stats(nextMs);
const decide = stats(decideMs);
console.log(`review next (needs_review queue, ${nextMs.length} sequential): p50 ${next.p50} ms, p95 ${next.p95} ms`);
console.log(`review decide: p50 ${decide.p50} ms, p95 ${decide.p95} ms`);
console.log(`review next deep (after seq ${Math.floor(N / 2)}): p50 ${stats(deepMs).p50} ms, p95 ${stats(deepMs).p95} ms`);
console.log(`review next by kind+status: p50 ${stats(kindMs).p50} ms, p95 ${stats(kindMs).p95} ms`);
for (const [k, v] of Object.entries(list)) console.log(`listLight ${k} (${PAGE} rows): p50 ${v.p50} ms, p95 ${v.p95} ms`);
const worstP95 = Math.max(next.p95, decide.p95, stats(deepMs).p95, stats(kindMs).p95, ...Object.values(list).map((v) => v.p95));
console.log(`worst p95 ${worstP95.toFixed(3)} ms (budget 20 ms): ${worstP95 <= 20 ? 'ok' : 'SLOW'}`);
console.log(
  JSON.stringify({
    bench: 'review-queue',
    name: 'review-queue',
    examples: N,
    next,
    decide,
    nextDeep: stats(deepMs),
    nextByKind: stats(kindMs),
    listLight: list,
    worstP95Ms: Number(worstP95.toFixed(3)),
  }),
);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
