import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentSchema } from '../../../src-preload/schemas/intent';
import { REPO, runCli, tempDir } from '../../support/serve';

const FIXTURES = path.join(REPO, 'tests/fixtures/nextflow/nf-core-rnaseq');

describe('CLI: parse, eval-intents, lint-nf, generate --help', () => {
  it('parse: one JSON line per stdin line, a blank line answered with an error line so output lines up with input', async () => {
    const r = await runCli(['parse'], { input: 'RNA-seq differential expression for mouse liver\n\nWGS germline variants for human blood\n  \nhow do I bake a cake\n' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toEqual({ line: 2, error: 'blank line: no query' });
    expect(lines[3]).toEqual({ line: 4, error: 'blank line: no query' });
    const intents = [lines[0], lines[2], lines[4]].map((l) => IntentSchema.parse(l));
    expect(intents.map((i) => i.analysis_type)).toEqual(['rna_seq_de', 'wgs_germline_variants', 'unknown']);
    expect(intents[0]!.organism?.id).toBe('mouse');
    expect(intents[2]!.request_kind).toBe('off_topic');
  });

  it('eval-intents prints per-field accuracy and passes the 95% bar', async () => {
    const r = await runCli(['eval-intents', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { n: number; perField: Record<string, number> };
    expect(result.n).toBe(100);
    expect(result.perField.analysis_type).toBeGreaterThanOrEqual(0.95);
    expect(result.perField.organism).toBeGreaterThanOrEqual(0.95);
    const human = await runCli(['eval-intents']);
    expect(human.stdout).toMatch(/analysis_type/);
  });

  it('lint-nf: exit 0 on real nf-core files, exit 1 with file:line:col on a broken one, --json for machines', async () => {
    const ok = await runCli(['lint-nf', path.join(FIXTURES, 'modules_nf-core_fastqc_main.nf')]);
    expect(ok.stdout.trim().split('\n').at(-1)).toMatch(/^0 errors, \d+ warnings?$/);
    expect(ok.code).toBe(0);
    const dir = tempDir();
    const bad = path.join(dir, 'bad.nf');
    fs.writeFileSync(bad, 'process X {\n  input:\n  pathh(reads)\n  script:\n  "echo hi"\n}\n');
    const r = await runCli(['lint-nf', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:3:3: error [unknown-qualifier]`);
    const j = await runCli(['lint-nf', '--json', bad]);
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.stdout) as { errorCount: number; diagnostics: { rule: string; line: number }[] };
    expect(parsed.errorCount).toBe(1);
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'unknown-qualifier', line: 3 });
  });

  it('clusters lists the near-duplicate clusters of the latest build with their members', async () => {
    const db = path.join(tempDir(), 'c.sqlite');
    const out = path.join(tempDir(), 'out');
    const build = await runCli(['build', '--scale', '0.05', '--db', db, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata/quality_report.json'), 'utf8')) as { near_duplicates: { clusters: number } };
    const r = await runCli(['clusters', '--db', db, '--json', '--limit', '3']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { total: number; clusters: { size: number; members: { id: string }[] }[] };
    expect(c.total).toBe(report.near_duplicates.clusters);
    for (const cl of c.clusters) expect(cl.members.length).toBe(cl.size);
    expect(c.clusters.map((x) => x.size)).toEqual([...c.clusters.map((x) => x.size)].sort((a, b) => b - a));
  });

  it('every command has --help', async () => {
    const top = await runCli(['--help']);
    const commands = ['serve', 'build', 'clusters', 'generate', 'parse', 'eval-intents', 'lint-nf', 'export', 'import-feedback', 'bundle'];
    for (const c of commands) expect(top.stdout).toContain(c);
    for (const c of commands) {
      const r = await runCli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout).toMatch(/^Usage: biotrain /);
    }
  });
});
