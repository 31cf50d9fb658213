import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SplitConfig } from '../../src-preload/schemas/build';
import type { Split } from '../../src-preload/schemas/example';
import { makeDirs } from '../app/make-dirs';
import { SettingsRepo } from '../app/settings';
import { APP_VERSION } from '../app/version';
import type { Knowledge } from '../knowledge/schemas';
import type { Db } from '../store/db';
import { type ExampleRow, rowToExample } from '../store/examples-repo';
import { SCHEMA_VERSION } from '../store/migrations';
import { writeReviewLog } from '../review/review-log';
import { progressClock } from '../util/progress-clock';
import { FORMATS } from './formats';
import { SPLITS } from './formats/check-context';
import { writeJson } from './formats/format';
import { PATHS, taskPromptPath } from './layout';
import { describeFile, type Manifest, type ManifestFile } from './manifest';
import { resourcesDir } from '../knowledge/resources-dir';
import { loadTaskPrompts } from '../task-contract/prompts';
import { assertReplaceable, ExportError, freshSibling, swapIn, sweepOrphanedSiblings } from './replace-dir';
import { TokenBudgetAccumulator } from '../metrics/token-budget';
import { toRecord } from './record';
import { ExpertVerifications } from '../review/expert-verification';

export { SPLITS };
const BATCH = 2000;

export interface ExportProgress {
  phase: string;
  done: number;
  total: number;
  message?: string;
}

/**
 * Writes every format of one build's kept examples into `outDir`. Files are written to a fresh temporary
 * sibling folder and swapped in at the end, so a failed export never leaves a half-written dataset in
 * place of a good one, and only an earlier export is ever replaced (replace-dir.ts). Output is
 * byte-identical for the same database, build and seed.
 */
export async function runExport(
  db: Db,
  kb: Knowledge,
  opts: { buildId: string; outDir: string; splitConfig: SplitConfig; qualityReport: unknown },
  onProgress: (p: ExportProgress) => void = () => {},
): Promise<Manifest> {
  const outDir = path.resolve(opts.outDir);
  const store = db.memory ? null : db.name;
  for (const message of sweepOrphanedSiblings(outDir)) onProgress({ phase: 'cleanup', done: 1, total: 1, message });
  assertReplaceable(outDir, store);
  let work: string | null = null;
  try {
    makeDirs(path.dirname(outDir));
    work = freshSibling(outDir, 'export');
    for (const d of ['metadata', ...FORMATS.flatMap((f) => f.dirs)]) makeDirs(path.join(work, d));
  } catch (e) {
    if (work) fs.rmSync(work, { recursive: true, force: true });
    throw new ExportError(`cannot write the export folder ${outDir}: ${(e as Error).message}. Choose a writable folder (--out).`);
  }

  try {
    const manifest = await writeAll(db, kb, opts, work, onProgress);
    swapIn(work, outDir, store);
    return manifest;
  } catch (e) {
    fs.rmSync(work, { recursive: true, force: true });
    throw e;
  }
}

async function writeAll(
  db: Db,
  kb: Knowledge,
  opts: { buildId: string; splitConfig: SplitConfig; qualityReport: unknown },
  work: string,
  onProgress: (p: ExportProgress) => void,
): Promise<Manifest> {
  const counts: Record<Split, number> = { train: 0, val: 0, test: 0 };
  const total = db.prepare('SELECT COUNT(*) FROM build_items WHERE build_id = ? AND split IS NOT NULL').pluck().get(opts.buildId) as number;
  const rowsOf = db.prepare(
    `SELECT e.*, b.tools AS build_tools FROM build_items b JOIN examples e ON e.id = b.example_id
     WHERE b.build_id = ? AND b.split = ? ORDER BY b.ord, b.example_id`,
  );
  const budget = new TokenBudgetAccumulator();
  const meta = { license: new SettingsRepo(db).exportSettings().license, tokenBudget: () => budget.result() };
  // read before the cursor opens (the connection runs no other statement while it iterates)
  const verified = new ExpertVerifications(db).verifiedIds();
  const writers = FORMATS.map((f) => f.writer(work, meta));
  let done = 0;
  const clock = progressClock();
  for (const split of SPLITS) {
    let index = 0;
    for (const row of rowsOf.iterate(opts.buildId, split) as IterableIterator<ExampleRow & { build_tools: string | null }>) {
      const tools = row.build_tools ? row.build_tools.split(',') : [];
      const record = toRecord(rowToExample(row), split, index++, tools, kb, verified.has(row.id));
      // trainers skip (LLaMA-Factory) or reject (OpenAI) rows with a blank turn: refuse to write one
      const blank = record.messages.find((m) => m.content.trim() === '');
      if (blank) throw new ExportError(`example ${row.id}: its ${blank.role} message is empty after PII scrubbing; reject or edit it in review, then export again`);
      budget.add(record.metadata.task, record.messages);
      for (const w of writers) {
        const pending = w.push(record, split);
        if (pending) await pending;
      }
      if (++done % BATCH === 0 || clock.due()) {
        onProgress({ phase: 'export', done, total });
        await yieldToLoop();
      }
    }
    onProgress({ phase: 'export', done, total, message: `closing the ${split} files` });
    for (const w of writers) {
      await w.endSplit(split, index);
      await yieldToLoop();
    }
    counts[split] = index;
    onProgress({ phase: 'export', done, total });
  }
  const files: ManifestFile[] = [];
  for (const [i, w] of writers.entries()) {
    onProgress({ phase: 'metadata', done: i, total: writers.length, message: FORMATS[i]!.id });
    files.push(...(await w.finish(counts)));
    await yieldToLoop();
  }
  onProgress({ phase: 'metadata', done: writers.length, total: writers.length, message: 'done' });
  // the token budget is counted on the exported records (the Hub card shows it too): it joins the quality
  // report (and, through the caller's object, the report the build stores for the dashboard)
  if (opts.qualityReport && typeof opts.qualityReport === 'object') (opts.qualityReport as Record<string, unknown>).token_budget = budget.result();
  writeJson(work, PATHS.qualityReport, opts.qualityReport);
  files.push(describeFile(work, PATHS.qualityReport, null));
  const reviewed = writeReviewLog(db, opts.buildId, path.join(work, PATHS.reviewLog));
  files.push(describeFile(work, PATHS.reviewLog, reviewed));
  const taskPrompts = copyTaskPrompts(work);
  for (const t of taskPrompts) files.push(describeFile(work, t.file, null));

  const engines = db
    .prepare(
      `SELECT DISTINCT e.engine FROM build_items b JOIN examples e ON e.id = b.example_id
       WHERE b.build_id = ? AND b.split IS NOT NULL ORDER BY e.engine`,
    )
    .pluck()
    .all(opts.buildId) as string[];
  const manifest: Manifest = {
    format_version: 1,
    app_version: APP_VERSION,
    schema_version: SCHEMA_VERSION,
    seed: opts.splitConfig.seed,
    split_config: opts.splitConfig,
    engines,
    counts,
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
    task_prompts: taskPrompts,
  };
  writeJson(work, PATHS.manifest, manifest);
  return manifest;
}

/** Each task's prompt file, copied byte for byte into metadata/prompts/, as the manifest records it. */
function copyTaskPrompts(work: string): Manifest['task_prompts'] {
  makeDirs(path.join(work, 'metadata', 'prompts'));
  return [...loadTaskPrompts().values()].map((p) => {
    const file = taskPromptPath(p.task);
    fs.copyFileSync(path.join(resourcesDir(), p.file), path.join(work, file));
    return { task: p.task, source: p.file, file, sha256: p.sha256 };
  });
}
