import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { importFeedback, WORKER_MIN_BYTES } from '../../../src-main/interactions/import-feedback';
import { InteractionsRepo } from '../../../src-main/interactions/repo';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { openStore } from '../../../src-main/store/db';
import { ExamplesRepo } from '../../../src-main/store/examples-repo';
import { selectTools } from '../../../src-main/tool-selector';
import { writeTypicalFeedbackFile } from '../../support/feedback-file';
import { CLI, runCli, tempDir } from '../../support/serve';

const kb = loadKnowledge();
const QUERY = 'RNA-seq differential expression in human liver, tumor vs normal, paired-end';
const intent = parseIntent(QUERY, kb);
const tools = selectTools(intent, kb);

const good = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ session_id: 'sess-a', timestamp: '2026-02-01T10:00:00Z', query: QUERY, intent, tools, feedback: 'accept', ...over });

/** line number -> content; expected reasons below refer to these numbers */
const LINES = [
  good(), // 1
  '{not json', // 2
  '', // 3 blank: skipped, not an error
  JSON.stringify({ session_id: 's1', query: 'x' }), // 4
  good({ feedback: 'modify', modifications: { tools: tools.slice(0, 2) }, timestamp: '2026-02-01T10:05:00Z' }), // 5
  good({ feedback: 'maybe' }), // 6
  '[1,2]', // 7
  good(), // 8 duplicate of line 1
  good({ timestamp: 'yesterday' }), // 9
  good({ intent: { ...intent, confidence: 2 } }), // 10
  good({ feedback: null, query: 'no feedback here', execution_success: true }), // 11
];

const EXPECTED_ERRORS = [
  { line: 2, reason: 'invalid JSON at character 2' },
  { line: 4, reason: 'timestamp: Required' },
  { line: 6, reason: 'feedback: Invalid option: expected one of "accept"|"reject"|"modify"' },
  { line: 7, reason: '(root): Invalid input: expected object, received array' },
  { line: 9, reason: 'timestamp: not a date/time' },
  { line: 10, reason: 'intent.confidence: Too big: expected number to be <=1' },
];

type Writer = 'inline' | 'worker';
const WRITERS: Writer[] = ['inline', 'worker'];

