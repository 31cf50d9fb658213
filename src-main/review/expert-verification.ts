import type { ExpertItem } from '../../src-preload/contract/curate';
import type { ExampleOutput } from '../../src-preload/schemas/example';
import type { Db } from '../store/db';
import { sha256Hex } from '../util/canonical-json';
import { ClientError } from '../util/client-error';
import type { ReviewRepo } from './review-repo';

/** The hash a verification is bound to: the stored output text, so any later change unverifies the item. */
const outputHash = (storedOutput: string): string => sha256Hex(storedOutput);

interface Row {
  id: string;
  base_id: string | null;
  input: string;
  category: string;
  analysis_type: string;
  difficulty: number;
  kind: ExpertItem['kind'];
  status: ExpertItem['status'];
  output: string;
  output_hash: string | null;
  edited: number | null;
  verified_at: string | null;
}

const SELECT = `SELECT e.id, e.base_id, e.input, e.category, e.analysis_type, e.difficulty, e.kind, e.status, e.output,
  v.output_hash, v.edited, v.verified_at
  FROM examples e LEFT JOIN expert_verifications v ON v.example_id = e.id WHERE e.source = 'expert'`;

/**
 * An expert item is verified while the expert's approval stands: a verification row whose hash is that of the
 * output as stored now, and the item accepted. An edit or undo made afterwards (here or in the review queue)
 * changes the output or the status, so the item is unverified again until approved again.
 */
function isVerified(r: Row): boolean {
  return r.output_hash !== null && r.output_hash === outputHash(r.output) && r.status === 'accepted';
}

function toItem(r: Row): ExpertItem {
  const verified = isVerified(r);
  return {
    id: r.id,
    goldenId: r.base_id,
    query: r.input,
    category: r.category,
    analysisType: r.analysis_type,
    difficulty: r.difficulty,
    kind: r.kind,
    status: r.status,
    verified,
    edited: verified && r.edited === 1,
    verifiedAt: verified ? r.verified_at : null,
  };
}

/** How the build, the CLI and the queue say it: "expert-verified: 12/100". */
export const expertVerifiedLabel = (c: { verified: number; total: number }): string => `expert-verified: ${c.verified}/${c.total}`;

export class CurateError extends ClientError {}

/**
 * The expert test set's verification (plan 1.3): the golden queries with their generated answers are test
 * items, but expert ground truth only once the expert approved each answer, as generated or edited.
 */
export class ExpertVerifications {
  constructor(private readonly db: Db) {}

  /** Every expert item in golden-query order, with whether its approval stands. */
  list(): ExpertItem[] {
    return (this.db.prepare(`${SELECT} ORDER BY e.base_id, e.id`).all() as Row[]).map(toItem);
  }

  item(id: string): ExpertItem | null {
    const row = this.db.prepare(`${SELECT} AND e.id = ?`).get(id) as Row | undefined;
    return row ? toItem(row) : null;
  }

  counts(): { verified: number; total: number } {
    const items = this.list();
    return { verified: items.filter((i) => i.verified).length, total: items.length };
  }

  /** Ids of the verified expert items (the export labels only these as expert ground truth). */
  verifiedIds(): Set<string> {
    return new Set(this.list().filter((i) => i.verified).map((i) => i.id));
  }

  /**
   * Approves an expert item's answer: with `output` it is an edit (recorded in the review log as one, so it
   * can be undone there), else an accept; the verification is bound to the output stored afterwards and
   * counts as edited while an edit is in effect in the review log.
   * The caller checks an edited output first (review/validate-edit.ts).
   */
  approve(id: string, review: ReviewRepo, reviewer: string, output?: ExampleOutput): ExpertItem {
    return this.db
      .transaction(() => {
        const row = this.db.prepare(`${SELECT} AND e.id = ?`).get(id) as Row | undefined;
        if (!row) throw new CurateError(`no expert item with id ${id}`, 404);
        const edited = output !== undefined && JSON.stringify(output) !== row.output;
        review.decide(id, edited ? 'edit' : 'accept', reviewer, edited ? output : undefined, { comment: 'expert test set: approved as ground truth' });
        const stored = this.db.prepare('SELECT output FROM examples WHERE id = ?').pluck().get(id) as string;
        this.db
          .prepare('INSERT OR REPLACE INTO expert_verifications (example_id, output_hash, edited, verified_at) VALUES (?, ?, ?, ?)')
          .run(id, outputHash(stored), review.originalOutput(id) === null ? 0 : 1, new Date().toISOString());
        return this.item(id)!;
      })
      .immediate();
  }

  /** Withdraws an approval (the item stays in the store and in test, unverified). */
  revoke(id: string): ExpertItem {
    const item = this.item(id);
    if (!item) throw new CurateError(`no expert item with id ${id}`, 404);
    this.db.prepare('DELETE FROM expert_verifications WHERE example_id = ?').run(id);
    return this.item(id)!;
  }
}
