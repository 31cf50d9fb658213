import fs from 'node:fs';
import type { DecisionNote } from '../../src-preload/contract/review';
import type { Split } from '../../src-preload/schemas/example';
import type { Db } from '../store/db';

/** One line of metadata/review_log.jsonl: a review decision in effect (not undone), oldest first. */
export interface ReviewLogLine {
  example_id: string;
  action: 'accept' | 'reject' | 'edit' | 'flag';
  reviewer: string;
  decided_at: string;
  /** the split the item is exported in, or null when this build left it out (rejected, filtered, deduplicated) */
  split: Split | null;
  /** the reviewer's comment, flag and reject reason, when the decision carried one */
  note?: DecisionNote;
}

/**
 * Writes the review log of an export: every decision in effect on the store's items, in the order they were
 * made, with the note it carried and where the build put the item. Returns the number of lines.
 * The same store gives the same bytes.
 */
export function writeReviewLog(db: Db, buildId: string, file: string): number {
  const rows = db
    .prepare(
      `SELECT e.example_id, e.action, e.reviewer, e.created_at, json_extract(e.payload, '$.note') AS note, b.split
       FROM review_events e LEFT JOIN build_items b ON b.example_id = e.example_id AND b.build_id = ?
       WHERE e.action != 'undo' AND NOT EXISTS (SELECT 1 FROM review_events u WHERE u.undoes = e.seq)
       ORDER BY e.seq`,
    )
    .iterate(buildId) as IterableIterator<{ example_id: string; action: ReviewLogLine['action']; reviewer: string; created_at: string; note: string | null; split: Split | null }>;
  const fd = fs.openSync(file, 'w');
  let n = 0;
  try {
    for (const r of rows) {
      const line: ReviewLogLine = { example_id: r.example_id, action: r.action, reviewer: r.reviewer, decided_at: r.created_at, split: r.split ?? null };
      if (r.note) line.note = JSON.parse(r.note) as DecisionNote;
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
      n++;
    }
  } finally {
    fs.closeSync(fd);
  }
  return n;
}
