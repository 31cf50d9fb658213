import type { LeakageReport } from '../../src-preload/schemas/build';
import type { Split } from '../../src-preload/schemas/example';

/**
 * Independent check of a split: groups present in more than one split, and near-duplicate pairs whose
 * members sit in different splits. `split[i]` is null for excluded items, which are ignored.
 */
export function checkLeakage(
  ids: readonly string[],
  groups: readonly string[],
  split: readonly (Split | null)[],
  nearDupPairs: readonly (readonly [number, number])[],
): LeakageReport {
  const groupSplits = new Map<string, Set<Split>>();
  for (let i = 0; i < ids.length; i++) {
    const s = split[i];
    if (!s) continue;
    const set = groupSplits.get(groups[i]!) ?? new Set<Split>();
    set.add(s);
    groupSplits.set(groups[i]!, set);
  }
  const shared = [...groupSplits].filter(([, s]) => s.size > 1).map(([g]) => `group ${g}`);
  const cross: string[] = [];
  for (const [a, b] of nearDupPairs) {
    const sa = split[a];
    const sb = split[b];
    if (sa && sb && sa !== sb) cross.push(`${ids[a]} (${sa}) ~ ${ids[b]} (${sb})`);
  }
  return { sharedGroups: shared.length, crossSplitNearDuplicates: cross.length, examples: [...shared, ...cross].slice(0, 20) };
}
