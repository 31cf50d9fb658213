import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionsRepo } from '../../../src-main/interactions/repo';
import { openStore } from '../../../src-main/store/db';
import { CLI, runCli, tempDir } from '../../support/serve';

const QUERIES = [
  'RNA-seq differential expression in human liver, tumor vs normal, paired-end',
  'call germline variants from whole genome sequencing of mouse',
  '',
  'single cell RNA-seq clustering of PBMCs',
  '   ',
  'something entirely unrelated to biology',
];
const N = QUERIES.filter((q) => q.trim()).length;

describe('biotrain parse --log', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('build first: npx electron-vite build');
  });

  it('records one interaction per parsed query (origin cli, tools selected, no feedback)', async () => {
    const db = path.join(tempDir(), 'log.sqlite');
    const r = await runCli(['parse', '--log', '--session', 'sess-42', '--db', db], { input: `${QUERIES.join('\n')}\n` });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // one output line per input line: blank ones get an error line and log nothing
    expect(out).toHaveLength(QUERIES.length);
    expect(out.filter((o) => 'error' in o)).toEqual([
      { line: 3, error: 'blank line: no query' },
      { line: 5, error: 'blank line: no query' },
    ]);
    const printed = out.filter((o) => !('error' in o));
    expect(printed).toHaveLength(N);
    expect(r.stderr).toContain(`logged ${N} interaction(s) in session sess-42`);

    const store = openStore(db);
    const repo = new InteractionsRepo(store);
    expect(repo.count()).toBe(N);
    const rows = repo.list({}, 0, 100);
    expect(rows.map((i) => i.query)).toEqual(QUERIES.filter((q) => q.trim()));
    expect(rows.map((i) => i.intent)).toEqual(printed);
    for (const i of rows) {
      expect(i).toMatchObject({ session_id: 'sess-42', origin: 'cli', feedback: null, modifications: null, workflow: null, execution_success: null });
      expect(i.quality_score).toBe(i.intent!.confidence > 0.8 ? 0.7 : 0.5);
      if (i.intent!.analysis_type !== 'unknown') expect(i.tools!.length).toBeGreaterThan(0);
      else expect(i.tools).toEqual([]);
    }
    expect(repo.stats()).toMatchObject({ total: N, withFeedback: 0 });
    store.close();
  });

  it('defaults the session to a fresh uuid per run, logs argument queries, and writes nothing without --log', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'log.sqlite');
    const a = await runCli(['parse', '--log', '--db', db, 'RNA-seq', 'of', 'human', 'liver']);
    const b = await runCli(['parse', '--log', '--db', db, 'RNA-seq', 'of', 'human', 'liver']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const store = openStore(db);
    const rows = new InteractionsRepo(store).list({}, 0, 10);
    expect(rows).toHaveLength(2);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(rows[0]!.session_id).toMatch(uuid);
    expect(rows[1]!.session_id).toMatch(uuid);
    expect(rows[0]!.session_id).not.toBe(rows[1]!.session_id);
    expect(rows[0]!.query).toBe('RNA-seq of human liver');
    store.close();

    const none = path.join(dir, 'none.sqlite');
    const plain = await runCli(['parse', '--db', none], { input: 'RNA-seq of human liver\n' });
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(none)).toBe(false);
  });
});
