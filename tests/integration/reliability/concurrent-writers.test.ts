import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { INTERACTIVE_BUSY_TIMEOUT_MS } from '../../../src-main/store/connection-pragmas';
import { writeTypicalFeedbackFile } from '../../support/feedback-file';
import { holdFileWriteLock, holdWriteLock, whenFileOpen } from '../../support/processes';
import { CLI, REPO, runCli, type Served, startServe, tempDir } from '../../support/serve';

// Separate processes writing one real file store at once. Each must complete, and the store must hold exactly
// what running the same commands one after the other gives.

const kb = loadKnowledge();

interface Counts {
  examples: Record<string, number>;
  interactions: number;
  ids: number;
  seqs: number;
  integrity: string;
}

function countsOf(dbPath: string): Counts {
  const db = new Database(dbPath, { readonly: true });
  try {
    const examples: Record<string, number> = {};
    for (const r of db.prepare('SELECT kind, COUNT(*) AS n FROM examples GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[]) examples[r.kind] = r.n;
    const row = db.prepare('SELECT COUNT(DISTINCT id) AS ids, COUNT(DISTINCT seq) AS seqs FROM examples').get() as { ids: number; seqs: number };
    return {
      examples,
      interactions: db.prepare('SELECT COUNT(*) FROM interactions').pluck().get() as number,
      ...row,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

type Cmd = (db: string) => string[];
const generate = (kind: string, count: number): Cmd => (db) => ['generate', '--kind', kind, '--count', String(count), '--db', db, '--json'];
const importFile = (file: string): Cmd => (db) => ['import-feedback', file, '--db', db, '--json'];

async function together(db: string, cmds: Cmd[]) {
  const runs = await Promise.all(cmds.map((c) => runCli(c(db))));
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  return runs;
}

async function oneAfterAnother(db: string, cmds: Cmd[]) {
  for (const c of cmds) {
    const r = await runCli(c(db));
    expect(r.code, r.stderr).toBe(0);
  }
}

/** Job rows' [created, last update] intervals: asserting they overlap shows the writers really ran at once. */
function jobIntervals(dbPath: string): [number, number][] {
  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare("SELECT created_at, updated_at FROM jobs WHERE kind = 'generate'").all() as { created_at: string; updated_at: string }[];
  db.close();
  return rows.map((r) => [Date.parse(r.created_at), Date.parse(r.updated_at)]);
}

describe('concurrent writers on one file store (separate processes)', () => {
  it('four first opens of a new store at once all succeed (migrations under an exclusive lock)', async () => {
    const db = path.join(tempDir(), 'new.sqlite');
    const runs = await Promise.all([0, 1, 2, 3].map((i) => runCli(['parse', '--log', '--db', db], { input: `rna-seq of mouse liver, sample ${i}\n` })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(countsOf(db)).toMatchObject({ interactions: 4, integrity: 'ok' });
  });

  it('a first open waits while another process holds the write lock of the new store (SQLite fails the WAL switch at once; it is retried)', async () => {
    const db = path.join(tempDir(), 'held.sqlite');
    const lock = await holdFileWriteLock(db, REPO);
    const cli = spawn(process.execPath, [CLI, 'parse', '--log', '--db', db, 'rna-seq of mouse liver'], { cwd: REPO });
    let stderr = '';
    cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    // the CLI has the file open and is switching it to WAL; unretried, that fails within milliseconds
    await whenFileOpen(cli.pid!, db);
    await new Promise((r) => setTimeout(r, 1000));
    expect(cli.exitCode, stderr).toBe(null);
    await lock.release();
    expect(await exit, stderr).toBe(0);
    expect(countsOf(db)).toMatchObject({ interactions: 1, integrity: 'ok' });
  });

  it('two generate runs and an import at once give exactly the counts of running them one after the other', async () => {
    const dir = tempDir();
    const feedback = path.join(dir, 'feedback.jsonl');
    writeTypicalFeedbackFile(feedback, 3000, kb);
    const cmds = [generate('query_variation', 1000), generate('education', 300), importFile(feedback)];
    const concurrent = path.join(dir, 'concurrent.sqlite');
    await together(concurrent, cmds);
    const [a, b] = jobIntervals(concurrent);
    expect(a![0] < b![1] && b![0] < a![1]).toBe(true);
    const sequential = path.join(dir, 'sequential.sqlite');
    await oneAfterAnother(sequential, cmds);
    const c = countsOf(concurrent);
    expect(c).toEqual(countsOf(sequential));
    expect(c).toMatchObject({ interactions: 3000, integrity: 'ok' });
    expect(c.examples.query_variation).toBe(1000);
    expect(c.ids).toBe(c.seqs);
  });

  it('the same generation twice at once and the same file imported twice at once: each item once, both runs complete', async () => {
    const dir = tempDir();
    const feedback = path.join(dir, 'feedback.jsonl');
    writeTypicalFeedbackFile(feedback, 3000, kb);
    const db = path.join(dir, 'twice.sqlite');
    const [g1, g2, i1, i2] = await together(db, [generate('education', 500), generate('education', 500), importFile(feedback), importFile(feedback)]);
    const gens = [g1!, g2!].map((r) => (JSON.parse(r.stdout) as { inserted: number; skippedExisting: number }[])[0]!);
    for (const g of gens) expect(g.inserted + g.skippedExisting).toBe(500);
    expect(gens[0]!.inserted + gens[1]!.inserted).toBe(500);
    const imports = [i1!, i2!].map((r) => JSON.parse(r.stdout) as { imported: number; duplicates: number });
    for (const s of imports) expect(s.imported + s.duplicates).toBe(3000);
    expect(imports[0]!.imported + imports[1]!.imported).toBe(3000);
    const single = path.join(dir, 'single.sqlite');
    await oneAfterAnother(single, [generate('education', 500), importFile(feedback)]);
    expect(countsOf(db)).toEqual(countsOf(single));
  });

  it('two builds at once on one store both complete, with exactly the summaries and rows of running them one after the other', async () => {
    const dir = tempDir();
    const build = (n: number): Cmd => (db) => ['build', '--scale', '0.03', '--db', db, '--out', path.join(dir, `${path.basename(db)}-out-${n}`), '--json'];
    const summaries = (runs: { stdout: string; stderr: string; code: number | null }[]) =>
      runs.map((r) => {
        // a build that prints no summary says why in its exit code and stderr (an intermittent failure under load)
        expect(r.stdout.trim(), `exit ${r.code}, stderr:\n${r.stderr.slice(-2000)}`).not.toBe('');
        const s = JSON.parse(r.stdout) as { kinds: unknown; excluded: unknown; failures: string[]; passed: boolean; files: number };
        return JSON.stringify({ kinds: s.kinds, excluded: s.excluded, failures: s.failures, passed: s.passed, files: s.files });
      });
    const buildRows = (db: string) => {
      const check = new Database(db, { readonly: true });
      const rows = check
        .prepare('SELECT b.status, (SELECT COUNT(*) FROM build_items i WHERE i.build_id = b.id) AS items FROM builds b ORDER BY items, status')
        .all();
      check.close();
      return rows;
    };
    // a build whose gates fail at this scale exits 1 with its summary: both runs must reach that summary
    const concurrent = path.join(dir, 'concurrent.sqlite');
    const both = await Promise.all([build(1), build(2)].map((c) => runCli(c(concurrent))));
    const sequential = path.join(dir, 'sequential.sqlite');
    const oneThenOther = [await runCli(build(1)(sequential)), await runCli(build(2)(sequential))];
    for (const r of [...both, ...oneThenOther]) expect([0, 1], r.stderr).toContain(r.code);
    for (const r of [...both, ...oneThenOther]) expect(r.stderr).not.toMatch(/database is locked|SQLITE_BUSY|already exists/);
    expect(summaries(both).sort()).toEqual(summaries(oneThenOther).sort());
    expect(buildRows(concurrent)).toEqual(buildRows(sequential));
    expect(buildRows(concurrent)).toHaveLength(2);
    expect(countsOf(concurrent)).toEqual(countsOf(sequential));
  });

  /** A store with a few generated items, served; `run` gets the server, the store and its first item's id. */
  async function withServedItem(run: (served: Served, db: string, id: string) => Promise<void>) {
    const db = path.join(tempDir(), 'served.sqlite');
    await oneAfterAnother(db, [generate('education', 5)]);
    const served = await startServe({ dbPath: db });
    try {
      const { items } = await served.api<{ items: { id: string }[] }>('examples.list', { filter: {}, offset: 0, limit: 1 });
      await run(served, db, items[0]!.id);
    } finally {
      await served.stop();
    }
  }

  it("review.decide waits for another process's write lock instead of failing at once", () =>
    withServedItem(async (served, db, id) => {
      const lock = await holdWriteLock(db, 1500, REPO);
      const t0 = Date.now();
      const r = await served.api<{ status: string }>('review.decide', { id, action: 'reject' });
      expect(r.status).toBe('rejected');
      expect(Date.now() - t0).toBeGreaterThan(1000);
      await lock.released;
    }));

  it('a request gives up on a store held past the interactive timeout with a 503 saying to retry; the retry saves it', () =>
    withServedItem(async (served, db, id) => {
      const decide = () =>
        fetch(`${served.url}api/review.decide`, {
          method: 'POST',
          headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ id, action: 'accept' }),
        });
      const lock = await holdWriteLock(db, INTERACTIVE_BUSY_TIMEOUT_MS + 3000, REPO);
      const t0 = Date.now();
      const res = await decide();
      const waited = Date.now() - t0;
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toBe('the store is busy with another writer; retry (database is locked)');
      expect(waited).toBeGreaterThanOrEqual(INTERACTIVE_BUSY_TIMEOUT_MS - 50);
      await lock.released;
      expect((await decide()).status).toBe(200);
      const check = new Database(db, { readonly: true });
      expect(check.prepare('SELECT action FROM review_events WHERE example_id = ?').pluck().all(id)).toEqual(['accept']);
      check.close();
    }));

  it('review decisions over the bridge wait for a build, a generation and an import writing the store, and each lands on its item', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'review.sqlite');
    await oneAfterAnother(db, [generate('query_variation', 300)]);
    const served = await startServe({ dbPath: db });
    try {
      const queue = await served.api<{ total: number; items: { id: string }[] }>('examples.list', { filter: { kind: 'query_variation' }, offset: 0, limit: 120 });
      const feedback = path.join(dir, 'feedback.jsonl');
      writeTypicalFeedbackFile(feedback, 20_000, kb);
      const build = runCli(['build', '--scale', '0.03', '--db', db, '--out', path.join(dir, 'out'), '--json']);
      const gen = runCli(generate('education', 800)(db));
      const imp = runCli(importFile(feedback)(db));
      const actions = ['accept', 'reject'] as const;
      const failures: string[] = [];
      for (const [i, item] of queue.items.entries()) {
        try {
          await served.api('review.decide', { id: item.id, action: actions[i % 2] });
        } catch (err) {
          failures.push(`${item.id}: ${(err as Error).message}`);
        }
      }
      const [b, g, im] = await Promise.all([build, gen, imp]);
      expect(failures).toEqual([]);
      expect(g.code, g.stderr).toBe(0);
      expect(im.code, im.stderr).toBe(0);
      // the build completed (its gates may fail at this scale, which is exit 1 with a summary, not an error)
      expect(JSON.parse(b.stdout).buildId, b.stderr).toMatch(/^[0-9a-f-]{36}$/);
      const check = new Database(db, { readonly: true });
      const events = check.prepare("SELECT example_id, action FROM review_events WHERE action != 'undo' ORDER BY seq").all() as { example_id: string; action: string }[];
      expect(events).toEqual(queue.items.map((it, i) => ({ example_id: it.id, action: actions[i % 2] })));
      const status = check.prepare('SELECT status FROM examples WHERE id = ?').pluck();
      for (const [i, it] of queue.items.entries()) expect(status.get(it.id)).toBe(i % 2 === 0 ? 'accepted' : 'rejected');
      expect(check.prepare('SELECT status FROM builds').pluck().all()).not.toContain('error');
      check.close();
    } finally {
      await served.stop();
    }
  });
});

