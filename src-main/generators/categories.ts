import type { Knowledge } from '../knowledge/schemas';

const cache = new WeakMap<Knowledge, Map<string, string>>();

/**
 * Category of an analysis type: the category most golden queries of that type carry (ties by id),
 * else a category with the same id, else the first category.
 */
export function categoryOf(kb: Knowledge, analysisType: string): string {
  let map = cache.get(kb);
  if (!map) {
    map = new Map();
    const votes = new Map<string, Map<string, number>>();
    for (const g of kb.goldenQueries) {
      const t = g.expected_intent.analysis_type;
      const v = votes.get(t) ?? new Map<string, number>();
      v.set(g.category, (v.get(g.category) ?? 0) + 1);
      votes.set(t, v);
    }
    for (const [t, v] of votes) {
      const best = [...v.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
      map.set(t, best[0]);
    }
    cache.set(kb, map);
  }
  return map.get(analysisType) ?? kb.categories.find((c) => c.id === analysisType)?.id ?? kb.categories[0]!.id;
}
