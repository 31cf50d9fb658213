import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Example, Split } from '../../../src-preload/schemas/example';
import { alpacaRowProblems, checkExport, shareGptRowProblems } from '../../../src-main/export/check-export';
import { PATHS } from '../../../src-main/export/layout';
import { ManifestSchema } from '../../../src-main/export/manifest';
import type { TrainingRecord } from '../../../src-main/export/record';
import { loadTaskPrompts } from '../../../src-main/task-contract/prompts';
import { taskOf } from '../../../src-main/task-contract/tasks';
import { userTurn } from '../../../src-main/task-contract/user-turn';
import { scrubPii } from '../../../src-main/pipeline/pii';
import { runCli, tempDir } from '../../support/serve';

const SPLITS: Split[] = ['train', 'val', 'test'];
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function walk(root: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(root, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(root, path.join(rel, e.name)) : [path.join(rel, e.name)]))
    .sort();
}
const hashes = (root: string) => Object.fromEntries(walk(root).map((f) => [f, sha256(path.join(root, f))]));
const jsonl = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

interface KeptItem {
  example_id: string;
  input: string;
  kind: string;
  category: string;
  analysis_type: string;
}

describe('export: every format readable by its consumers, deterministic, verified', () => {
  const dir = tempDir('biotrain-export-');
  const dbPath = path.join(dir, 'store.sqlite');
  const built = path.join(dir, 'built');
  let buildId: string;
  let kept: Record<Split, KeptItem[]>;
  let processed: Record<Split, TrainingRecord[]>;

  beforeAll(async () => {
    const r = await runCli(['build', '--db', dbPath, '--out', built, '--scale', '0.1']);
    expect(r.code, r.stderr).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    try {
      buildId = db.prepare("SELECT id FROM builds WHERE status = 'passed' ORDER BY created_at DESC LIMIT 1").pluck().get() as string;
      const items = db.prepare(
        `SELECT b.example_id, e.input, e.kind, e.category, e.analysis_type FROM build_items b JOIN examples e ON e.id = b.example_id
         WHERE b.build_id = ? AND b.split = ? ORDER BY b.ord, b.example_id`,
      );
      kept = { train: [], val: [], test: [] };
      for (const s of SPLITS) kept[s] = items.all(buildId, s) as KeptItem[];
    } finally {
      db.close();
    }
    processed = { train: [], val: [], test: [] };
    for (const s of SPLITS) processed[s] = jsonl(path.join(built, PATHS.processed(s)));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the build output passes checkExport, with the store split counts', async () => {
    expect(buildId).toBeTruthy();
    const result = await checkExport(built);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    for (const s of SPLITS) {
      expect(kept[s].length).toBeGreaterThan(0);
      expect(result.counts[s]).toBe(kept[s].length);
    }
    const check = await runCli(['export', '--check', built]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('check: ok');
  });

  it('apache-arrow reads each split; rows are the kept items of the store, in order', () => {
    for (const s of SPLITS) {
      const table = tableFromIPC(fs.readFileSync(path.join(built, PATHS.hfArrow(s))));
      expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'messages', 'metadata']);
      expect(table.numRows).toBe(kept[s].length);
      const rows = JSON.parse(JSON.stringify(table.toArray())) as TrainingRecord[];
      rows.forEach((row, i) => {
        const item = kept[s][i]!;
        expect(row.id).toBe(`${s}_${String(i + 1).padStart(5, '0')}`);
        expect(row.metadata.example_id).toBe(item.example_id);
        expect(row.metadata.kind).toBe(item.kind);
        expect(row.metadata.category).toBe(item.category);
        expect(row.metadata.analysis_type).toBe(item.analysis_type);
        expect(row.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
        const task = taskOf({ kind: item.kind as Example['kind'], output: {} });
        expect(row.metadata.task).toBe(task);
        expect(row.messages[0].content).toBe(loadTaskPrompts().get(task)!.system);
        expect(row.messages[1].content).toBe(userTurn({ kind: item.kind as Example['kind'], output: {}, input: scrubPii(item.input).text }, loadTaskPrompts()));
        expect(row).toEqual(processed[s][i]);
      });
    }
  });

  it('DuckDB reads the parquet and JSONL files with the same counts and values', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;
    try {
      for (const s of SPLITS) {
        const parquet = lit(path.join(built, PATHS.hubParquet(s)));
        const proc = lit(path.join(built, PATHS.processed(s)));
        const openai = lit(path.join(built, PATHS.openai(s)));
        const n = kept[s].length;
        expect(Number((await q(`SELECT count(*) AS n FROM read_parquet(${parquet})`))[0]!.n)).toBe(n);
        expect(Number((await q(`SELECT count(*) AS n FROM read_json_auto(${proc})`))[0]!.n)).toBe(n);
        expect(Number((await q(`SELECT count(*) AS n FROM read_json_auto(${openai})`))[0]!.n)).toBe(n);
        const sql = (from: string) =>
          `SELECT id, messages[2].content AS user_text, messages[3].role AS last_role, metadata.example_id AS example_id,
                  metadata.difficulty::INTEGER AS difficulty, len(metadata.tools) AS tools
           FROM ${from} ORDER BY id`;
        const fromParquet = await q(sql(`read_parquet(${parquet})`));
        const fromJson = await q(sql(`read_json_auto(${proc})`));
        expect(fromParquet).toEqual(fromJson);
        for (const i of [0, Math.floor(n / 2), n - 1]) {
          const rec = processed[s][i]!;
          expect(fromParquet[i]).toEqual({
            id: rec.id,
            user_text: rec.messages[1].content,
            last_role: 'assistant',
            example_id: kept[s][i]!.example_id,
            difficulty: rec.metadata.difficulty,
            tools: String(rec.metadata.tools.length),
          });
        }
        const openaiRoles = await q(`SELECT DISTINCT list_transform(messages, m -> m.role) AS roles FROM read_json_auto(${openai})`);
        expect(openaiRoles).toEqual([{ roles: ['system', 'user', 'assistant'] }]);
      }
      const share = await q(`SELECT count(*) AS n, min(len(conversations)) AS lo, max(len(conversations)) AS hi FROM read_json_auto(${lit(path.join(built, PATHS.sharegpt))})`);
      expect(share[0]).toEqual({ n: String(kept.train.length), lo: '2', hi: '2' });
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('exporting twice from the store gives byte-identical files, identical to the build output', async () => {
    const a = path.join(dir, 'A');
    const b = path.join(dir, 'B');
    const ra = await runCli(['export', '--db', dbPath, '--out', a]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(ra.stdout).toContain(`exported build ${buildId}`);
    expect(ra.stdout).toContain('check: ok');
    const rb = await runCli(['export', '--db', dbPath, '--build', buildId.slice(0, 8), '--out', b]);
    expect(rb.code, rb.stderr).toBe(0);

    const manifestOf = (d: string) => ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(d, PATHS.manifest), 'utf8')));
    const list = (d: string) => manifestOf(d).files.map((f) => `${f.path} ${f.sha256} ${f.bytes} ${f.rows}`);
    expect(list(a)).toEqual(list(b));
    expect(list(a)).toEqual(list(built));
    const ha = hashes(a);
    expect(Object.keys(ha)).toHaveLength(manifestOf(a).files.length + 1);
    expect(ha).toEqual(hashes(b));
    expect(ha).toEqual(hashes(built));
    for (const f of manifestOf(a).files) expect(ha[f.path]).toBe(f.sha256);
    // no .partial/.old leftovers next to the export
    expect(fs.readdirSync(dir).filter((f) => /\.(partial|old)$/.test(f))).toEqual([]);
  });

  it('every Alpaca and ShareGPT row is valid for LLaMA-Factory', () => {
    const alpaca = JSON.parse(fs.readFileSync(path.join(built, PATHS.alpaca), 'utf8')) as Record<string, string>[];
    const sharegpt = JSON.parse(fs.readFileSync(path.join(built, PATHS.sharegpt), 'utf8')) as { conversations: { from: string; value: string }[]; system: string }[];
    const sharegptVal = JSON.parse(fs.readFileSync(path.join(built, PATHS.sharegptVal), 'utf8')) as typeof sharegpt;
    expect(alpaca).toHaveLength(kept.train.length);
    expect(sharegpt).toHaveLength(kept.train.length);
    expect(sharegptVal).toHaveLength(kept.val.length);
    for (const row of alpaca) {
      expect(alpacaRowProblems(row)).toEqual([]);
      expect(row.instruction!.trim()).not.toBe('');
      expect(row.output!.trim()).not.toBe('');
    }
    for (const row of [...sharegpt, ...sharegptVal]) {
      expect(shareGptRowProblems(row)).toEqual([]);
      expect(row.conversations.length % 2).toBe(0);
      row.conversations.forEach((t, i) => {
        expect(t.from).toBe(i % 2 === 0 ? 'human' : 'gpt');
        expect(t.value.trim()).not.toBe('');
      });
    }
    const info = JSON.parse(fs.readFileSync(path.join(built, PATHS.llamaFactoryInfo), 'utf8')) as Record<string, { file_name: string; columns: Record<string, string> }>;
    for (const entry of Object.values(info)) {
      const rows = JSON.parse(fs.readFileSync(path.join(built, entry.file_name), 'utf8')) as Record<string, unknown>[];
      for (const column of Object.values(entry.columns)) expect(rows.every((r) => column in r)).toBe(true);
    }
  });

  it('a file with one edited byte makes `export --check` exit 1 naming the file', async () => {
    for (const [i, rel] of [PATHS.processed('test'), PATHS.hfArrow('val'), PATHS.hubParquet('train')].entries()) {
      const copy = path.join(dir, `tampered-${i}`);
      fs.cpSync(built, copy, { recursive: true });
      const file = path.join(copy, rel);
      const bytes = fs.readFileSync(file);
      // a byte inside text content (for JSONL: a letter of the system prompt), so the file still parses
      const at = rel.endsWith('.jsonl') ? bytes.indexOf('BioPipelines') : Math.floor(bytes.length / 2);
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      fs.writeFileSync(file, bytes);
      const r = await runCli(['export', '--check', copy]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`^ {2}${rel.replace(/[.]/g, '\\.')}: sha256 [0-9a-f]{12}… does not match the manifest`, 'm'));
      expect(r.stderr).toMatch(/problem\(s\) in/);
    }
  });

  it('an unwritable --out fails with a clear message and loses nothing', async () => {
    const before = hashes(built);
    const underFile = path.join(dir, 'store.sqlite', 'out');
    const r = await runCli(['export', '--db', dbPath, '--out', underFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^biotrain: cannot write the export folder .*store\.sqlite.*Choose a writable folder \(--out\)\./m);

    // a folder of other data is refused, not replaced
    const foreign = path.join(dir, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'keep me');
    const r2 = await runCli(['export', '--db', dbPath, '--out', foreign]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(`refusing to replace ${foreign}`);
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);

    // a regular file is refused, not replaced
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'data');
    const r3 = await runCli(['export', '--db', dbPath, '--out', file]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('it is a file, not a folder');
    expect(fs.readFileSync(file, 'utf8')).toBe('data');

    expect(hashes(built)).toEqual(before);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM build_items WHERE build_id = ? AND split IS NOT NULL').pluck().get(buildId)).toBe(
      SPLITS.reduce((n, s) => n + kept[s].length, 0),
    );
    db.close();
    expect(fs.readdirSync(dir).filter((f) => /\.(partial|old)$/.test(f))).toEqual([]);
  });

  it('the licence is a setting of the store: unknown until chosen, then on the card and every dataset_info.json', async () => {
    const card = (root: string) => fs.readFileSync(path.join(root, PATHS.hubReadme), 'utf8');
    const infoLicense = (root: string) => SPLITS.map((s) => JSON.parse(fs.readFileSync(path.join(root, PATHS.hfInfo(s)), 'utf8')).license);
    expect(card(built)).toContain('\nlicense: unknown\n');
    expect(infoLicense(built)).toEqual(['unknown', 'unknown', 'unknown']);

    const out = path.join(dir, 'licensed');
    const r = await runCli(['export', '--db', dbPath, '--out', out, '--license', 'cc-by-4.0']);
    expect(r.code, r.stderr).toBe(0);
    expect(card(out)).toContain('\nlicense: cc-by-4.0\n');
    expect(infoLicense(out)).toEqual(['cc-by-4.0', 'cc-by-4.0', 'cc-by-4.0']);
    // kept: the next export without --license carries it too
    const again = await runCli(['export', '--db', dbPath, '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(card(out)).toContain('\nlicense: cc-by-4.0\n');
    expect(again.stdout).toMatch(/^check: ok/m);

    const bad = await runCli(['export', '--db', dbPath, '--out', out, '--license', 'Not A Licence']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--license Not A Licence: a licence id such as apache-2.0');
    // LLaMA-Factory: one registry for the export folder (dataset_dir), a val entry for each format
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, PATHS.llamaFactoryInfo), 'utf8')))).toEqual([
      'biotrain_alpaca',
      'biotrain_alpaca_val',
      'biotrain_sharegpt',
      'biotrain_sharegpt_val',
    ]);
  });
});
