import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SplitConfig } from '../../src-preload/schemas/build';
import type { Split } from '../../src-preload/schemas/example';
import { makeDirs } from '../app/make-dirs';
import { APP_VERSION } from '../app/version';
import type { Knowledge } from '../knowledge/schemas';
import type { Db } from '../store/db';
import { type ExampleRow, rowToExample } from '../store/examples-repo';
import { SCHEMA_VERSION } from '../store/migrations';
import { ArrowStreamSink } from './arrow-sink';
import { llamaFactoryDatasetInfo, toAlpaca, toOpenAi, toShareGpt } from './chat-formats';
import { JsonArraySink, JsonlSink } from './file-sink';
import { hfDatasetDict, hfDatasetInfo, hfState, hubReadme } from './hf-metadata';
import { PATHS, taskPromptPath } from './layout';
import { describeFile, type Manifest, type ManifestFile } from './manifest';
import { ParquetSink } from './parquet-sink';
import { resourcesDir } from '../knowledge/resources-dir';
import { loadTaskPrompts } from '../task-contract/prompts';
import { assertReplaceable, ExportError, freshSibling, swapIn } from './replace-dir';
import { type TrainingRecord, toRecord } from './record';

export const SPLITS: readonly Split[] = ['train', 'val', 'test'];
const BATCH = 2000;

export interface ExportProgress {
  phase: string;
  done: number;
  total: number;
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
  assertReplaceable(outDir, store);
  let work: string | null = null;
  try {
    makeDirs(path.dirname(outDir));
    work = freshSibling(outDir, 'export');
    for (const d of ['processed', 'openai', 'hub/data', 'metadata', ...SPLITS.map((s) => path.dirname(PATHS.hfArrow(s)))])
      makeDirs(path.join(work, d));
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
  const files: ManifestFile[] = [];
  const counts: Record<Split, number> = { train: 0, val: 0, test: 0 };
  const total = db.prepare('SELECT COUNT(*) FROM build_items WHERE build_id = ? AND split IS NOT NULL').pluck().get(opts.buildId) as number;
  const rowsOf = db.prepare(
    `SELECT e.*, b.tools AS build_tools FROM build_items b JOIN examples e ON e.id = b.example_id
     WHERE b.build_id = ? AND b.split = ? ORDER BY b.ord, b.example_id`,
  );
  const alpaca = new JsonArraySink(path.join(work, PATHS.alpaca));
  const sharegpt = new JsonArraySink(path.join(work, PATHS.sharegpt));
  const sharegptVal = new JsonArraySink(path.join(work, PATHS.sharegptVal));
  let done = 0;
  for (const split of SPLITS) {
    const jsonl = new JsonlSink(path.join(work, PATHS.processed(split)));
    const openai = new JsonlSink(path.join(work, PATHS.openai(split)));
    const arrow = new ArrowStreamSink(path.join(work, PATHS.hfArrow(split)));
    const parquet = new ParquetSink(path.join(work, PATHS.hubParquet(split)));
    let batch: TrainingRecord[] = [];
    const flush = async () => {
      await arrow.push(batch);
      parquet.push(batch);
      batch = [];
    };
    let index = 0;
    for (const row of rowsOf.iterate(opts.buildId, split) as IterableIterator<ExampleRow & { build_tools: string | null }>) {
      const tools = row.build_tools ? row.build_tools.split(',') : [];
      const record = toRecord(rowToExample(row), split, index++, tools, kb);
      // trainers skip (LLaMA-Factory) or reject (OpenAI) rows with a blank turn: refuse to write one
      const blank = record.messages.find((m) => m.content.trim() === '');
      if (blank) throw new ExportError(`example ${row.id}: its ${blank.role} message is empty after PII scrubbing; reject or edit it in review, then export again`);
      jsonl.push(record);
      openai.push(toOpenAi(record));
      if (split === 'train') {
        alpaca.push(toAlpaca(record));
        sharegpt.push(toShareGpt(record));
      } else if (split === 'val') sharegptVal.push(toShareGpt(record));
      batch.push(record);
      if (batch.length >= BATCH) {
        await flush();
        done += BATCH;
        onProgress({ phase: 'export', done, total });
        await yieldToLoop();
      }
    }
    done += batch.length;
    await flush();
    jsonl.close();
    openai.close();
    await arrow.close();
    parquet.close();
    counts[split] = index;
    onProgress({ phase: 'export', done, total });
    files.push(describeFile(work, PATHS.processed(split), index), describeFile(work, PATHS.openai(split), index));
    const arrowFile = describeFile(work, PATHS.hfArrow(split), index);
    files.push(arrowFile, describeFile(work, PATHS.hubParquet(split), index));
    writeJson(work, PATHS.hfInfo(split), hfDatasetInfo(split, index, arrowFile.bytes));
    writeJson(work, PATHS.hfState(split), hfState(split, arrowFile.sha256));
    files.push(describeFile(work, PATHS.hfInfo(split), null), describeFile(work, PATHS.hfState(split), null));
  }
  alpaca.close();
  sharegpt.close();
  sharegptVal.close();
  files.push(describeFile(work, PATHS.alpaca, alpaca.rows), describeFile(work, PATHS.sharegpt, sharegpt.rows), describeFile(work, PATHS.sharegptVal, sharegptVal.rows));

  writeJson(work, PATHS.hfDict, hfDatasetDict(SPLITS));
  fs.writeFileSync(path.join(work, PATHS.hubReadme), hubReadme(counts, SPLITS));
  writeJson(work, PATHS.llamaFactoryInfo, llamaFactoryDatasetInfo());
  writeJson(work, PATHS.qualityReport, opts.qualityReport);
  for (const p of [PATHS.hfDict, PATHS.hubReadme, PATHS.llamaFactoryInfo, PATHS.qualityReport]) files.push(describeFile(work, p, null));
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

function writeJson(root: string, rel: string, value: unknown): void {
  fs.writeFileSync(path.join(root, rel), `${JSON.stringify(value, null, 2)}\n`);
}
