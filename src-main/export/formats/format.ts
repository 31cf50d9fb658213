import fs from 'node:fs';
import path from 'node:path';
import type { Split } from '../../../src-preload/schemas/example';
import { describeFile, type ManifestFile } from '../manifest';
import type { TokenBudget } from '../../metrics/token-budget';
import type { TrainingRecord } from '../record';
import type { Checker } from './check-context';

export const DATASET_DESCRIPTION =
  'Biotrain: bioinformatics requests paired with parsed intents, tool choices, Nextflow DSL2 workflows, tool explanations and error diagnoses, for fine-tuning a workflow assistant.';

/** What every format writer may need besides the records. */
export interface ExportMeta {
  /** the dataset licence (a setting; 'unknown' until the user chooses one) */
  license: string;
  /** tokens per task of every exported record, complete once the last record is pushed (the Hub card shows it) */
  tokenBudget?: () => TokenBudget;
}

/**
 * One format's writer for one export: records arrive split by split, in order; `finish` writes what comes
 * after the data (metadata files) and returns the manifest entries of every file the format wrote.
 */
export interface FormatWriter {
  push(record: TrainingRecord, split: Split): void | Promise<void>;
  /** the split's last record has been pushed; `rows` is its record count */
  endSplit(split: Split, rows: number): void | Promise<void>;
  finish(counts: Record<Split, number>): ManifestFile[] | Promise<ManifestFile[]>;
}

/**
 * An export format in one place: its folders, its writer, its checker (reading the files back the way their
 * consumers do), and the line the dataset card and README give it. Adding a format is one file plus one entry
 * in formats/index.ts (and its line in src-preload/schemas/export-formats.ts for the Export screen).
 */
export interface ExportFormat {
  /** the id of its entry in src-preload/schemas/export-formats.ts */
  id: string;
  /** how a consumer reads it, one markdown line for the dataset card */
  readme: string;
  /** folders (relative to the export) the writer needs */
  dirs: readonly string[];
  writer(work: string, meta: ExportMeta): FormatWriter;
  /** reads the format's files back; runs after the formats before it in the list */
  check(c: Checker): void | Promise<void>;
}

export function writeJson(root: string, rel: string, value: unknown): void {
  fs.writeFileSync(path.join(root, rel), `${JSON.stringify(value, null, 2)}\n`);
}

/** Writes a JSON file and returns its manifest entry. */
export function writeJsonFile(root: string, rel: string, value: unknown, rows: number | null = null): ManifestFile {
  writeJson(root, rel, value);
  return describeFile(root, rel, rows);
}
