import { describe, expect, it } from 'vitest';
import { checkLeakage } from '../../../src-main/pipeline/leakage';
import { assignSplits, type SplitItem } from '../../../src-main/pipeline/splits';

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
