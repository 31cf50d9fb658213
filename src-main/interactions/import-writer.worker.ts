// Worker entry: owns a second connection to the store and writes the batches the main thread parses, so
// parsing and writing run on two cores. Messages in: ImportRow[] (one batch, one transaction), or null
// (checkpoint, close, end). Out: an ImportBatchResult per batch, or an error message.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyConnectionPragmas } from '../store/connection-pragmas.ts';
import { type ImportRow, writeImportBatch } from './import-writer.ts';

const port = parentPort!;
const { file, checkpointEvery } = workerData as { file: string; checkpointEvery: number };
const db = new Database(file);
applyConnectionPragmas(db);
// Checkpoints every `checkpointEvery` rows, between batches, instead of inside commits every 1000 pages:
// they then run while the main thread parses, and copy each rewritten index page to the database less often.
db.pragma('wal_autocheckpoint = 0');
// 64 MiB: a batch's pages (about 11 MB for 5,000 typical lines) and the hot index pages stay in memory
db.pragma('cache_size = -65536');

let sinceCheckpoint = 0;

port.on('message', (rows: ImportRow[] | null) => {
  if (rows === null) {
    // errors here end the worker with an 'error' event, which fails the import
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    port.close();
    return;
  }
  let reply: { ok: true; result: ReturnType<typeof writeImportBatch> } | { ok: false; message: string };
  try {
    reply = { ok: true, result: writeImportBatch(db, rows) };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  port.postMessage(reply);
  sinceCheckpoint += rows.length;
  if (sinceCheckpoint >= checkpointEvery) {
    db.pragma('wal_checkpoint(PASSIVE)');
    sinceCheckpoint = 0;
  }
});
