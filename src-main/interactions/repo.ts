import { randomUUID } from 'node:crypto';
import {
  type Feedback,
  type Interaction,
  type InteractionOrigin,
  InteractionSchema,
  type Modifications,
  type NewInteraction,
} from '../../src-preload/schemas/interaction';
import type { Db } from '../store/db';
import { INSERT_INTERACTION_SQL } from '../store/insert-sql';
import { canonicalJson, sha256Hex } from '../util/canonical-json';
import { hasModifications, qualityScore } from './quality-score';

/** Row shape of the `interactions` table (JSON columns as TEXT, booleans as 0/1). */
export interface InteractionRow {
  id: string;
  session_id: string;
  timestamp: string;
  query: string;
  intent: string | null;
  tools: string | null;
  workflow: string | null;
  feedback: string | null;
  modifications: string | null;
  execution_success: number | null;
  quality_score: number;
  origin: string;
  content_hash: string;
}

type HashedFields = Pick<
  Interaction,
  'query' | 'intent' | 'tools' | 'workflow' | 'feedback' | 'modifications' | 'execution_success' | 'session_id' | 'timestamp'
>;

/** The JSON columns in canonical form: what is stored and what the content hash covers. */
interface EncodedColumns {
  intent: string | null;
  tools: string | null;
  workflow: string | null;
  modifications: string | null;
}

const encodeColumn = (v: unknown): string | null => (v === null || v === undefined ? null : canonicalJson(v));

function encodeColumns(i: HashedFields): EncodedColumns {
  return {
    intent: encodeColumn(i.intent),
    tools: encodeColumn(i.tools),
    workflow: encodeColumn(i.workflow),
    modifications: encodeColumn(i.modifications),
  };
}

/** sha256 of canonicalJson({query, intent, tools, workflow, feedback, modifications, execution_success, session_id, timestamp}). */
function hashEncoded(i: HashedFields, c: EncodedColumns): string {
  // the canonical object written out directly, keys in sorted order, from the already-encoded columns
  const s = (v: string | boolean | null) => JSON.stringify(v) ?? 'null';
  const text =
    `{"execution_success":${s(i.execution_success)},"feedback":${s(i.feedback)},"intent":${c.intent ?? 'null'},` +
    `"modifications":${c.modifications ?? 'null'},"query":${s(i.query)},"session_id":${s(i.session_id)},` +
    `"timestamp":${s(i.timestamp)},"tools":${c.tools ?? 'null'},"workflow":${c.workflow ?? 'null'}}`;
  return sha256Hex(text);
}

/** sha256 of the canonical JSON of the logged content: identifies one interaction in the table. */
export function interactionContentHash(i: HashedFields): string {
  return hashEncoded(i, encodeColumns(i));
}

const normalizeModifications = (m: Modifications | null | undefined): Modifications | null => (hasModifications(m) ? m! : null);

/** A completed interaction and its table row (JSON encoded once, for both the hash and the row). */
export function prepareInteraction(input: NewInteraction, id?: string, idFromHash?: (hash: string) => string): { interaction: Interaction; row: InteractionRow } {
  const base = { ...input, modifications: normalizeModifications(input.modifications) };
  const columns = encodeColumns(base);
  const contentHash = hashEncoded(base, columns);
  const interaction: Interaction = {
    id: id ?? input.id ?? idFromHash?.(contentHash) ?? randomUUID(),
    session_id: base.session_id,
    timestamp: base.timestamp,
    query: base.query,
    intent: base.intent,
    tools: base.tools,
    workflow: base.workflow,
    feedback: base.feedback,
    modifications: base.modifications,
    execution_success: base.execution_success,
    quality_score: qualityScore(base),
    origin: base.origin,
    content_hash: contentHash,
  };
  const row: InteractionRow = {
    ...interaction,
    ...columns,
    execution_success: interaction.execution_success === null ? null : interaction.execution_success ? 1 : 0,
  };
  return { interaction, row };
}

/**
 * The full row for a new interaction: modifications normalized, quality score and hash derived. The id is the
 * given one, else input.id, else derived from the content hash by `idFromHash`, else a random uuid.
 */
