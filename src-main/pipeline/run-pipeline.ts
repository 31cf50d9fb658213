import { hash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { EXCLUSION_REASONS, type ExclusionReason, type LeakageReport, type QualityMetrics, type SplitConfig } from '../../src-preload/schemas/build';
import type { Example, Split } from '../../src-preload/schemas/example';
import { normalizeText } from '../generators/example-factory';
import type { Knowledge } from '../knowledge/schemas';
import { type InteractionStats, type ItemFacts, MetricsAccumulator } from '../metrics/quality-metrics';
import type { Db } from '../store/db';
import { type ExampleRow, rowToExample } from '../store/examples-repo';
import { toolsMatchSelector, toolsOf, workflowComplete } from './facts';
import { checkLeakage } from './leakage';
import { estimatedJaccard, lshShape, MinHasher, UnionFind } from './minhash';
import { taskOf } from '../task-contract/tasks';
import { progressClock } from '../util/progress-clock';
import { checkExample, type RuleDeps } from './rules';
import { type TypeCoverage, typeCoverage } from './split-coverage';
import { assignSplits, balancedByType, groupKey, stratumKey } from './splits';

export type { ExclusionReason } from '../../src-preload/schemas/build';

export interface PipelineProgress {
  phase: string;
  done: number;
  total: number;
}

export interface PipelineResult {
  buildId: string;
  total: number;
  kept: number;
  excluded: Record<ExclusionReason, number>;
  ruleFailures: Record<string, number>;
  pii: Record<string, number>;
  splitCounts: Record<Split, number>;
  perKind: Record<string, { total: number; train: number; val: number; test: number; excluded: number }>;
  /** per kind: the examples left out, by reason */
  excludedByKind: Record<string, Partial<Record<ExclusionReason, number>>>;
  perAnalysisType: Record<string, Record<Split, number>>;
  /** per analysis type: val and test shares and whether they are in the 5-15% band */
  typeCoverage: TypeCoverage[];
  /** error patterns and education topics (their groups) per split */
  topicsPerSplit: Record<string, Record<Split, number>>;
  nearDuplicateClusters: number;
  nearDuplicatePairs: number;
  leakage: LeakageReport;
  metrics: QualityMetrics;
}

/** The first 48 bits of a hash of an example's answer, as a number (identical answers, identical numbers). */
function targetHash(ex: Example): number {
  return Number.parseInt(hash('sha1', JSON.stringify(ex.output), 'hex').slice(0, 12), 16);
}

const SOURCE_PRIORITY: Record<string, number> = { expert: 0, interaction: 1, import: 2, synthetic: 3 };
const NUM_PERM = 32;

interface Item {
  id: string;
  kind: string;
  group: string;
  stratum: string;
  expert: boolean;
  source: string;
  analysisType: string;
  excluded: ExclusionReason | null;
  reasons: string[] | null;
  pii: string[] | null;
}

/**
 * Per-item facts for build_items and the metrics, column-wise in typed arrays (a JSON string per item cost
 * ~150 bytes each at a million examples). Booleans are tri-state: -1 null, 0 false, 1 true; a confidence
 * of NaN is null; tool lists are interned.
 */
class FactsTable {
  readonly has: Uint8Array;
  readonly parsedOk: Int8Array;
  readonly confidence: Float64Array;
  readonly workflowOk: Int8Array;
  readonly workflowComplete: Int8Array;
  readonly toolsMatch: Int8Array;
  readonly tools: Int32Array;
  private readonly toolLists: string[][] = [];
  private readonly toolIndex = new Map<string, number>();

  constructor(size: number) {
    this.has = new Uint8Array(size);
    this.parsedOk = new Int8Array(size);
    this.confidence = new Float64Array(size);
    this.workflowOk = new Int8Array(size);
    this.workflowComplete = new Int8Array(size);
    this.toolsMatch = new Int8Array(size);
    this.tools = new Int32Array(size);
  }

  set(i: number, f: Omit<ItemFacts, 'category' | 'difficulty'>): void {
    const tri = (v: boolean | null) => (v === null ? -1 : v ? 1 : 0);
    this.has[i] = 1;
    this.parsedOk[i] = tri(f.parsedOk);
    // as a JSON round trip did: non-finite numbers read back as null
    this.confidence[i] = f.confidence !== null && Number.isFinite(f.confidence) ? f.confidence + 0 : Number.NaN; // -0 read back as 0
    this.workflowOk[i] = tri(f.workflowOk);
    this.workflowComplete[i] = tri(f.workflowComplete);
    this.toolsMatch[i] = tri(f.toolsMatch);
    const key = f.tools.join('\u0000');
    let t = this.toolIndex.get(key);
    if (t === undefined) {
      t = this.toolLists.push([...f.tools]) - 1;
      this.toolIndex.set(key, t);
    }
    this.tools[i] = t;
  }

  get(i: number): Omit<ItemFacts, 'category' | 'difficulty'> | null {
    if (!this.has[i]) return null;
    const bool = (v: number) => (v < 0 ? null : v === 1);
    const c = this.confidence[i]!;
    return {
      parsedOk: bool(this.parsedOk[i]!),
      confidence: Number.isNaN(c) ? null : c,
      workflowOk: bool(this.workflowOk[i]!),
      workflowComplete: bool(this.workflowComplete[i]!),
      toolsMatch: bool(this.toolsMatch[i]!),
      tools: this.toolLists[this.tools[i]!]!,
    };
  }
}

/**
 * The dataset build over everything in the store: review status, the plan's validation rules (3.1),
 * exact dedup on normalized content, MinHash LSH near-duplicate clusters, grouped stratified splits with
 * near-duplicates of val/test kept out of train, a leakage check, and the quality metrics (3.2). Examples
 * are streamed from SQLite; per-item state is a few small fields and a 32-word signature.
 */
export async function runPipeline(
  db: Db,
  kb: Knowledge,
  deps: RuleDeps,
  config: SplitConfig,
  buildId: string,
  interactions: InteractionStats,
  onProgress: (p: PipelineProgress) => void = () => {},
): Promise<PipelineResult> {
  const total = db.prepare('SELECT COUNT(*) FROM examples').pluck().get() as number;
  const items: Item[] = [];
  const sigs = new Uint32Array(Math.max(1, total) * NUM_PERM);
  const facts = new FactsTable(Math.max(1, total));
  // groups and strata repeat across many items: keep one copy of each string
  const interned = new Map<string, string>();
  const intern = (v: string): string => {
    const seen = interned.get(v);
    if (seen !== undefined) return seen;
    interned.set(v, v);
    return v;
  };
  const hasher = new MinHasher({ numPerm: NUM_PERM, shingle: 3, seed: config.seed });
  const byContent = new Map<string, number>();
  // per item: the first 48 bits of a hash of its answer, and whether a reviewer accepted it
  const targets = new Float64Array(Math.max(1, total));
  const accepted = new Uint8Array(Math.max(1, total));
  const conflicted = new Set<string>();
  const conflicts: string[] = [];
  const ruleFailures: Record<string, number> = {};
  const pii: Record<string, number> = {};

  // pass 1: rules, exact dedup, signatures
  const rows = db.prepare('SELECT * FROM examples ORDER BY seq').iterate() as IterableIterator<ExampleRow>;
  let n = 0;
  const clock = progressClock();
  for (const row of rows) {
    const ex: Example = rowToExample(row);
    const item: Item = {
      id: ex.id,
      kind: ex.kind,
      group: config.groupBy === 'none' ? ex.id : intern(groupKey(ex, config)),
      stratum: intern(stratumKey(ex, config)),
      expert: ex.source === 'expert',
      source: ex.source,
      analysisType: ex.analysis_type,
      excluded: null,
      reasons: null,
      pii: null,
    };
    const idx = items.push(item) - 1;
    if (ex.status === 'rejected') item.excluded = 'rejected_in_review';
    else if (ex.status === 'needs_review' || ex.status === 'pending') item.excluded = 'awaiting_review';
    else {
      const outcome = checkExample(ex, deps);
      item.reasons = outcome.reasons.length > 0 ? outcome.reasons : null;
      item.pii = outcome.pii.length > 0 ? outcome.pii : null;
      for (const k of outcome.pii) pii[k] = (pii[k] ?? 0) + 1;
      for (const r of outcome.reasons) {
        const rule = r.slice(0, r.indexOf(':'));
        ruleFailures[rule] = (ruleFailures[rule] ?? 0) + 1;
      }
      if (outcome.action === 'reject') item.excluded = 'rule_rejected';
      else if (outcome.action === 'review') item.excluded = 'rule_review';
      else {
        // one key per (system prompt, user turn): the task and the normalized request
        const key = hash('sha1', `${taskOf(ex)}\u0000${normalizeText(ex.input)}`, 'base64');
        targets[idx] = targetHash(ex);
        accepted[idx] = ex.status === 'accepted' ? 1 : 0;
        const prev = byContent.get(key);
        const conflict = prev !== undefined && (conflicted.has(key) || targets[prev] !== targets[idx]);
        if (conflict) {
          // the same prompt with a different answer: a human-accepted answer stands, the others go to review
          conflicted.add(key);
          const keepPrev = accepted[prev!] === 1 && accepted[idx] === 0;
          const keepThis = accepted[idx] === 1 && accepted[prev!] === 0;
          const toReview = keepPrev ? [idx] : keepThis ? [prev!] : [prev!, idx];
          for (const r of toReview) {
            const it = items[r]!;
            if (it.excluded === 'rule_review') continue;
            it.excluded = 'rule_review';
            it.reasons = [...(it.reasons ?? []), `conflicting_target: the same system prompt and user turn as ${items[r === idx ? prev! : idx]!.id} with a different answer`];
            ruleFailures.conflicting_target = (ruleFailures.conflicting_target ?? 0) + 1;
            conflicts.push(it.id);
          }
          if (keepThis) byContent.set(key, idx);
          if (!keepThis && !keepPrev) byContent.set(key, idx);
          if (keepThis) sigs.set(hasher.signature(ex.input), idx * NUM_PERM);
        } else if (prev !== undefined && (SOURCE_PRIORITY[items[prev]!.source] ?? 3) <= (SOURCE_PRIORITY[ex.source] ?? 3)) {
          item.excluded = 'duplicate';
        } else {
          if (prev !== undefined) items[prev]!.excluded = 'duplicate';
          byContent.set(key, idx);
          sigs.set(hasher.signature(ex.input), idx * NUM_PERM);
        }
        facts.set(idx, {
          parsedOk: outcome.parsedOk,
          confidence: outcome.parsed?.confidence ?? null,
          workflowOk: outcome.workflowErrors === null ? null : outcome.workflowErrors === 0,
          workflowComplete: workflowComplete(ex, kb),
          toolsMatch: toolsMatchSelector(ex, kb),
          tools: toolsOf(ex, kb),
        });
      }
    }
    if (++n % 500 === 0 || clock.due()) {
      onProgress({ phase: 'validate', done: n, total });
      await yieldToLoop();
    }
  }
  onProgress({ phase: 'validate', done: n, total });
  byContent.clear();
  // conflicting answers to one prompt are sent to the review queue (auto-validated ones; reviewers' decisions stay)
  const toReview = db.prepare("UPDATE examples SET status = 'needs_review' WHERE id = ? AND status = 'auto_validated'");
  db.transaction(() => {
    for (const id of conflicts) toReview.run(id);
  }).immediate();
  interned.clear();

  // near-duplicates among kept items
  const kept = items.map((it, i) => (it.excluded === null ? i : -1)).filter((i) => i >= 0);
  const { bands, rows: r } = lshShape(NUM_PERM, config.nearDupThreshold);
  const pairs = new PairList();
  const uf = new UnionFind(items.length);
  for (const [a, b] of lshCandidates(kept, sigs, bands, r)) {
    const j = estimatedJaccard(sigs.subarray(a * NUM_PERM, (a + 1) * NUM_PERM), sigs.subarray(b * NUM_PERM, (b + 1) * NUM_PERM));
    if (j >= config.nearDupThreshold) {
      pairs.push(a, b);
      uf.union(a, b);
    }
  }
  onProgress({ phase: 'near-duplicates', done: kept.length, total: kept.length });

  // splits on kept items, then near-duplicates of val/test items leave train (val ones leave for test)
  const assigned = assignSplits(
    kept.map((i) => ({ group: items[i]!.group, stratum: items[i]!.stratum, forceTest: config.expertTestOnly && items[i]!.expert, balance: items[i]!.analysisType, balanceChooses: balancedByType(items[i]!.kind) })),
    config,
  );
  const split: (Split | null)[] = items.map(() => null);
  kept.forEach((i, k) => {
    split[i] = assigned[k]!;
  });
  const rank: Record<Split, number> = { train: 0, val: 1, test: 2 };
  for (let p = 0; p < pairs.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    const sa = split[a];
    const sb = split[b];
    if (!sa || !sb || sa === sb) continue;
    const loser = rank[sa] < rank[sb] ? a : b;
    split[loser] = null;
    items[loser]!.excluded = 'near_duplicate_of_eval';
  }
  const leakage = checkLeakage(
    items.map((it) => it.id),
    items.map((it) => it.group),
    split,
    // only pairs across splits count; passing just those keeps the millions of others out of tuples
    pairs.filter((a, b) => split[a] != null && split[b] != null && split[a] !== split[b]),
  );
  onProgress({ phase: 'splits', done: kept.length, total: kept.length });

  // write build items and metrics
  const clusterSize = new Map<number, number>();
  for (let p = 0; p < pairs.length; p++) clusterSize.set(uf.find(pairs.a[p]!), 0);
  const insert = db.prepare(
    `INSERT INTO build_items (build_id, example_id, split, excluded, reasons, pii, cluster, parsed_ok, confidence, workflow_ok, workflow_complete, tools_match, tools, ord)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setSplit = db.prepare('UPDATE examples SET split = ? WHERE id = ?');
  const metrics = new MetricsAccumulator();
  const cat = db.prepare('SELECT category, difficulty FROM examples WHERE id = ?');
  const perKind: PipelineResult['perKind'] = {};
  const perType: PipelineResult['perAnalysisType'] = {};
  const excludedByKind: PipelineResult['excludedByKind'] = {};
  const splitCounts: Record<Split, number> = { train: 0, val: 0, test: 0 };
  const topics = new Map<string, Record<Split, Set<string>>>();
  const excluded = Object.fromEntries(Object.keys(EXCLUSION_REASONS).map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  const CHUNK = 5000;
  for (let start = 0; start < items.length; start += CHUNK) {
    db.transaction(() => {
      for (let i = start; i < Math.min(items.length, start + CHUNK); i++) {
        const it = items[i]!;
        const s = split[i] ?? null;
        perKind[it.kind] ??= { total: 0, train: 0, val: 0, test: 0, excluded: 0 };
        const k = perKind[it.kind]!;
        k.total++;
        if (s) {
          k[s]++;
          splitCounts[s]++;
          perType[it.analysisType] ??= { train: 0, val: 0, test: 0 };
          const t = perType[it.analysisType]!;
          t[s]++;
          if (it.kind === 'education' || it.kind === 'error_diagnosis') {
            const byS = topics.get(it.kind) ?? { train: new Set<string>(), val: new Set<string>(), test: new Set<string>() };
            topics.set(it.kind, byS);
            byS[s].add(it.group);
          }
        } else {
          k.excluded++;
          if (it.excluded) {
            excluded[it.excluded]++;
            excludedByKind[it.kind] ??= {};
            const byReason = excludedByKind[it.kind]!;
            byReason[it.excluded] = (byReason[it.excluded] ?? 0) + 1;
          }
        }
        const f = facts.get(i);
        const inCluster = uf.find(i);
        insert.run(
          buildId,
          it.id,
          s,
          it.excluded,
          it.reasons ? JSON.stringify(it.reasons) : null,
          it.pii ? JSON.stringify(it.pii) : null,
          clusterSize.has(inCluster) ? inCluster : null,
          f ? bool(f.parsedOk) : null,
          f?.confidence ?? null,
          f ? bool(f.workflowOk) : null,
          f ? bool(f.workflowComplete) : null,
          f ? bool(f.toolsMatch) : null,
          f ? f.tools.join(',') : null,
          // export order within a split: a seeded shuffle, so training batches mix kinds and sources
          hash('sha1', `${config.seed}\u0000${it.id}`, 'hex').slice(0, 16),
        );
        setSplit.run(s, it.id);
        if (s && f) {
          const c = cat.get(it.id) as { category: string; difficulty: number };
          metrics.add({ ...f, category: c.category, difficulty: c.difficulty });
        }
      }
    }).immediate();
    onProgress({ phase: 'write', done: Math.min(items.length, start + CHUNK), total: items.length });
    await yieldToLoop();
  }
  return {
    buildId,
    total: items.length,
    kept: splitCounts.train + splitCounts.val + splitCounts.test,
    excluded,
    ruleFailures,
    pii,
    splitCounts,
    perKind,
    excludedByKind,
    perAnalysisType: perType,
    typeCoverage: typeCoverage(perType),
    topicsPerSplit: Object.fromEntries([...topics].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, { train: v.train.size, val: v.val.size, test: v.test.size }])),
    nearDuplicateClusters: clusterSize.size,
    nearDuplicatePairs: pairs.length,
    leakage,
    metrics: metrics.result(kb, interactions),
  };
}

/** Near-duplicate pairs as two growable id columns (a [a, b] tuple per pair cost ~64 bytes each). */
class PairList {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  length = 0;

  push(a: number, b: number): void {
    if (this.length === this.a.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.length++;
  }

  filter(keep: (a: number, b: number) => boolean): [number, number][] {
    const out: [number, number][] = [];
    for (let p = 0; p < this.length; p++) if (keep(this.a[p]!, this.b[p]!)) out.push([this.a[p]!, this.b[p]!]);
    return out;
  }
}

/**
 * The candidate pairs of LshIndex (ids added in `ids` order) in the same order, built one band at a time
 * so that only one band's buckets are in memory. A pair is yielded in the first band where its items share
 * a bucket; rather than remembering every yielded pair, a pair is skipped when an earlier band of the two
 * signatures is equal.
 */
function* lshCandidates(ids: readonly number[], sigs: Uint32Array, bands: number, rows: number): Generator<[number, number]> {
  const sharedEarlierBand = (x: number, y: number, band: number): boolean => {
    for (let b = 0; b < band; b++) {
      let same = true;
      for (let k = b * rows; k < (b + 1) * rows && same; k++) same = sigs[x * NUM_PERM + k] === sigs[y * NUM_PERM + k];
      if (same) return true;
    }
    return false;
  };
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    for (const id of ids) {
      const start = id * NUM_PERM + band * rows;
      const key = Array.prototype.join.call(sigs.subarray(start, start + rows), ',');
      const list = buckets.get(key);
      if (list) list.push(id);
      else buckets.set(key, [id]);
    }
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const lo = Math.min(list[i]!, list[j]!);
          const hi = Math.max(list[i]!, list[j]!);
          if (!sharedEarlierBand(lo, hi, band)) yield [lo, hi];
        }
    }
  }
}
