import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IMPORT_BATCH } from '../../../src-main/interactions/import-feedback';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { openStore } from '../../../src-main/store/db';
import { writeTypicalFeedbackFile } from '../../support/feedback-file';
import { runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();
/** examples per generation transaction (src-main/generators/generate-job.ts) */
const GENERATE_BATCH = 200;

/**
 * Runs a CLI command on a store while another connection reads `sql` every few milliseconds; returns the
 * distinct values it saw. A job writing in one transaction shows only its first and last count; one that
 * commits in batches lets every other connection see (and take the lock between) each batch.
 */
async function countsSeenDuring(dbPath: string, args: string[], sql: string): Promise<{ code: number; stderr: string; seen: number[] }> {
  openStore(dbPath).close();
  const reader = new Database(dbPath, { readonly: true });
  const count = reader.prepare(sql).pluck();
  const seen = new Set<number>([count.get() as number]);
  const timer = setInterval(() => seen.add(count.get() as number), 5);
  try {
    const r = await runCli(args);
    seen.add(count.get() as number);
    return { code: r.code, stderr: r.stderr, seen: [...seen].sort((a, b) => a - b) };
  } finally {
    clearInterval(timer);
    reader.close();
  }
}

describe('long jobs commit in batches, so other connections see their rows arrive and get the lock between', () => {
  it('generate: rows become visible 200 at a time, never part of a batch', async () => {
    const db = path.join(tempDir(), 'gen.sqlite');
    const r = await countsSeenDuring(db, ['generate', '--kind', 'query_variation', '--count', '3000', '--db', db], 'SELECT COUNT(*) FROM examples');
    expect(r.code, r.stderr).toBe(0);
    expect(r.seen[0]).toBe(0);
    expect(r.seen.at(-1)).toBe(3000);
    for (const n of r.seen) expect(n % GENERATE_BATCH, `${n} examples seen`).toBe(0);
    expect(r.seen.length).toBeGreaterThanOrEqual(4); // at least two batches seen between start and end
  });

  it('import-feedback: interactions become visible one batch at a time', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feedback.jsonl');
    writeTypicalFeedbackFile(file, 6 * IMPORT_BATCH, kb);
    const db = path.join(dir, 'import.sqlite');
    const r = await countsSeenDuring(db, ['import-feedback', file, '--db', db], 'SELECT COUNT(*) FROM interactions');
    expect(r.code, r.stderr).toBe(0);
    expect(r.seen[0]).toBe(0);
    expect(r.seen.at(-1)).toBe(6 * IMPORT_BATCH);
    for (const n of r.seen) expect(n % IMPORT_BATCH, `${n} interactions seen`).toBe(0);
    expect(r.seen.length).toBeGreaterThanOrEqual(4);
  });
});