export function completeInteraction(input: NewInteraction, id?: string, idFromHash?: (hash: string) => string): Interaction {
  return prepareInteraction(input, id, idFromHash).interaction;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function rowToInteraction(row: InteractionRow): Interaction {
  return InteractionSchema.parse({
    ...row,
    intent: parse(row.intent),
    tools: parse(row.tools),
    workflow: parse(row.workflow),
    modifications: parse(row.modifications),
    execution_success: row.execution_success === null ? null : row.execution_success !== 0,
  });
}

export interface InteractionFilter {
  sessionId?: string;
  origin?: InteractionOrigin;
  /** a feedback value, or 'none' for rows without feedback */
  feedback?: Feedback | 'none';
}

function whereClause(f: InteractionFilter): { sql: string; args: Record<string, unknown> } {
  const parts: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.sessionId !== undefined) {
    parts.push('session_id = @sessionId');
    args.sessionId = f.sessionId;
  }
  if (f.origin) {
    parts.push('origin = @origin');
    args.origin = f.origin;
  }
  if (f.feedback === 'none') parts.push('feedback IS NULL');
  else if (f.feedback) {
    parts.push('feedback = @feedback');
    args.feedback = f.feedback;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export interface InteractionStats {
  total: number;
  withFeedback: number;
  /** accepted without modifications (these become auto-validated examples) */
  accepted: number;
  /** feedback 'modify', or 'accept' with modifications (these become examples needing review) */
  modified: number;
  rejected: number;
}

export interface FeedbackPatch {
  feedback: Feedback | null;
  modifications?: Modifications | null;
  executionSuccess?: boolean | null;
}

export class InteractionConflictError extends Error {}

/** Repository over the `interactions` table: prepared statements; the content hash makes logging idempotent. */
export class InteractionsRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly updateStmt;
  private readonly statsStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(INSERT_INTERACTION_SQL);
    this.getStmt = db.prepare('SELECT * FROM interactions WHERE id = ?');
    this.updateStmt = db.prepare(`UPDATE interactions SET feedback = @feedback, modifications = @modifications,
      execution_success = @execution_success, quality_score = @quality_score, content_hash = @content_hash WHERE id = @id`);
    this.statsStmt = db.prepare(`SELECT count(*) AS total,
      coalesce(sum(feedback IS NOT NULL), 0) AS withFeedback,
      coalesce(sum(feedback = 'accept' AND modifications IS NULL), 0) AS accepted,
      coalesce(sum(feedback = 'modify' OR (feedback = 'accept' AND modifications IS NOT NULL)), 0) AS modified,
      coalesce(sum(feedback = 'reject'), 0) AS rejected
      FROM interactions`);
  }

  /** Logs an interaction (id, quality score and hash derived); `inserted` is false for a duplicate (same hash or id). */
  log(input: NewInteraction): { interaction: Interaction; inserted: boolean } {
    const { interaction, row } = prepareInteraction(input);
    return { interaction, inserted: this.insertStmt.run(row).changes > 0 };
  }

  /** Logs many in one transaction; returns the rows that were new and how many were duplicates. */
  logMany(inputs: readonly NewInteraction[]): { inserted: Interaction[]; duplicates: number } {
    return this.db.transaction(() => {
      const inserted: Interaction[] = [];
      let duplicates = 0;
      for (const input of inputs) {
        const { interaction, row } = prepareInteraction(input);
        if (this.insertStmt.run(row).changes > 0) inserted.push(interaction);
        else duplicates++;
      }
      return { inserted, duplicates };
    }).immediate();
  }

  get(id: string): Interaction | undefined {
    const row = this.getStmt.get(id) as InteractionRow | undefined;
    return row ? rowToInteraction(row) : undefined;
  }

  /**
   * Records feedback on a logged interaction: updates the row in place (quality score and content hash
   * recomputed) rather than adding a second one. Modifications not given are kept. Undefined if no such id.
   */
  setFeedback(id: string, patch: FeedbackPatch): Interaction | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const { interaction: next, row } = prepareInteraction(
      {
        ...current,
        feedback: patch.feedback,
        modifications: patch.modifications === undefined ? current.modifications : patch.modifications,
        execution_success: patch.executionSuccess === undefined ? current.execution_success : patch.executionSuccess,
      },
      current.id,
    );
    try {
      this.updateStmt.run(row);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new InteractionConflictError(`interaction ${id}: an identical interaction is already logged`);
      throw err;
    }
    return next;
  }

  count(filter: InteractionFilter = {}): number {
    const w = whereClause(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM interactions ${w.sql}`).get(w.args) as { n: number }).n;
  }

  /** Offset page in insertion order (newest first on request). */
  list(filter: InteractionFilter, offset: number, limit: number, newestFirst = false): Interaction[] {
    const w = whereClause(filter);
    const sql = `SELECT * FROM interactions ${w.sql} ORDER BY rowid ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`;
    return (this.db.prepare(sql).all({ ...w.args, offset, limit }) as InteractionRow[]).map(rowToInteraction);
  }

  /** Keyset page in insertion order: stays fast at any depth. */
  page(filter: InteractionFilter, afterRowid: number, limit: number): { items: Interaction[]; lastRowid: number } {
    const w = whereClause(filter);
    const sql = `SELECT rowid AS _rowid, * FROM interactions ${w.sql ? `${w.sql} AND` : 'WHERE'} rowid > @afterRowid
      ORDER BY rowid LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ ...w.args, afterRowid, limit }) as (InteractionRow & { _rowid: number })[];
    return {
      items: rows.map(({ _rowid, ...row }) => rowToInteraction(row)),
      lastRowid: rows.length ? rows[rows.length - 1]!._rowid : afterRowid,
    };
  }

  stats(): InteractionStats {
    return this.statsStmt.get() as InteractionStats;
  }
}

const repos = new WeakMap<Db, InteractionsRepo>();

/** One repository per open store (the app context does not carry one). */
export function interactionsRepo(db: Db): InteractionsRepo {
  let repo = repos.get(db);
  if (!repo) {
    repo = new InteractionsRepo(db);
    repos.set(db, repo);
  }
  return repo;
}
