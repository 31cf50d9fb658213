import fs from 'node:fs';
import type { z } from 'zod';
import type { ImportSummary } from '../../src-preload/contract/playground';
import { FeedbackLineSchema, type NewInteraction } from '../../src-preload/schemas/interaction';
import type { Knowledge } from '../knowledge/schemas';
import type { Db } from '../store/db';
import { exampleInsertRow } from '../store/examples-repo';
import { ClientError } from '../util/client-error';
import { inlineWriter, workerWriter } from './batch-writers';
import type { ImportRow } from './import-writer';
import { readLines } from './line-reader';
import { prepareInteraction } from './repo';
import { interactionToExample } from './to-example';

/** Files at least this large are written by a worker thread (starting one costs about 50 ms). */
export const WORKER_MIN_BYTES = 4_000_000;
/** Good lines are written in transactions of this many. */
export const IMPORT_BATCH = 5000;
/** At most this many bad-line reports are kept in memory; `errorCount` has the total. */
export const MAX_REPORTED_ERRORS = 1000;
/** Longer lines are skipped (never held in memory) and reported. */
export const MAX_LINE_BYTES = 10_000_000;

/** A file that is not feedback JSONL at all: refused as a whole, and none of its content is repeated. */
export class ImportFileError extends ClientError {}

export type { ImportSummary };
export type LineError = ImportSummary['errors'][number];

export interface ImportOptions {
  /** also create training examples for accepted / modified lines (needs the knowledge base) */
  kb?: Knowledge;
  /** good lines per transaction (IMPORT_BATCH) */
  batchSize?: number;
  /** bad-line reports kept (MAX_REPORTED_ERRORS); all are counted */
  maxErrors?: number;
  /** where the rows are written; 'auto' (default) uses a worker for files of WORKER_MIN_BYTES or more */
  writer?: 'auto' | 'inline' | 'worker';
  /** called after each batch with bytes read so far and the file size */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** stops the import after the batch being written (the batches written stay); rejects with the abort reason */
  signal?: AbortSignal;
}

/** Imported rows get an id derived from their content, so the same line always maps to the same row. */
const importedId = (hash: string) => `imp-${hash.slice(0, 32)}`;

