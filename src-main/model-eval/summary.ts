import type { EvalGroup, EvalItem, EvalSummary } from '../../src-preload/schemas/model-eval';

/** Mean score and per-metric means (over the items where each metric applies) of a group of items. */
export function group(key: string, items: readonly EvalItem[]): EvalGroup {
  const sums: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const it of items)
    for (const [k, v] of Object.entries(it.metrics)) {
      sums[k] = (sums[k] ?? 0) + v;
      counts[k] = (counts[k] ?? 0) + 1;
    }
  const metrics: Record<string, number> = {};
  for (const k of Object.keys(sums).sort()) metrics[k] = sums[k]! / counts[k]!;
  const sortedCounts = Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]!]));
  const score = items.length ? items.reduce((a, it) => a + it.score, 0) / items.length : 0;
  return { key, n: items.length, score, metrics, counts: sortedCounts };
}

function groupsBy(items: readonly EvalItem[], keyOf: (it: EvalItem) => string): EvalGroup[] {
  const by = new Map<string, EvalItem[]>();
  for (const it of items) by.set(keyOf(it), [...(by.get(keyOf(it)) ?? []), it]);
  return [...by.keys()].sort().map((k) => group(k, by.get(k)!));
}

export interface RunTotals {
  calls: number;
  cached: number;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
}

export function summarize(items: readonly EvalItem[], t: RunTotals): EvalSummary {
  const overall = group('all', items);
  return {
    n: items.length,
    answered: items.filter((i) => i.answered).length,
    score: overall.score,
    overall,
    by_task: groupsBy(items, (i) => i.kind),
    by_analysis_type: groupsBy(items, (i) => i.analysis_type),
    usage: { calls: t.calls, cached: t.cached, prompt_tokens: t.promptTokens, completion_tokens: t.completionTokens },
    duration_ms: t.durationMs,
    throughput: t.durationMs > 0 ? items.length / (t.durationMs / 1000) : 0,
  };
}

/** The lowest-scoring items, worst first (ties by record id). */
export function worst(items: readonly EvalItem[], n = 20): EvalItem[] {
  return [...items].sort((a, b) => a.score - b.score || a.record_id.localeCompare(b.record_id)).slice(0, n);
}
