import type { Knowledge } from '../knowledge/schemas';
import type { VariationStyle } from '../../src-preload/schemas/example';
import { knownNames, QUERY_TARGETS, queryQuality } from '../generators/query-quality';
import type { Db } from '../store/db';

/**
 * The naturalness figures of the query variations a build keeps (what the export holds): per style
 * distinct-2/3, top-12 opener share and detector artefacts, distinct-2/3 over all of them, the targets of
 * issue 17 and each one missed.
 */
export function buildQueryQuality(db: Db, kb: Knowledge, buildId: string) {
  const rows = db
    .prepare(
      `SELECT e.style AS style, e.input AS input FROM build_items b JOIN examples e ON e.id = b.example_id
       WHERE b.build_id = ? AND b.excluded IS NULL AND e.kind = 'query_variation' ORDER BY e.id`,
    )
    .all(buildId) as { style: VariationStyle | null; input: string }[];
  return { targets: QUERY_TARGETS, ...queryQuality(rows, knownNames(kb)) };
}
export type QueryQualityReport = ReturnType<typeof buildQueryQuality>;
