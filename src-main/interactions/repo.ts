import { createHash, randomUUID } from 'node:crypto';
import {
  type Feedback,
  type Interaction,
  type InteractionOrigin,
  InteractionSchema,
  type Modifications,
  type NewInteraction,
} from '../../src-preload/schemas/interaction';
import type { Db } from '../store/db';
import { hasModifications, qualityScore } from './quality-score';

/** Row shape of the `interactions` table (JSON columns as TEXT, booleans as 0/1). */
interface InteractionRow {
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

/** JSON with object keys sorted at every level and undefined members dropped: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

type HashedFields = Pick<
  Interaction,
  'query' | 'intent' | 'tools' | 'workflow' | 'feedback' | 'modifications' | 'execution_success' | 'session_id' | 'timestamp'
>;

/** sha256 of the canonical JSON of the logged content: identifies one interaction in the table. */
export function interactionContentHash(i: HashedFields): string {
  const content = {
    query: i.query,
    intent: i.intent,
    tools: i.tools,
    workflow: i.workflow,
    feedback: i.feedback,
    modifications: i.modifications,
    execution_success: i.execution_success,
    session_id: i.session_id,
    timestamp: i.timestamp,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const normalizeModifications = (m: Modifications | null | undefined): Modifications | null => (hasModifications(m) ? m! : null);

/**
 * The full row for a new interaction: modifications normalized, quality score and hash derived. The id is the
 * given one, else input.id, else derived from the content hash by `idFromHash`, else a random uuid.
 */
export function completeInteraction(input: NewInteraction, id?: string, idFromHash?: (hash: string) => string): Interaction {
  const base = { ...input, modifications: normalizeModifications(input.modifications) };
  const contentHash = interactionContentHash(base);
  return {
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
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

function toRow(i: Interaction): InteractionRow {
  return {
    ...i,
    intent: json(i.intent),
    tools: json(i.tools),
    workflow: json(i.workflow),
    modifications: json(i.modifications),
    execution_success: i.execution_success === null ? null : i.execution_success ? 1 : 0,
  };
}

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
    this.insertStmt = db.prepare(`INSERT OR IGNORE INTO interactions (id, session_id, timestamp, query, intent, tools, workflow,
      feedback, modifications, execution_success, quality_score, origin, content_hash)
      VALUES (@id, @session_id, @timestamp, @query, @intent, @tools, @workflow, @feedback, @modifications, @execution_success,
      @quality_score, @origin, @content_hash)`);
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

  /** Inserts one completed interaction; false when its content hash (or id) is already present. */
  insert(i: Interaction): boolean {
    return this.insertStmt.run(toRow(i)).changes > 0;
  }

  /** Logs an interaction (id, quality score and hash derived); `inserted` is false for a duplicate. */
  log(input: NewInteraction): { interaction: Interaction; inserted: boolean } {
    const interaction = completeInteraction(input);
    return { interaction, inserted: this.insert(interaction) };
  }

  /** Logs many in one transaction; returns the rows that were new and how many were duplicates. */
  logMany(inputs: readonly NewInteraction[], idFromHash?: (hash: string) => string): { inserted: Interaction[]; duplicates: number } {
    return this.db.transaction(() => {
      const inserted: Interaction[] = [];
      let duplicates = 0;
      for (const input of inputs) {
        const i = completeInteraction(input, undefined, idFromHash);
        if (this.insert(i)) inserted.push(i);
        else duplicates++;
      }
      return { inserted, duplicates };
    })();
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
    const next = completeInteraction(
      {
        ...current,
        feedback: patch.feedback,
        modifications: patch.modifications === undefined ? current.modifications : patch.modifications,
        execution_success: patch.executionSuccess === undefined ? current.execution_success : patch.executionSuccess,
      },
      current.id,
    );
    try {
      this.updateStmt.run(toRow(next));
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
