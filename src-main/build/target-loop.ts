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

/**
 * The fewest items a top-up round asks a short kind for: 2% of its target, at least 10. A round asking
 * only for the deficit (2 items for 1,998 of 2,000) can lose all of them to dedup and review.
 */
export function minimumExtra(target: number): number {
  return Math.max(10, Math.ceil(target * 0.02));
}

/**
 * The counts to ask for in the next round, for the kinds still short: the deficit divided by the share
 * of generated items the last run kept (so one round usually suffices), at least minimumExtra more. A kind
 * whose plan held fewer distinct items than were asked (`planned` < `counts`) is exhausted and not asked
 * again; a round that kept nothing more does not stop a kind whose plan holds more.
 */
export function nextCounts(
  result: PipelineResult,
  targets: Record<GeneratedKind, number>,
  counts: Record<GeneratedKind, number>,
  planned: Record<GeneratedKind, number>,
): Partial<Record<GeneratedKind, number>> {
  const next: Partial<Record<GeneratedKind, number>> = {};
  for (const kind of Object.keys(targets) as GeneratedKind[]) {
    const have = kept(result, kind);
    if (have >= targets[kind] || planned[kind] < counts[kind]) continue;
    const rate = Math.max(0.05, have / Math.max(1, counts[kind]));
    next[kind] = counts[kind] + Math.max(minimumExtra(targets[kind]), Math.ceil((targets[kind] - have) / rate));
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
  rounds: number,
): KindTarget[] {
  return (Object.keys(targets) as GeneratedKind[]).map((kind) => {
    const have = kept(result, kind);
    const met = have >= targets[kind];
    let reason: string | null = null;
    if (!met) {
      const excluded = Object.entries(result.excludedByKind[kind] ?? {})
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([why, n]) => `${n} ${REASON_TEXT[why] ?? why}`);
      const generated = Math.min(counts[kind], planned[kind]);
      const why =
        planned[kind] < counts[kind] ? `the generator holds only ${planned[kind]} distinct items` : `still short after ${rounds} top-up round${rounds === 1 ? '' : 's'} (${generated} generated)`;
      reason = `${why}; ${excluded.length > 0 ? `filtered out: ${excluded.join(', ')}` : 'nothing filtered'}`;
    }
    return { kind, target: targets[kind], generated: Math.min(counts[kind], planned[kind]), kept: have, met, reason };
  });
}
