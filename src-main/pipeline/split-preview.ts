import type { SplitConfig } from '../../src-preload/schemas/build';
import type { SplitPreview } from '../../src-preload/contract/dataset';
import type { Split } from '../../src-preload/schemas/example';
import { ExpertVerifications } from '../review/expert-verification';
import type { Db } from '../store/db';
import { checkLeakage } from './leakage';
import { coverageBand } from './split-coverage';
import { assignSplits, balancedByType, groupKey, type SplitKeyFields, stratumKey } from './splits';

interface PreviewRow extends SplitKeyFields {
  source: string;
}

/** cap on near-duplicate pairs enumerated from clusters; larger clusters are linked as stars */
const MAX_PAIRS = 200_000;
const STAR_ABOVE = 60;

/**
 * Live split preview over the store, without exporting: the included examples (auto_validated / accepted)
 * are assigned with the same grouped, stratified `assignSplits` the build uses, and `checkLeakage` reports
 * paraphrase groups (group_id) spread over splits and near-duplicate pairs across splits.
 *
 * Approximations, shown in the UI: the build also drops rule failures and exact duplicates before the split,
 * and it finds near-duplicates with MinHash at the configured threshold; here the pairs come from the latest
 * build's near-duplicate clusters (every pair within a cluster), so the threshold does not change them.
 */
export function previewSplits(db: Db, config: SplitConfig): SplitPreview {
  const t0 = performance.now();
  const rows = db
    .prepare(
      `SELECT id, kind, group_id, base_id, category, analysis_type, source FROM examples
       WHERE status IN ('auto_validated', 'accepted') ORDER BY seq`,
    )
    .all() as PreviewRow[];
  const notIncluded = (db.prepare(`SELECT COUNT(*) FROM examples WHERE status NOT IN ('auto_validated', 'accepted')`).pluck().get() as number) ?? 0;

  const assigned: Split[] = assignSplits(
    rows.map((r) => ({ group: groupKey(r, config), stratum: stratumKey(r, config), forceTest: config.expertTestOnly && r.source === 'expert', balance: r.analysis_type, balanceChooses: balancedByType(r.kind) })),
    config,
  );

  const splits = { train: 0, val: 0, test: 0 };
  const perType = new Map<string, { train: number; val: number; test: number }>();
  rows.forEach((r, i) => {
    const s = assigned[i]!;
    splits[s]++;
    let t = perType.get(r.analysis_type);
    if (!t) {
      t = { train: 0, val: 0, test: 0 };
      perType.set(r.analysis_type, t);
    }
    t[s]++;
  });

  // near-duplicate pairs from the latest build's clusters
  const latest = db
    .prepare(`SELECT id, config FROM builds WHERE status IN ('passed', 'failed') ORDER BY created_at DESC, rowid DESC LIMIT 1`)
    .get() as { id: string; config: string } | undefined;
  const pairs: [number, number][] = [];
  let clusters = 0;
  let threshold: number | null = null;
  if (latest) {
    try {
      threshold = (JSON.parse(latest.config) as { nearDupThreshold?: number }).nearDupThreshold ?? null;
    } catch {
      threshold = null;
    }
    const index = new Map(rows.map((r, i) => [r.id, i]));
    const members = new Map<number, number[]>();
    const clusterRows = db
      .prepare('SELECT example_id, cluster FROM build_items WHERE build_id = ? AND cluster IS NOT NULL')
      .iterate(latest.id) as IterableIterator<{ example_id: string; cluster: number }>;
    for (const c of clusterRows) {
      const i = index.get(c.example_id);
      if (i === undefined) continue;
      const list = members.get(c.cluster);
      if (list) list.push(i);
      else members.set(c.cluster, [i]);
    }
    for (const list of members.values()) {
      if (list.length < 2) continue;
      clusters++;
      if (list.length > STAR_ABOVE) {
        for (let k = 1; k < list.length && pairs.length < MAX_PAIRS; k++) pairs.push([list[0]!, list[k]!]);
        continue;
      }
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length && pairs.length < MAX_PAIRS; b++) pairs.push([list[a]!, list[b]!]);
    }
  }
  const leakage = checkLeakage(
    rows.map((r) => r.id),
    rows.map((r) => r.group_id),
    assigned,
    pairs,
  );

  return {
    included: rows.length,
    notIncluded,
    splits,
    byAnalysisType: [...perType]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([analysisType, c]) => ({ analysisType, ...c, band: coverageBand(c) })),
    leakage,
    nearDuplicates: { buildId: latest?.id ?? null, threshold, clusters, pairs: pairs.length },
    expertTest: new ExpertVerifications(db).counts(),
    ms: Math.round(performance.now() - t0),
  };
}
