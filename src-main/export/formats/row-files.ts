import path from 'node:path';
import type { Split } from '../../../src-preload/schemas/example';
import { JsonArraySink, JsonlSink } from '../file-sink';
import { PATHS } from '../layout';
import { describeFile, type ManifestFile } from '../manifest';
import type { TrainingRecord } from '../record';
import { type Checker, compareCount, jsonArray } from './check-context';
import type { FormatWriter } from './format';

/** One JSONL file per split, each record written as `row(record)`. */
export function jsonlPerSplit(work: string, pathOf: (s: Split) => string, row: (r: TrainingRecord) => unknown): FormatWriter {
  let sink: JsonlSink | null = null;
  const files: ManifestFile[] = [];
  return {
    push(record, split) {
      sink ??= new JsonlSink(path.join(work, pathOf(split)));
      sink.push(row(record));
    },
    endSplit(split, rows) {
      (sink ?? new JsonlSink(path.join(work, pathOf(split)))).close();
      sink = null;
      files.push(describeFile(work, pathOf(split), rows));
    },
    finish: () => files,
  };
}

/** A JSON array of the train records and one of the val records (the files LLaMA-Factory trains and evaluates on). */
export function jsonArraysTrainVal(work: string, paths: { train: string; val: string }, row: (r: TrainingRecord) => unknown): FormatWriter {
  const sinks = { train: new JsonArraySink(path.join(work, paths.train)), val: new JsonArraySink(path.join(work, paths.val)) };
  return {
    push(record, split) {
      if (split === 'train' || split === 'val') sinks[split].push(row(record));
    },
    endSplit() {},
    finish() {
      sinks.train.close();
      sinks.val.close();
      return [describeFile(work, paths.train, sinks.train.rows), describeFile(work, paths.val, sinks.val.rows)];
    },
  };
}

/**
 * Checks every row of a JSON array file: the row's own problems, its count against processed/{split}.jsonl, and
 * (when the row is valid) that it says what the processed record says.
 */
export function checkArrayRows(
  c: Checker,
  rel: string,
  split: Split,
  rowProblems: (row: unknown) => string[],
  matches: (row: unknown, record: TrainingRecord) => boolean,
): void {
  const arr = jsonArray(c, rel);
  if (!arr) return;
  compareCount(c, rel, arr.rows.length, split);
  const processed = c.processed[split]?.records ?? [];
  arr.rows.forEach((row, i) => {
    const { line, prefix } = arr.at(i);
    const problems = rowProblems(row);
    for (const p of problems) c.add(rel, `${prefix}${p}`, line);
    const rec = processed[i];
    if (problems.length === 0 && rec && !matches(row, rec)) c.add(rel, `${prefix}differs from ${PATHS.processed(split)}:${i + 1}`, line);
  });
}
