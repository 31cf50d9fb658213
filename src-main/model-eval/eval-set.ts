import fs from 'node:fs';
import path from 'node:path';
import type { Split } from '../../src-preload/schemas/example';
import { PATHS } from '../export/layout';
import { type TrainingRecord, TrainingRecordSchema, toRecord } from '../export/record';
import type { Knowledge } from '../knowledge/schemas';
import { ExpertVerifications } from '../review/expert-verification';
import type { Db } from '../store/db';
import { type ExampleRow, rowToExample } from '../store/examples-repo';

export class EvalSetError extends Error {}

/** Where the examples come from: an export folder's processed/{split}.jsonl, or a build in the store. */
export type EvalSource = { exportDir: string } | { buildId?: string };

export interface EvalSet {
  /** 'export /path' or 'build <id>' */
  source: string;
  records: TrainingRecord[];
}

function fromExport(dir: string, split: Split): EvalSet {
  const file = path.join(path.resolve(dir), PATHS.processed(split));
  if (!fs.existsSync(file)) throw new EvalSetError(`no ${PATHS.processed(split)} in ${path.resolve(dir)} (--export names an export folder)`);
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const r = TrainingRecordSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new EvalSetError(`${file}:${i + 1}: not a training record: ${r.error.issues[0]?.message ?? 'invalid'}`);
      return [r.data];
    });
  return { source: `export ${path.resolve(dir)}`, records };
}

/** The records the export of that build would write for the split, in the same order and form. */
function fromBuild(db: Db, kb: Knowledge, buildId: string | undefined, split: Split): EvalSet {
  const id =
    buildId ??
    (db.prepare("SELECT id FROM builds WHERE kind = 'build' AND status = 'passed' ORDER BY created_at DESC, rowid DESC LIMIT 1").pluck().get() as
      | string
      | undefined);
  if (!id) throw new EvalSetError('the store has no passed build: run `biotrain build` first, or give --export DIR');
  if (!db.prepare('SELECT 1 FROM builds WHERE id = ?').get(id)) throw new EvalSetError(`no build ${id} in the store`);
  const rows = db
    .prepare(
      `SELECT e.*, b.tools AS build_tools FROM build_items b JOIN examples e ON e.id = b.example_id
       WHERE b.build_id = ? AND b.split = ? ORDER BY b.ord, b.example_id`,
    )
    .all(id, split) as (ExampleRow & { build_tools: string | null })[];
  const verified = new ExpertVerifications(db).verifiedIds();
  const records = rows.map((row, i) => toRecord(rowToExample(row), split, i, row.build_tools ? row.build_tools.split(',') : [], kb, verified.has(row.id)));
  return { source: `build ${id}`, records };
}

export function loadEvalSet(source: EvalSource, split: Split, limit: number | null, db: Db, kb: Knowledge): EvalSet {
  const set = 'exportDir' in source ? fromExport(source.exportDir, split) : fromBuild(db, kb, source.buildId, split);
  if (set.records.length === 0) throw new EvalSetError(`${set.source} has no ${split} examples`);
  return limit === null ? set : { ...set, records: set.records.slice(0, limit) };
}
