import { type BuildRow, ManifestViewSchema, type ManifestView, QualityReportViewSchema, type QualityReportView } from '../../src-preload/contract/dataset';
import type { Db } from '../store/db';

interface BuildDbRow {
  id: string;
  status: string;
  seed: number;
  output_dir: string | null;
  manifest: string | null;
  quality_report: string | null;
  created_at: string;
  finished_at: string | null;
}

const COLUMNS = 'id, status, seed, output_dir, manifest, quality_report, created_at, finished_at';

function json(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function report(row: BuildDbRow): QualityReportView | null {
  const parsed = QualityReportViewSchema.safeParse(json(row.quality_report));
  return parsed.success ? parsed.data : null;
}

function manifest(row: BuildDbRow): ManifestView | null {
  const parsed = ManifestViewSchema.safeParse(json(row.manifest));
  return parsed.success ? parsed.data : null;
}

function toRow(row: BuildDbRow): BuildRow {
  const raw = json(row.quality_report) as { error?: unknown; failures?: unknown } | null;
  const r = report(row);
  const status = (['running', 'passed', 'failed', 'error'] as const).find((s) => s === row.status) ?? 'error';
  return {
    id: row.id,
    status,
    seed: row.seed,
    created_at: row.created_at,
    finished_at: row.finished_at,
    output_dir: row.output_dir,
    counts: r?.counts.splits ?? null,
    failures: r?.failures ?? [],
    error: typeof raw?.error === 'string' ? raw.error : null,
  };
}

/** Read side of the `builds` table for the screens: rows, manifest and quality report, parsed. */
export const buildsRepo = (db: Db) => ({
  list(limit = 50): BuildRow[] {
    return (db.prepare(`SELECT ${COLUMNS} FROM builds ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(limit) as BuildDbRow[]).map(toRow);
  },
  get(id: string): { build: BuildRow; manifest: ManifestView | null; qualityReport: QualityReportView | null } | null {
    const row = db.prepare(`SELECT ${COLUMNS} FROM builds WHERE id = ?`).get(id) as BuildDbRow | undefined;
    return row ? { build: toRow(row), manifest: manifest(row), qualityReport: report(row) } : null;
  },
  /** the stored quality report JSON of a build (unparsed) and when the build started; null for an unknown build */
  storedReport(id: string): { createdAt: string; report: unknown } | null {
    const row = db.prepare('SELECT created_at, quality_report FROM builds WHERE id = ?').get(id) as { created_at: string; quality_report: string | null } | undefined;
    return row ? { createdAt: row.created_at, report: json(row.quality_report) } : null;
  },
  /** the newest build that finished its gates (passed or failed) */
  latestFinished(): { build: BuildRow; report: QualityReportView | null } | null {
    const row = db
      .prepare(`SELECT ${COLUMNS} FROM builds WHERE status IN ('passed', 'failed') ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .get() as BuildDbRow | undefined;
    return row ? { build: toRow(row), report: report(row) } : null;
  },
});
