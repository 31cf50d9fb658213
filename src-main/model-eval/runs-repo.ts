import {
  type EvalItem,
  EvalItemSchema,
  type EvalRunRow,
  type EvalSettings,
  EvalSettingsSchema,
  type EvalSummary,
  EvalSummarySchema,
} from '../../src-preload/schemas/model-eval';
import type { Db } from '../store/db';

interface RunDbRow {
  id: string;
  status: string;
  model: string;
  base_url: string;
  split: string;
  settings: string;
  summary: string | null;
  report_dir: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

interface ItemDbRow {
  record_id: string;
  example_id: string;
  kind: string;
  analysis_type: string;
  answered: number;
  error: string | null;
  score: number;
  metrics: string;
  diagnostics: string;
  answer: string;
  latency_ms: number;
  cached: number;
}

export interface StoredRun {
  row: EvalRunRow;
  settings: EvalSettings;
  summary: EvalSummary | null;
  error: string | null;
}

function toRow(r: RunDbRow): EvalRunRow {
  const summary = r.summary ? EvalSummarySchema.safeParse(JSON.parse(r.summary)) : null;
  const status = (['running', 'completed', 'failed'] as const).find((s) => s === r.status) ?? 'failed';
  return {
    id: r.id,
    created_at: r.created_at,
    finished_at: r.finished_at,
    status,
    model: r.model,
    base_url: r.base_url,
    split: r.split,
    n: summary?.success ? summary.data.n : 0,
    score: summary?.success ? summary.data.score : null,
    report_dir: r.report_dir,
  };
}

/** Model evaluation runs and their scored items in SQLite (tables model_eval_runs, model_eval_items). */
export class EvalRunsRepo {
  constructor(private readonly db: Db) {}

  /** A fresh run id from the start time and model: `20261201-093000-llama3-1-8b`, suffixed when taken. */
  newId(model: string, at: Date): string {
    const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const slug = model.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';
    const base = `${stamp}-${slug}`;
    const taken = this.db.prepare('SELECT 1 FROM model_eval_runs WHERE id = ?');
    let id = base;
    for (let i = 2; taken.get(id); i++) id = `${base}-${i}`;
    return id;
  }

  start(id: string, settings: EvalSettings, at: Date): void {
    this.db
      .prepare('INSERT INTO model_eval_runs (id, status, model, base_url, split, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, 'running', settings.model, settings.base_url, settings.split, JSON.stringify(settings), at.toISOString());
  }

  finish(id: string, items: readonly EvalItem[], summary: EvalSummary, reportDir: string, at: Date): void {
    const insert = this.db.prepare(
      `INSERT INTO model_eval_items (run_id, record_id, example_id, kind, analysis_type, answered, error, score, metrics, diagnostics, answer, latency_ms, cached)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const it of items)
        insert.run(
          id,
          it.record_id,
          it.example_id,
          it.kind,
          it.analysis_type,
          it.answered ? 1 : 0,
          it.error,
          it.score,
          JSON.stringify(it.metrics),
          JSON.stringify(it.diagnostics),
          it.answer,
          it.latency_ms,
          it.cached ? 1 : 0,
        );
      this.db
        .prepare("UPDATE model_eval_runs SET status = 'completed', summary = ?, report_dir = ?, finished_at = ? WHERE id = ?")
        .run(JSON.stringify(summary), reportDir, at.toISOString(), id);
    }).immediate();
  }

  fail(id: string, error: string, at: Date): void {
    this.db.prepare("UPDATE model_eval_runs SET status = 'failed', error = ?, finished_at = ? WHERE id = ?").run(error, at.toISOString(), id);
  }

  /** Newest first. */
  list(limit = 20): EvalRunRow[] {
    const rows = this.db.prepare('SELECT * FROM model_eval_runs ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as RunDbRow[];
    return rows.map(toRow);
  }

  /** A run by id or unique id prefix. */
  find(idOrPrefix: string): StoredRun | null {
    const rows = this.db
      .prepare("SELECT * FROM model_eval_runs WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2")
      .all(idOrPrefix, `${idOrPrefix.replace(/[\\%_]/g, '\\$&')}%`) as RunDbRow[];
    const r = rows.find((x) => x.id === idOrPrefix) ?? (rows.length === 1 ? rows[0] : undefined);
    if (!r) return null;
    const summary = r.summary ? EvalSummarySchema.safeParse(JSON.parse(r.summary)) : null;
    return { row: toRow(r), settings: EvalSettingsSchema.parse(JSON.parse(r.settings)), summary: summary?.success ? summary.data : null, error: r.error };
  }

  items(runId: string): EvalItem[] {
    const rows = this.db.prepare('SELECT * FROM model_eval_items WHERE run_id = ? ORDER BY record_id').all(runId) as ItemDbRow[];
    return rows.map((r) =>
      EvalItemSchema.parse({
        ...r,
        answered: r.answered === 1,
        cached: r.cached === 1,
        metrics: JSON.parse(r.metrics),
        diagnostics: JSON.parse(r.diagnostics),
      }),
    );
  }
}
