import { hash } from 'node:crypto';
import type { Split } from '../../src-preload/schemas/example';
import type { SplitConfig } from '../../src-preload/schemas/build';

export interface SplitItem {
  group: string;
  stratum: string;
  /** expert-curated: test only */
  forceTest: boolean;
  /**
   * a second key whose split shares are evened out across strata (the analysis type, across kinds): groups
   * of every item count towards it, and a group with `balanceChooses` picks its split by it rather than
   * by its stratum alone
   */
  balance?: string;
  balanceChooses?: boolean;
}

export const SPLITS: readonly Split[] = ['train', 'val', 'test'];

/** The fields of an example that decide its split group and stratum. */
export interface SplitKeyFields {
  id: string;
  kind: string;
  group_id: string;
  base_id: string | null;
  category: string;
  analysis_type: string;
}

/** The group an example's split follows (all examples of a group land in one split). */
export function groupKey(ex: SplitKeyFields, config: Pick<SplitConfig, 'groupBy'>): string {
  if (config.groupBy === 'none') return ex.id;
  if (config.groupBy === 'base_id') return ex.base_id ?? ex.group_id;
  return ex.group_id;
}

/**
 * The stratum an example is balanced in. Strata are also split by kind, so small education/error groups are
 * balanced among themselves and not used to even out the large paraphrase groups of their analysis type.
 */
/** Whether an example's split follows its analysis type's shares across kinds (not for topic kinds). */
export function balancedByType(kind: string): boolean {
  return !GROUP_IS_TOPIC.has(kind);
}

export function stratumKey(ex: SplitKeyFields, config: Pick<SplitConfig, 'stratifyBy'>): string {
  // an error pattern or education topic is one group; balancing them per kind spreads the patterns and
  // topics over the splits (per analysis type, most strata would hold a single group, which goes to train)
  if (config.stratifyBy !== 'none' && GROUP_IS_TOPIC.has(ex.kind)) return ex.kind;
  if (config.stratifyBy === 'category') return `${ex.kind}/${ex.category}`;
  if (config.stratifyBy === 'analysis_type') return `${ex.kind}/${ex.analysis_type}`;
  return ex.kind;
}

/** Kinds whose groups are topics (an error pattern, a tool or analysis explained), not paraphrase groups. */
const GROUP_IS_TOPIC = new Set(['education', 'error_diagnosis']);

const shuffleKey = (seed: number, group: string) => hash('sha1', `${seed}\u0000${group}`, 'hex');

interface GroupInfo {
  name: string;
  size: number;
  stratum: string;
  forceTest: boolean;
  balance: string;
  balanceChooses: boolean;
}

/**
 * Grouped, stratified split assignment. Every group lands whole in one split. Within each stratum the
 * groups are taken in a seeded order and each goes to the split furthest below its target share, in the
 * stratum and overall; expert-curated groups go to test. Deterministic for the items and seed.
 */
export function assignSplits(items: readonly SplitItem[], config: Pick<SplitConfig, 'ratios' | 'seed'>): Split[] {
  const groups = new Map<string, GroupInfo & { strata: Map<string, number> }>();
  for (const it of items) {
    let g = groups.get(it.group);
    if (!g) {
      g = { name: it.group, size: 0, stratum: '', forceTest: false, balance: it.balance ?? '', balanceChooses: it.balanceChooses === true && it.balance !== undefined, strata: new Map() };
      groups.set(it.group, g);
    }
    g.size++;
    g.forceTest ||= it.forceTest;
    g.strata.set(it.stratum, (g.strata.get(it.stratum) ?? 0) + 1);
  }
  for (const g of groups.values())
    g.stratum = [...g.strata].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

  const byStratum = new Map<string, GroupInfo[]>();
  for (const g of groups.values()) byStratum.set(g.stratum, [...(byStratum.get(g.stratum) ?? []), g]);

  const ratios = config.ratios;
  // expert-curated test items are a fixed block on top of the shares: counted in the overall balance they
  // would keep a small build's first strata (topic kinds sort first) out of test altogether
  const total = items.filter((it) => !groups.get(it.group)!.forceTest).length;
  const global = { train: 0, val: 0, test: 0 };
  const splitOf = new Map<string, Split>();
  // per balance key: its size and what each split holds so far
  const balance = new Map<string, { size: number; assigned: number; train: number; val: number; test: number }>();
  const balanceOf = (key: string) => {
    const b = balance.get(key) ?? { size: 0, assigned: 0, train: 0, val: 0, test: 0 };
    balance.set(key, b);
    return b;
  };
  for (const g of groups.values()) balanceOf(g.balance).size += g.size;
  for (const g of groups.values())
    if (g.forceTest) {
      splitOf.set(g.name, 'test');
      // forced items stay out of the balance: a small build's test split would otherwise hold nothing else
      balanceOf(g.balance).size -= g.size;
    }
  let assignedGlobal = 0;
  for (const stratum of [...byStratum.keys()].sort()) {
    const list = byStratum
      .get(stratum)!
      .filter((g) => !g.forceTest)
      .map((g) => ({ g, key: shuffleKey(config.seed, g.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.g);
    const stratumSize = list.reduce((n, g) => n + g.size, 0);
    const local = { train: 0, val: 0, test: 0 };
    let assignedLocal = 0;
    for (const g of list) {
      let best: Split = 'train';
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const s of SPLITS) {
        if (ratios[s] <= 0) continue;
        const localDeficit = (ratios[s] * (assignedLocal + g.size) - local[s]) / Math.max(1, stratumSize);
        const globalDeficit = (ratios[s] * (assignedGlobal + g.size) - global[s]) / Math.max(1, total);
        const b = balance.get(g.balance)!;
        const balanceDeficit = !g.balanceChooses ? 0 : (ratios[s] * (b.assigned + g.size) - b[s]) / Math.max(1, b.size);
        // with a balance key (the analysis type) its shares across kinds replace the stratum's own
        const score = (g.balanceChooses ? balanceDeficit : localDeficit) + globalDeficit;
        if (score > bestScore + 1e-12) {
          best = s;
          bestScore = score;
        }
      }
      splitOf.set(g.name, best);
      local[best] += g.size;
      global[best] += g.size;
      const b = balance.get(g.balance)!;
      b[best] += g.size;
      b.assigned += g.size;
      assignedLocal += g.size;
      assignedGlobal += g.size;
    }
  }
  return items.map((it) => splitOf.get(it.group)!);
}
