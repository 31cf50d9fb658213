import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-main/generators/rng';
import { CLI, REPO, runCli, tempDir } from '../../support/serve';

/** Starts a generation, waits until it has stored `afterItems` items, then SIGKILLs it. Returns the job id. */
function generateAndKill(dbPath: string, afterItems: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, 'generate', '--kind', 'query_variation', '--count', '3000', '--db', dbPath], { cwd: REPO });
    let stderr = '';
    let jobId = '';
    p.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      jobId ||= /job ([0-9a-f-]{36})/.exec(stderr)?.[1] ?? '';
      const m = [...stderr.matchAll(/ (\d+)\/3000/g)].at(-1);
      if (jobId && m && Number(m[1]) >= afterItems && p.exitCode === null) p.kill('SIGKILL');
    });
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(jobId);
      else reject(new Error(`generate ended before the kill (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety: generation killed with SIGKILL resumes without loss or duplicates', () => {
  const rng = new Rng(20261124);
  for (let run = 0; run < 3; run++) {
    const killAfter = 200 + rng.int(2400);
    it(`run ${run + 1}: kill after >= ${killAfter} items, resume, exactly 3000 distinct examples`, async () => {
      const dbPath = path.join(tempDir(), 'crash.sqlite');
      const jobId = await generateAndKill(dbPath, killAfter);
      const mid = new Database(dbPath, { readonly: true });
      const stored = (mid.prepare('SELECT count(*) AS n FROM examples').get() as { n: number }).n;
      mid.close();
      expect(stored).toBeGreaterThanOrEqual(killAfter - 200);
      expect(stored).toBeLessThan(3000);

      const resumed = await runCli(['generate', '--resume', jobId, '--db', dbPath, '--json']);
      expect(resumed.code, resumed.stderr).toBe(0);
      const summary = JSON.parse(resumed.stdout)[0];
      expect(summary.inserted + summary.skippedExisting).toBe(3000);
      expect(summary.skippedExisting).toBe(stored);

      const db = new Database(dbPath, { readonly: true });
      const row = db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT seq) AS seqs FROM examples').get();
      const job = db.prepare('SELECT status, progress_done FROM jobs WHERE id = ?').get(jobId);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      expect(row).toEqual({ n: 3000, ids: 3000, seqs: 3000 });
      expect(job).toEqual({ status: 'completed', progress_done: 3000 });

      // the same examples as an uninterrupted run
      const cleanDb = path.join(tempDir(), 'clean.sqlite');
      const clean = await runCli(['generate', '--kind', 'query_variation', '--count', '3000', '--db', cleanDb]);
      expect(clean.code, clean.stderr).toBe(0);
      const a = new Database(dbPath, { readonly: true });
      const b = new Database(cleanDb, { readonly: true });
      const hashes = (d: Database.Database) => (d.prepare('SELECT id, content_hash FROM examples ORDER BY id').all() as object[]);
      expect(hashes(a)).toEqual(hashes(b));
      a.close();
      b.close();
    });
  }

  it('killed the moment it prints its job id (before any work): the id resumes to exactly the full count', async () => {
    const dbPath = path.join(tempDir(), 'early.sqlite');
    const jobId = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [CLI, 'generate', '--kind', 'education', '--count', '500', '--db', dbPath], { cwd: REPO });
      let stderr = '';
      let id = '';
      p.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        id ||= /^job ([0-9a-f-]{36}):/m.exec(stderr)?.[1] ?? '';
        if (id && p.exitCode === null) p.kill('SIGKILL');
      });
      p.on('exit', (code, signal) => (signal === 'SIGKILL' && id ? resolve(id) : reject(new Error(`generate ended before the kill (code ${code}): ${stderr}`))));
    });
    const resumed = await runCli(['generate', '--resume', jobId, '--db', dbPath, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout)[0] as { inserted: number; skippedExisting: number };
    expect(summary.inserted + summary.skippedExisting).toBe(500);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(DISTINCT id) FROM examples').pluck().get()).toBe(500);
    expect(db.prepare('SELECT status FROM jobs WHERE id = ?').pluck().get(jobId)).toBe('completed');
    db.close();
  });
});
