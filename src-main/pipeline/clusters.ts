import type { Db } from '../store/db';

export interface ClusterMember {
  id: string;
  kind: string;
  split: string | null;
  excluded: string | null;
  input: string;
}

export interface NearDuplicateCluster {
  cluster: number;
  size: number;
  /** the splits its kept members are in: more than one would be leakage */
  splits: string[];
  members: ClusterMember[];
}

/** The near-duplicate clusters of a build, largest first, with their members (kept for inspection). */
export function nearDuplicateClusters(db: Db, buildId: string, limit: number): { total: number; clusters: NearDuplicateCluster[] } {
  const total = db.prepare('SELECT count(DISTINCT cluster) FROM build_items WHERE build_id = ? AND cluster IS NOT NULL').pluck().get(buildId) as number;
  const top = db
    .prepare(
      `SELECT cluster, count(*) AS size FROM build_items WHERE build_id = ? AND cluster IS NOT NULL
       GROUP BY cluster ORDER BY size DESC, cluster LIMIT ?`,
    )
    .all(buildId, limit) as { cluster: number; size: number }[];
  const members = db.prepare(
    `SELECT b.example_id AS id, e.kind, b.split, b.excluded, substr(e.input, 1, 160) AS input
     FROM build_items b JOIN examples e ON e.id = b.example_id WHERE b.build_id = ? AND b.cluster = ? ORDER BY e.seq`,
  );
  return {
    total,
    clusters: top.map(({ cluster, size }) => {
      const m = members.all(buildId, cluster) as ClusterMember[];
      return { cluster, size, splits: [...new Set(m.map((x) => x.split).filter((s): s is string => s !== null))].sort(), members: m };
    }),
  };
}
