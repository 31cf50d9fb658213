import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Db } from '../store/db';
import { distinct2, meanPairwiseSimilarity } from './text-stats';
import { STYLES } from './variations';

export type DiversityReport = Record<VariationStyle, { count: number; distinct2: number; meanPairwiseSimilarity: number }>;

/** Per style: distinct-2-gram ratio over all variations, and mean pairwise similarity within each base query. */
export function diversityReport(db: Db, seed: number): DiversityReport {
  const rows = db
    .prepare("SELECT base_id, style, input FROM examples WHERE kind = 'query_variation' AND id LIKE ? ORDER BY id")
    .all(`qv-${seed}-%`) as { base_id: string; style: VariationStyle; input: string }[];
  const report = {} as DiversityReport;
  for (const style of STYLES) {
    const texts = rows.filter((r) => r.style === style);
    const groups = new Map<string, string[]>();
    for (const r of texts) groups.set(r.base_id, [...(groups.get(r.base_id) ?? []), r.input]);
    report[style] = {
      count: texts.length,
      distinct2: round(distinct2(texts.map((t) => t.input))),
      meanPairwiseSimilarity: round(meanPairwiseSimilarity([...groups.values()])),
    };
  }
  return report;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
