import type { ExampleFilter } from '../../src-preload/contract/core';
import type { Example, ExampleKind, ExampleStatus } from '../../src-preload/schemas/example';
import { ExampleSchema } from '../../src-preload/schemas/example';
import { LOW_CONFIDENCE } from '../../src-preload/schemas/intent';
import { orderBy } from '../review/queue-order';
import type { Db } from './db';
import { INSERT_EXAMPLE_SQL, NEXT_EXAMPLE_SEQ_SQL } from './insert-sql';

/** Row shape of the `examples` table (JSON columns as TEXT). */
export interface ExampleRow {
  id: string;
  kind: string;
  source: string;
  group_id: string;
  base_id: string | null;
  style: string | null;
  engine: string;
  category: string;
  analysis_type: string;
  difficulty: number;
  input: string;
  output: string;
  ground_truth_intent: string | null;
  parsed_intent: string | null;
  intent_diff: string | null;
  status: string;
  split: string | null;
  quality_score: number | null;
  content_hash: string;
  created_at: string;
  template_id?: string | null;
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** Named parameters of INSERT_EXAMPLE_SQL for an example (JSON columns encoded, derived columns filled). */
export function exampleInsertRow(e: Example, jobId: string | null, seq: number) {
  return {
    ...e,
    output: JSON.stringify(e.output),
    ground_truth_intent: json(e.ground_truth_intent),
    parsed_intent: json(e.parsed_intent),
    intent_diff: json(e.intent_diff),
    intent_mismatches: e.intent_diff?.mismatches ?? 0,
    confidence: e.parsed_intent?.confidence ?? e.output.intent?.confidence ?? null,
    job_id: jobId,
    seq,
    template_id: e.template_id ?? null,
  };
}
export type ExampleInsertRow = ReturnType<typeof exampleInsertRow>;

export function rowToExample(row: ExampleRow): Example {
  return ExampleSchema.parse({
    ...row,
    output: JSON.parse(row.output),
    ground_truth_intent: parse(row.ground_truth_intent),
    parsed_intent: parse(row.parsed_intent),
    intent_diff: parse(row.intent_diff),
  });
}

export type { ExampleFilter } from '../../src-preload/contract/core';

export function whereClause(f: ExampleFilter): { sql: string; args: Record<string, unknown> } {
  const parts: string[] = [];
  const args: Record<string, unknown> = {};
  const add = (sql: string, key?: string, value?: unknown) => {
    parts.push(sql);
    if (key) args[key] = value;
  };
  if (f.kind) add('kind = @kind', 'kind', f.kind);
  if (f.status) add('status = @status', 'status', f.status);
  if (f.analysisType) add('analysis_type = @analysisType', 'analysisType', f.analysisType);
  if (f.split) add('split = @split', 'split', f.split);
  if (f.lowConfidence) add('confidence IS NOT NULL AND confidence < @low', 'low', LOW_CONFIDENCE);
  if (f.intentMismatch) add('intent_mismatches > 0');
  if (f.excludedFrom) {
    // left out of one build, optionally for one reason and one validation rule (reasons hold "rule: detail")
    const x = f.excludedFrom;
    const reason = x.reason ? ' AND excluded = @xReason' : '';
    const rule = x.rule ? " AND EXISTS (SELECT 1 FROM json_each(build_items.reasons) r WHERE substr(r.value, 1, length(@xRule) + 1) = @xRule || ':')" : '';
    add(`id IN (SELECT example_id FROM build_items WHERE build_id = @xBuild AND excluded IS NOT NULL${reason}${rule})`, 'xBuild', x.buildId);
    if (x.reason) args.xReason = x.reason;
    if (x.rule) args.xRule = x.rule;
  }
  if (f.search) add("input LIKE @search ESCAPE '\\'", 'search', `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

/** Repository over the `examples` table: prepared statements, inserts in one transaction. */
export class ExamplesRepo {
  private readonly insertStmt;
  private readonly nextSeqStmt;
  private readonly getStmt;
  private readonly setStatusStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(INSERT_EXAMPLE_SQL);
    this.nextSeqStmt = db.prepare(NEXT_EXAMPLE_SEQ_SQL);
    this.getStmt = db.prepare('SELECT * FROM examples WHERE id = ?');
    this.setStatusStmt = db.prepare('UPDATE examples SET status = ? WHERE id = ?');
  }

  /** Inserts examples (ignoring ids already present) in one transaction; returns how many were new. */
  insertMany(examples: readonly Example[], jobId: string | null = null): number {
    return this.db.transaction(() => {
      let seq = (this.nextSeqStmt.get() as { next: number }).next;
      let added = 0;
      for (const e of examples) {
        const r = this.insertStmt.run(exampleInsertRow(e, jobId, seq));
        if (r.changes > 0) {
          seq++;
          added++;
        }
      }
      return added;
    }).immediate();
  }

  get(id: string): Example | undefined {
    const row = this.getStmt.get(id) as ExampleRow | undefined;
    return row ? rowToExample(row) : undefined;
  }

  setStatus(id: string, status: ExampleStatus): void {
    this.setStatusStmt.run(status, id);
  }

  count(filter: ExampleFilter = {}): number {
    const w = whereClause(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM examples ${w.sql}`).get(w.args) as { n: number }).n;
  }

  /** Keyset page ordered by seq: stays fast at any offset. */
  page(filter: ExampleFilter, afterSeq: number, limit: number): { items: Example[]; lastSeq: number } {
    const w = whereClause(filter);
    const sql = `SELECT * FROM examples ${w.sql ? `${w.sql} AND` : 'WHERE'} seq > @afterSeq ORDER BY seq LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ ...w.args, afterSeq, limit }) as (ExampleRow & { seq: number })[];
    return { items: rows.map(rowToExample), lastSeq: rows.length ? rows[rows.length - 1]!.seq : afterSeq };
  }

  /** Offset page for virtualized lists (ids + light fields only). */
  listLight(filter: ExampleFilter, offset: number, limit: number) {
    const w = whereClause(filter);
    const sql = `SELECT id, kind, status, analysis_type, style, substr(input, 1, 200) AS input, confidence, intent_mismatches, seq
      FROM examples ${w.sql} ${orderBy(filter.sort)} LIMIT @limit OFFSET @offset`;
    return this.db.prepare(sql).all({ ...w.args, offset, limit }) as {
      id: string;
      kind: ExampleKind;
      status: ExampleStatus;
      analysis_type: string;
      style: string | null;
      input: string;
      confidence: number | null;
      intent_mismatches: number;
      seq: number;
    }[];
  }

  countsBy(column: 'kind' | 'status' | 'analysis_type' | 'split' | 'category' | 'difficulty'): Record<string, number> {
    const rows = this.db.prepare(`SELECT ${column} AS k, count(*) AS n FROM examples GROUP BY ${column} ORDER BY ${column}`).all() as {
      k: string | number | null;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [String(r.k ?? 'none'), r.n]));
  }
}
