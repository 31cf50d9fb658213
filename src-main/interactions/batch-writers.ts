import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../app/paths';
import type { Db } from '../store/db';
import { type ImportBatchResult, type ImportRow, writeImportBatch } from './import-writer';

/** The writer worker checkpoints the WAL into the database after this many lines. */
const WORKER_CHECKPOINT_EVERY = 25_000;

/** Writes batches of rows: in this thread, or in a worker thread that has its own connection to the store. */
export interface BatchWriter {
  write(rows: ImportRow[]): Promise<ImportBatchResult>;
  close(): Promise<void>;
}

export function inlineWriter(db: Db): BatchWriter {
  return { write: async (rows) => writeImportBatch(db, rows), close: async () => {} };
}

/** The worker script: the bundled one next to the built app, or this folder's source under the TypeScript runners. */
function writerWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? path.join(path.dirname(here), 'import-writer.worker.ts') : path.join(appRoot(), 'out', 'main', 'import-writer.worker.js');
}

type WorkerReply = { ok: true; result: ImportBatchResult } | { ok: false; message: string };

export function workerWriter(dbFile: string): BatchWriter {
  const worker = new Worker(writerWorkerFile(), { workerData: { file: dbFile, checkpointEvery: WORKER_CHECKPOINT_EVERY } });
  const waiting: { resolve: (r: ImportBatchResult) => void; reject: (e: Error) => void }[] = [];
  const onExit: (() => void)[] = [];
  let failure: Error | undefined;
  let exited = false;
  const rejectWaiting = (err: Error) => {
    for (const w of waiting.splice(0)) w.reject(err);
  };
  worker.on('message', (reply: WorkerReply) => {
    const w = waiting.shift();
    if (reply.ok) w?.resolve(reply.result);
    else w?.reject(new Error(`import writer: ${reply.message}`));
  });
  // an uncaught error in the worker (it could not start, or the final checkpoint failed): 'error', then 'exit'
  worker.on('error', (err) => {
    failure ??= new Error(`import writer failed: ${err.message}`);
    rejectWaiting(failure);
  });
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) failure ??= new Error(`import writer stopped (exit code ${code})`);
    rejectWaiting(failure ?? new Error('import writer exited early'));
    for (const f of onExit.splice(0)) f();
  });
  return {
    write: (rows) =>
      exited || failure
        ? Promise.reject(failure ?? new Error('import writer exited early'))
        : new Promise((resolve, reject) => {
            waiting.push({ resolve, reject });
            worker.postMessage(rows);
          }),
    close: () =>
      new Promise((resolve, reject) => {
        const settle = () => (failure ? reject(failure) : resolve());
        if (exited) return settle();
        onExit.push(settle);
        worker.postMessage(null);
      }),
  };
}
