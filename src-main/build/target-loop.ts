import type { GeneratedKind } from '../generators/targets';
import type { PipelineResult } from '../pipeline/run-pipeline';

/** Top-up rounds after the first pipeline run: each generates what a short kind still lacks and reruns it. */
export const MAX_TOP_UPS = 3;

export interface KindTarget {
  kind: GeneratedKind;
  target: number;
  /** items asked of the generator in all rounds (distinct ids: a round continues the plan) */
  generated: number;
  /** kept after dedup, rules and review: what the export holds */
  kept: number;
  met: boolean;
  /** why a kind stays short: the generator ran out, or what filtering took */
  reason: string | null;
}

const kept = (result: PipelineResult, kind: string) => {
  const k = result.perKind[kind];
  return k ? k.train + k.val + k.test : 0;
};

export function keptByKind(result: PipelineResult): Partial<Record<GeneratedKind, number>> {
  return Object.fromEntries(Object.keys(result.perKind).map((k) => [k, kept(result, k)]));
}

/**
 * The counts to ask for in the next round, for the kinds still short: the deficit divided by the share
 * of generated items the last run kept (so one round usually suffices), at least one more item. A kind
 * whose last round added nothing kept (every new item filtered, or the plan exhausted) is not asked again.
 */
export function nextCounts(
  result: PipelineResult,
  targets: Record<GeneratedKind, number>,
  counts: Record<GeneratedKind, number>,
  previousKept: Partial<Record<GeneratedKind, number>>,
): Partial<Record<GeneratedKind, number>> {
  const next: Partial<Record<GeneratedKind, number>> = {};
  for (const kind of Object.keys(targets) as GeneratedKind[]) {
    const have = kept(result, kind);
    if (have >= targets[kind]) continue;
    const before = previousKept[kind];
    if (before !== undefined && have <= before) continue;
    const rate = Math.max(0.05, have / Math.max(1, counts[kind]));
    next[kind] = counts[kind] + Math.max(1, Math.ceil((targets[kind] - have) / rate));
  }
  return next;
}

const REASON_TEXT: Record<string, string> = {
  rejected_in_review: 'rejected in review',
  awaiting_review: 'awaiting review (round-trip mismatch or conflicting answer)',
  rule_rejected: 'rejected by a validation rule',
  rule_review: 'sent to review by a validation rule',
  duplicate: 'exact duplicates',
  near_duplicate_of_eval: 'near-duplicates of val/test items',
};

/** Each kind against its target, with the reason a short kind fell short. */
export function targetReport(
  result: PipelineResult,
  targets: Record<GeneratedKind, number>,
  counts: Record<GeneratedKind, number>,
  planned: Record<GeneratedKind, number>,
): KindTarget[] {
  return (Object.keys(targets) as GeneratedKind[]).map((kind) => {
    const have = kept(result, kind);
    const met = have >= targets[kind];
    let reason: string | null = null;
    if (!met) {
      const excluded = Object.entries(result.excludedByKind[kind] ?? {})
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([why, n]) => `${n} ${REASON_TEXT[why] ?? why}`);
      const exhausted = planned[kind] < counts[kind] ? `the generator holds only ${planned[kind]} distinct items; ` : '';
      reason = `${exhausted}${excluded.length > 0 ? `filtered out: ${excluded.join(', ')}` : 'nothing filtered'}`;
    }
    return { kind, target: targets[kind], generated: Math.min(counts[kind], planned[kind]), kept: have, met, reason };
  });
}
