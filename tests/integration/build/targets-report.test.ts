import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../support/serve';

interface Report {
  counts: { per_kind: Record<string, { train: number; val: number; test: number }> };
  targets: { kind: string; target: number; generated: number; kept: number; met: boolean; reason: string | null }[];
  query_quality: {
    targets: { maxArtefacts: number; minDistinct3: number; maxTop12OpenerShare: number };
    styles: Record<string, { count: number; distinct2: number; distinct3: number; top12OpenerShare: number; artefacts: number }>;
    overall: { count: number; distinct3: number };
    misses: string[];
  };
}

describe('a build against the plan targets', () => {
  it('generates until every kind keeps its scaled target and reports targets and query quality', async () => {
    const db = path.join(tempDir(), 't.sqlite');
    const out = path.join(tempDir(), 'out');
    const build = await runCli(['build', '--scale', '0.05', '--db', db, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain('targets: every kind kept its target count');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata/quality_report.json'), 'utf8')) as Report;
    // the plan's 5,000 / 2,000 / 1,000 / 500 / 500 at scale 0.05
    expect(report.targets.map((t) => [t.kind, t.target])).toEqual([
      ['query_variation', 250],
      ['tool_selection', 100],
      ['workflow', 50],
      ['education', 25],
      ['error_diagnosis', 25],
    ]);
    for (const t of report.targets) {
      const k = report.counts.per_kind[t.kind]!;
      expect(t.kept, t.kind).toBe(k.train + k.val + k.test);
      expect(t.met && t.kept >= t.target && t.reason === null, t.kind).toBe(true);
    }
    const q = report.query_quality;
    expect(q.targets).toEqual({ maxArtefacts: 0, minDistinct3: 0.5, maxTop12OpenerShare: 0.4 });
    expect(Object.keys(q.styles)).toEqual(['casual', 'detailed', 'edge_case', 'formal', 'minimal']);
    expect(Object.values(q.styles).reduce((n, s) => n + s.count, 0)).toBe(q.overall.count);
    for (const [style, s] of Object.entries(q.styles)) expect(s.artefacts, style).toBe(0);
    expect(build.stdout).toMatch(/query style +n +distinct-2 +distinct-3 +top-12 openers +artefacts/);
  });
});
