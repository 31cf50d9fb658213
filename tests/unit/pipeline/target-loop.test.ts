import { describe, expect, it } from 'vitest';
import { nextCounts, targetReport } from '../../../src-main/build/target-loop';
import type { PipelineResult } from '../../../src-main/pipeline/run-pipeline';

const targets = { query_variation: 5000, tool_selection: 2000, workflow: 1000, education: 500, error_diagnosis: 500 };
const split = (kept: number, excluded: number) => ({ total: kept + excluded, train: kept - 20, val: 10, test: 10, excluded });
const result = (kept: Record<string, number>, excludedByKind: PipelineResult['excludedByKind'] = {}) =>
  ({ perKind: Object.fromEntries(Object.entries(kept).map(([k, n]) => [k, split(n, 0)])), excludedByKind }) as unknown as PipelineResult;
// the kept counts of issue 17's build
const first = result({ query_variation: 4855, tool_selection: 1926, workflow: 1087, education: 467, error_diagnosis: 418 }, { error_diagnosis: { duplicate: 60, awaiting_review: 22 } });

describe('the build target loop', () => {
  it('asks each short kind for its deficit over the share kept, and nothing of a kind at target', () => {
    // 145 short at 4855/5000 kept -> 150 more; 74 at 0.963 -> 77; 33 at 0.934 -> 36; 82 at 0.836 -> 99
    expect(nextCounts(first, targets, { ...targets }, {})).toEqual({ query_variation: 5150, tool_selection: 2077, education: 536, error_diagnosis: 599 });
  });

  it('stops asking a kind whose last round kept nothing more', () => {
    const counts = { ...targets, error_diagnosis: 599 };
    expect(nextCounts(result({ ...Object.fromEntries(Object.entries(targets)), error_diagnosis: 418 }), targets, counts, { error_diagnosis: 418 })).toEqual({});
  });

  it('reports each kind against its target and why a short one fell short', () => {
    const counts = { ...targets, error_diagnosis: 599, education: 536 };
    const planned = { ...counts, education: 520 };
    const report = targetReport(first, targets, counts, planned);
    expect(report.find((t) => t.kind === 'workflow')).toEqual({ kind: 'workflow', target: 1000, generated: 1000, kept: 1087, met: true, reason: null });
    expect(report.find((t) => t.kind === 'error_diagnosis')).toEqual({
      kind: 'error_diagnosis',
      target: 500,
      generated: 599,
      kept: 418,
      met: false,
      reason: 'filtered out: 60 exact duplicates, 22 awaiting review (round-trip mismatch or conflicting answer)',
    });
    expect(report.find((t) => t.kind === 'education')?.reason).toBe('the generator holds only 520 distinct items; nothing filtered');
  });
});