/** `path: message` per zod issue ('(root)' for the line itself); a missing field says 'Required'. */
function describeIssues(err: z.ZodError): string {
  const message = (i: z.core.$ZodIssue) => (i.code === 'invalid_type' && /received undefined$/.test(i.message) ? 'Required' : i.message);
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${message(i)}`).join('; ');
}

/**
 * Why a line is not JSON, without the line's text: V8's message quotes the start of the input, which for a
 * file that is not what it claims (a key, a config) would repeat its content.
 */
function jsonErrorReason(err: Error): string {
  const at = /at position (\d+)/.exec(err.message)?.[1];
  if (/Unexpected end of JSON input|Unterminated/.test(err.message)) return 'invalid JSON: the line ends inside a value';
  return `invalid JSON${at === undefined ? '' : ` at character ${Number(at) + 1}`}`;
}

/** Validates one line: the interaction to log, or the reason it is bad; null for a blank line. Never throws. */
export function parseFeedbackLine(text: string): { ok: true; value: NewInteraction } | { ok: false; reason: string } | null {
  if (text.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: jsonErrorReason(err as Error) };
  }
  const parsed = FeedbackLineSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  return { ok: true, value: { ...parsed.data, origin: 'import' } };
}

/** The rows a good line writes: its interaction and, for accepted or modified ones, its training example. */
function importRow(input: NewInteraction, kb: Knowledge | undefined): ImportRow {
  const { interaction, row } = prepareInteraction(input, undefined, importedId);
  const example = kb ? interactionToExample(interaction, kb) : null;
  return { interaction: row, example: example ? exampleInsertRow(example, null, 0) : null };
}

/**
 * Refuses a file that is not feedback JSONL at all (its first non-blank character is not `{`: a key, a
 * config, a binary), before anything is read into the store; none of its content is repeated.
 */
export function assertFeedbackFile(file: string): void {
  const head = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(file, 'r');
  let got: number;
  try {
    got = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const text = head.subarray(0, got).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  // JSON's own whitespace only: anything else before the first '{' is not JSONL
  const firstChar = /[^ \t\r\n]/.exec(text)?.[0];
  if (firstChar !== undefined && firstChar !== '{')
    throw new ImportFileError(`${file}: not a feedback JSONL file (it does not start with a JSON object); nothing was imported`);
}

/**
 * The checks before a feedback file is imported from a path a request names: a regular file (not a folder,
 * FIFO or device), not the store itself, and feedback JSONL (assertFeedbackFile). Throws ImportFileError.
 */
export function assertImportablePath(file: string, storePath: string | null): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ImportFileError(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new ImportFileError(`${file}: not a file`);
  if (storePath && storePath !== ':memory:') {
    const store = fs.statSync(storePath, { throwIfNoEntry: false });
    if (store && store.dev === stat.dev && store.ino === stat.ino) throw new ImportFileError(`${file}: this is the Biotrain store, not a feedback file`);
  }
  assertFeedbackFile(file);
}

/**
 * Streams a feedback JSONL file into the interactions table. Bad lines are reported with their 1-based line
 * number and the reason; good ones are logged in batched transactions (origin 'import', id derived from the
 * content hash so a re-import is a no-op). Files of WORKER_MIN_BYTES or more are written by a worker thread
 * while this one parses. Problems with lines are reported, never thrown; a failed write (the store's error)
 * rejects, keeping the batches written before it, so importing the file again adds exactly the rest.
 */
export async function importFeedback(db: Db, file: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const maxErrors = opts.maxErrors ?? MAX_REPORTED_ERRORS;
  const summary: ImportSummary = { lines: 0, imported: 0, duplicates: 0, errors: [], errorCount: 0, examples: 0 };
  assertFeedbackFile(file);
  const totalBytes = fs.statSync(file).size;
  const useWorker = opts.writer === 'worker' || (opts.writer !== 'inline' && !db.memory && totalBytes >= WORKER_MIN_BYTES);
  const batchSize = opts.batchSize ?? IMPORT_BATCH;
  if (useWorker && db.memory) throw new Error('a worker cannot write to an in-memory store');
  const writer = useWorker ? workerWriter(db.name) : inlineWriter(db);
  // progress: bytes of the lines parsed so far, not what the stream has buffered ahead
  let doneBytes = 0;
  // at most two batches in flight: the writer works on one while this thread parses the next
  const inFlight: Promise<void>[] = [];
  let failure: Error | undefined;
  let batch: ImportRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const atBytes = doneBytes;
    inFlight.push(
      writer.write(rows).then(
        (r) => {
          summary.imported += r.imported;
          summary.duplicates += r.duplicates;
          summary.examples += r.examples;
          opts.onProgress?.(atBytes, totalBytes);
        },
        (err: Error) => {
          failure ??= err;
        },
      ),
    );
    if (inFlight.length >= 2) await inFlight.shift();
    if (failure) throw failure;
    opts.signal?.throwIfAborted();
  };

  try {
    opts.signal?.throwIfAborted();
    for await (const line of readLines(file, MAX_LINE_BYTES)) {
      const n = ++summary.lines;
      doneBytes = Math.min(totalBytes, doneBytes + line.bytes);
      const text = 'text' in line ? (n === 1 ? line.text.replace(/^\uFEFF/, '') : line.text) : null;
      const r = text === null ? { ok: false as const, reason: (line as { error: string }).error } : parseFeedbackLine(text);
      if (r === null) continue;
      if (!r.ok) {
        summary.errorCount++;
        if (summary.errors.length < maxErrors) summary.errors.push({ line: n, reason: r.reason });
        continue;
      }
      batch.push(importRow(r.value, opts.kb));
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(inFlight);
    if (failure) throw failure;
  } finally {
    await writer.close();
  }
  opts.onProgress?.(totalBytes, totalBytes);
  return summary;
}
