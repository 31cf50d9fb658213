import { describe, expect, it } from 'vitest';
import { checkLeakage } from '../../../src-main/pipeline/leakage';
import { coverageBand, typeCoverage } from '../../../src-main/pipeline/split-coverage';
import { assignSplits, type SplitItem, stratumKey } from '../../../src-main/pipeline/splits';

function items(): SplitItem[] {
  const out: SplitItem[] = [];
  for (let g = 0; g < 200; g++) for (let i = 0; i < 5; i++) out.push({ group: `g${g}`, stratum: `t${g % 4}`, forceTest: false });
  for (let e = 0; e < 10; e++) out.push({ group: `expert${e}`, stratum: 't0', forceTest: true });
  return out;
}
const ratios = { train: 0.8, val: 0.1, test: 0.1 };

describe('assignSplits', () => {
  it('keeps every group in one split, expert items in test, and hits the ratios per stratum', () => {
    const list = items();
    const split = assignSplits(list, { ratios, seed: 42 });
    const byGroup = new Map<string, Set<string>>();
    for (const [i, it] of list.entries()) byGroup.set(it.group, (byGroup.get(it.group) ?? new Set()).add(split[i]!));
    expect([...byGroup.values()].every((s) => s.size === 1)).toBe(true);
    for (const [i, it] of list.entries()) if (it.forceTest) expect(split[i]).toBe('test');
    for (let t = 0; t < 4; t++) {
      const inStratum = list.map((it, i) => [it, split[i]] as const).filter(([it]) => it.stratum === `t${t}` && !it.forceTest);
      const count = (s: string) => inStratum.filter(([, sp]) => sp === s).length;
      expect(count('train')).toBe(200);
      expect(count('val')).toBe(25);
      expect(count('test')).toBe(25);
    }
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = assignSplits(items(), { ratios, seed: 1 });
    expect(assignSplits(items(), { ratios, seed: 1 })).toEqual(a);
    expect(assignSplits(items(), { ratios, seed: 2 })).not.toEqual(a);
  });

  it('gives a small stratum its shares even when many expert items already fill the test split (a small build)', () => {
    // a 0.1-scale build: 100 expert-curated test items among ~900, and a topic stratum sorted before the rest
    const list: SplitItem[] = [];
    for (let e = 0; e < 100; e++) list.push({ group: `expert${e}`, stratum: `workflow/t${e % 4}`, forceTest: true });
    for (let p = 0; p < 25; p++) for (let i = 0; i < 2; i++) list.push({ group: `err-${p}`, stratum: 'error_diagnosis', forceTest: false });
    for (let g = 0; g < 150; g++) for (let i = 0; i < 5; i++) list.push({ group: `g${g}`, stratum: `query_variation/t${g % 4}`, forceTest: false });
    const split = assignSplits(list, { ratios, seed: 42 });
    const count = (stratum: string, s: string) => list.filter((it, i) => it.stratum === stratum && split[i] === s).length;
    expect([count('error_diagnosis', 'train'), count('error_diagnosis', 'val'), count('error_diagnosis', 'test')]).toEqual([40, 6, 4]);
  });

  it('follows other ratios', () => {
    const split = assignSplits(items().filter((i) => !i.forceTest), { ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 5 });
    expect(split.filter((s) => s === 'train').length).toBe(600);
    expect(split.filter((s) => s === 'val').length).toBe(200);
  });
});

describe('checkLeakage', () => {
  it('counts groups in several splits and near-duplicate pairs across splits', () => {
    const r = checkLeakage(['a', 'b', 'c', 'd'], ['g1', 'g1', 'g2', 'g3'], ['train', 'test', 'val', null], [
      [2, 0],
      [3, 0],
    ]);
    expect(r.sharedGroups).toBe(1);
    expect(r.crossSplitNearDuplicates).toBe(1);
    expect(r.examples).toEqual(['group g1', 'c (val) ~ a (train)']);
  });
});

describe('split coverage', () => {
  it('flags a type outside 5-15% in val or test, not one under 50 examples', () => {
    expect(coverageBand({ train: 80, val: 10, test: 10 })).toBe('ok');
    expect(coverageBand({ train: 90, val: 10, test: 0 })).toBe('outside');
    expect(coverageBand({ train: 70, val: 20, test: 10 })).toBe('outside');
    expect(coverageBand({ train: 40, val: 0, test: 0 })).toBe('small');
    expect(typeCoverage({ a: { train: 90, val: 10, test: 0 } })).toEqual([{ analysisType: 'a', total: 100, valShare: 0.1, testShare: 0, band: 'outside' }]);
  });

  it('with 24 groups per type, puts 5-15% of every type in val and in test, also counting topic kinds balanced by type', () => {
    const list: SplitItem[] = [];
    for (let t = 0; t < 10; t++) {
      for (let g = 0; g < 24; g++) for (let i = 0; i < 3 + ((g * 7 + t) % 6); i++) list.push({ group: `t${t}-g${g}`, stratum: `query_variation/t${t}`, forceTest: false, balance: `t${t}`, balanceChooses: true });
      list.push({ group: `expert-t${t}`, stratum: `workflow/t${t}`, forceTest: true, balance: `t${t}`, balanceChooses: true });
    }
    // error patterns of 20 rows each, one per type: stratified per kind, evened out per type
    for (let p = 0; p < 10; p++) for (let i = 0; i < 20; i++) list.push({ group: `err-${p}`, stratum: 'error_diagnosis', forceTest: false, balance: `t${p}` });
    const split = assignSplits(list, { ratios, seed: 7 });
    const per: Record<string, { train: number; val: number; test: number }> = {};
    list.forEach((it, i) => {
      per[it.balance!] ??= { train: 0, val: 0, test: 0 };
      per[it.balance!]![split[i]!]++;
    });
    expect(typeCoverage(per).filter((c) => c.band !== 'ok')).toEqual([]);
    const errSplits = new Set(list.map((it, i) => (it.stratum === 'error_diagnosis' ? split[i] : null)).filter(Boolean));
    expect(errSplits).toEqual(new Set(['train', 'val', 'test']));
  });

  it('stratifies error patterns and education topics per kind, so they spread over the splits', () => {
    const ex = { id: 'e1', kind: 'error_diagnosis', group_id: 'err-x', base_id: null, category: 'c', analysis_type: 'rna_seq_de' };
    expect(stratumKey(ex, { stratifyBy: 'analysis_type' })).toBe('error_diagnosis');
    expect(stratumKey({ ...ex, kind: 'query_variation' }, { stratifyBy: 'analysis_type' })).toBe('query_variation/rna_seq_de');
  });
});