describe('importFeedback', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(tempDir(), 'feedback.jsonl');
    fs.writeFileSync(file, `${LINES.join('\n')}\n`);
  });

  it.each(WRITERS)('reports bad lines by number and reason, imports the good ones, and is idempotent (%s writer)', async (writer) => {
    const db = openStore(path.join(tempDir(), 'a.sqlite'));
    const first = await importFeedback(db, file, { kb, writer });
    expect(first).toEqual({ lines: 11, imported: 3, duplicates: 1, errors: EXPECTED_ERRORS, errorCount: 6, examples: 2 });
    const repo = new InteractionsRepo(db);
    expect(repo.count({ origin: 'import' })).toBe(3);
    expect(repo.stats()).toEqual({ total: 3, withFeedback: 2, accepted: 1, modified: 1, rejected: 0 });
    const examples = new ExamplesRepo(db);
    expect(examples.count({ kind: 'interaction', status: 'auto_validated' })).toBe(1);
    expect(examples.count({ kind: 'interaction', status: 'needs_review' })).toBe(1);
    const again = await importFeedback(db, file, { kb, writer });
    expect(again).toEqual({ lines: 11, imported: 0, duplicates: 4, errors: EXPECTED_ERRORS, errorCount: 6, examples: 0 });
    expect(repo.count()).toBe(3);
    db.close();
  });

  it('writes the same rows, in file order, with the worker as in-process', async () => {
    const lines = Array.from({ length: 60 }, (_, k) =>
      good({ query: `${QUERY} ${k}`, feedback: ['accept', 'modify', 'reject', null][k % 4], modifications: k % 4 === 1 ? { tools: tools.slice(1) } : null }),
    );
    const f = path.join(tempDir(), 'same.jsonl');
    fs.writeFileSync(f, `${lines.join('\n')}\n`);
    const dump = async (writer: Writer) => {
      const db = openStore(path.join(tempDir(), `${writer}.sqlite`));
      const summary = await importFeedback(db, f, { kb, writer, batchSize: 16 });
      const rows = {
        interactions: db.prepare('SELECT rowid, * FROM interactions ORDER BY rowid').all(),
        examples: db.prepare('SELECT * FROM examples ORDER BY seq').all(),
      };
      db.close();
      return { summary, rows };
    };
    const inline = await dump('inline');
    const worker = await dump('worker');
    expect(inline.summary).toMatchObject({ imported: 60, examples: 30 });
    expect(worker).toEqual(inline);
    const queries = (inline.rows.interactions as { query: string }[]).map((r) => r.query);
    expect(queries).toEqual(lines.map((_, k) => `${QUERY} ${k}`));
  });

  it.each(WRITERS)('fails with the store error, keeps the batches already written, and does not hang (%s writer)', async (writer) => {
    const f = path.join(tempDir(), 'fail.jsonl');
    fs.writeFileSync(f, `${Array.from({ length: 30 }, (_, k) => good({ query: `${QUERY} ${k}` })).join('\n')}\n`);
    const db = openStore(path.join(tempDir(), 'fail.sqlite'));
    // the 21st insert fails, inside the third batch of 10
    db.exec(`CREATE TRIGGER fail_21st BEFORE INSERT ON interactions WHEN (SELECT count(*) FROM interactions) >= 20
      BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    await expect(importFeedback(db, f, { kb, writer, batchSize: 10 })).rejects.toThrow(/disk full \(simulated\)/);
    expect(new InteractionsRepo(db).count()).toBe(20);
    expect(new ExamplesRepo(db).count()).toBe(20);
    db.exec('DROP TRIGGER fail_21st');
    expect(await importFeedback(db, f, { kb, writer, batchSize: 10 })).toMatchObject({ imported: 10, duplicates: 20, examples: 10 });
    db.close();
  });

  it('reports progress after each batch in bytes of the lines parsed, ending at the file size', async () => {
    const f = path.join(tempDir(), 'progress.jsonl');
    const lines = Array.from({ length: 25 }, (_, k) => good({ query: `${QUERY} ${k}` }));
    fs.writeFileSync(f, `${lines.join('\n')}\n`);
    const size = fs.statSync(f).size;
    const bytesOf = (n: number) => lines.slice(0, n).reduce((b, l) => b + Buffer.byteLength(l) + 1, 0);
    for (const writer of WRITERS) {
      const db = openStore(path.join(tempDir(), `progress-${writer}.sqlite`));
      const seen: [number, number][] = [];
      await importFeedback(db, f, { kb, writer, batchSize: 10, onProgress: (done, total) => seen.push([done, total]) });
      db.close();
      // after each batch (10, 10, 5 lines): the bytes of the lines parsed so far; then done
      expect(seen).toEqual([
        [bytesOf(10), size],
        [bytesOf(20), size],
        [size, size],
        [size, size],
      ]);
    }
  });

  it('caps the kept error reports but counts them all', async () => {
    const bad = path.join(tempDir(), 'bad.jsonl');
    fs.writeFileSync(bad, `${Array.from({ length: 50 }, () => '{').join('\n')}\n`);
    const db = openStore(path.join(tempDir(), 'c.sqlite'));
    const r = await importFeedback(db, bad, { maxErrors: 10 });
    expect(r.errorCount).toBe(50);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    db.close();
  });

  it('never throws on feedback files of arbitrary lines, accounts for every line, and refuses whole a file that does not start with an object', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'p.sqlite'));
    const lineArb = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(good(), good({ feedback: 'modify' }), good({ feedback: null }), '\uFEFF', '\r', '{}', 'null'),
      fc.record({ session_id: fc.string(), timestamp: fc.string(), query: fc.string(), feedback: fc.string() }).map((o) => JSON.stringify(o)),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
        const f = path.join(dir, `p${run++}.jsonl`);
        fs.writeFileSync(f, lines.join(eol));
        const first = /[^ \t\r\n]/.exec(lines.join(eol).replace(/^\uFEFF/, ''))?.[0];
        if (first !== undefined && first !== '{') {
          await expect(importFeedback(db, f, { kb, batchSize: 7 })).rejects.toThrow(`${f}: not a feedback JSONL file (it does not start with a JSON object); nothing was imported`);
          return;
        }
        const r = await importFeedback(db, f, { kb, batchSize: 7 });
        expect(r.imported + r.duplicates + r.errorCount).toBeLessThanOrEqual(r.lines);
        expect(r.errors.length).toBe(r.errorCount);
        for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
    db.close();
  });

  it('imports 100k lines (121 MB) completely, in bounded time', async () => {
    const big = path.join(tempDir(), 'big.jsonl');
    writeTypicalFeedbackFile(big, 100_000, kb);
    const db = openStore(path.join(tempDir(), 'big.sqlite'));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await importFeedback(db, big, { kb });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // The plan's target is 5 s; measured alone on this 2-core machine the import takes about 3.6 s (see
    // bench/import-feedback.bench.ts). Wall time inside the parallel test run depends on what else the
    // machine runs (26 s at load 17 on 2 cores), so the regression guard (e.g. losing the batched
    // transactions) is on this process's CPU time (all its threads, the writer worker's too: 3 s on a quiet
    // machine, 6 s at load 15),
    // and the wall bound only catches a hang.
    const load = os.loadavg()[0]!;
    console.log(
      `import-feedback: 100000 lines (${(fs.statSync(big).size / 1e6).toFixed(0)} MB) in ${ms.toFixed(0)} ms wall, ` +
        `${cpuMs.toFixed(0)} ms CPU; load ${load.toFixed(1)} on ${os.availableParallelism()} cores`,
    );
    expect(r).toMatchObject({ lines: 100_000, imported: 100_000, duplicates: 0, errorCount: 0, examples: 35_000 });
    expect(cpuMs).toBeLessThan(15_000);
    expect(ms).toBeLessThan(120_000);
    expect(new InteractionsRepo(db).count()).toBe(100_000);
    expect(new ExamplesRepo(db).count({ kind: 'interaction' })).toBe(35_000);
    db.close();
  });
});

describe('biotrain import-feedback (CLI)', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('build first: npx electron-vite build');
  });

  it('prints a summary and FILE:LINE: reason per bad line, exits 1, still imports the good lines', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fb.jsonl');
    fs.writeFileSync(file, `${LINES.join('\n')}\n`);
    const db = path.join(dir, 'cli.sqlite');
    const r = await runCli(['import-feedback', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${file}: 11 lines, 3 imported, 1 duplicates, 6 bad, 2 examples created\n`);
    const errLines = r.stderr.split('\n').filter((l) => l.startsWith(`${file}:`));
    expect(errLines).toEqual(EXPECTED_ERRORS.map((e) => `${file}:${e.line}: ${e.reason}`));

    const again = await runCli(['import-feedback', file, '--db', db, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ file, lines: 11, imported: 0, duplicates: 4, errorCount: 6 });

    const clean = path.join(dir, 'clean.jsonl');
    fs.writeFileSync(clean, `${good({ session_id: 'other' })}\n`);
    const ok = await runCli(['import-feedback', clean, '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 1, errorCount: 0, errors: [] });

    const missing = await runCli(['import-feedback', path.join(dir, 'nope.jsonl'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: no such file/);
  });

  it('writes a file over the worker threshold through the bundled writer worker', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.jsonl');
    const count = 2 * Math.ceil(WORKER_MIN_BYTES / good().length / 2); // even: every other line is accepted
    const lines = Array.from({ length: count }, (_, k) => good({ query: `${QUERY} ${k}`, feedback: k % 2 ? 'accept' : null }));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const dbFile = path.join(dir, 'big.sqlite');
    const r = await runCli(['import-feedback', file, '--db', dbFile, '--json']);
    expect(r.stderr).not.toMatch(/error|stopped/i);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: lines.length, imported: lines.length, examples: lines.length / 2, errorCount: 0 });
    const db = openStore(dbFile);
    expect(new InteractionsRepo(db).count()).toBe(lines.length);
    expect(new ExamplesRepo(db).count({ kind: 'interaction' })).toBe(lines.length / 2);
    db.close();
  });
});
