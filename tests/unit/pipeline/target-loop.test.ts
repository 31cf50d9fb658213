import { describe, expect, it } from 'vitest';
import { minimumExtra, nextCounts, targetReport } from '../../../src-main/build/target-loop';
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
    expect(nextCounts(first, targets, { ...targets }, { ...targets })).toEqual({ query_variation: 5150, tool_selection: 2077, education: 536, error_diagnosis: 599 });
  });

  it('asks for at least 2% of the target (10 at least) more, so a small deficit closes', () => {
    // issue 17's build: tool_selection kept 1,998 of 2,000 after asking 2,054, then asked 2 more, kept nothing and stopped
    const counts = { ...targets, tool_selection: 2054 };
    const kept = result({ ...targets, tool_selection: 1998 });
    expect(minimumExtra(2000)).toBe(40);
    expect(minimumExtra(5000)).toBe(100);
    expect(minimumExtra(500)).toBe(10);
    expect(minimumExtra(4)).toBe(10);
    expect(nextCounts(kept, targets, counts, counts)).toEqual({ tool_selection: 2094 });
  });

  it('asks again after a round that kept nothing more while the plan holds more items', () => {
    const counts = { ...targets, error_diagnosis: 599 };
    const short = result({ ...targets, error_diagnosis: 418 });
    // 82 short at 418/599 kept -> 118 more
    expect(nextCounts(short, targets, counts, counts)).toEqual({ error_diagnosis: 717 });
  });

  it('stops asking a kind whose plan holds no more distinct items', () => {
    const counts = { ...targets, education: 600 };
    expect(nextCounts(result({ ...targets, education: 480 }), targets, counts, { ...counts, education: 550 })).toEqual({});
  });

  it('reports each kind against its target and why a short one fell short', () => {
    const counts = { ...targets, error_diagnosis: 599, education: 536 };
    const planned = { ...counts, education: 520 };
    const report = targetReport(first, targets, counts, planned, 3);
    expect(report.find((t) => t.kind === 'workflow')).toEqual({ kind: 'workflow', target: 1000, generated: 1000, kept: 1087, met: true, reason: null });
    expect(report.find((t) => t.kind === 'error_diagnosis')).toEqual({
      kind: 'error_diagnosis',
      target: 500,
      generated: 599,
      kept: 418,
      met: false,
      reason: 'still short after 3 top-up rounds (599 generated); filtered out: 60 exact duplicates, 22 awaiting review (round-trip mismatch or conflicting answer)',
    });
    expect(report.find((t) => t.kind === 'education')?.reason).toBe('the generator holds only 520 distinct items; nothing filtered');
  });
});
