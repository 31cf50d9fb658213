import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src-main/model-eval/parse-answer';
import { formatDiagnostics, lintProject } from '../../../src-main/nextflow-validator/index';
import { REPO, runCli, tempDir } from '../../support/serve';

interface Row {
  id: string;
  messages: { role: string; content: string }[];
}

const dirs: string[] = [];
afterAll(() => {
  if (process.env.BIOTRAIN_KEEP_TEMP) return;
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function rows(out: string): Row[] {
  return ['train', 'val', 'test'].flatMap((s) =>
    fs
      .readFileSync(path.join(out, 'processed', `${s}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row),
  );
}

describe('the workflow gate of a build', () => {
  it('a small build exports only workflows with no finding of any validator rule (syntax and dataflow)', async () => {
    const dir = tempDir('biotrain-wfgate-');
    dirs.push(dir);
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--db', path.join(dir, 'store.sqlite'), '--out', out, '--scale', '0.1']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'quality_report.json'), 'utf8')) as { metrics: { workflow_valid_rate: number } };
    expect(report.metrics.workflow_valid_rate).toBe(1);
    const workflows = rows(out)
      .map((row) => ({ id: row.id, files: parseAnswer(row.messages.at(-1)!.content).workflow }))
      .filter((w) => w.files['main.nf'] !== undefined);
    expect(workflows.length).toBeGreaterThan(50);
    const flagged = workflows
      .map((w) => ({ id: w.id, result: lintProject(w.files, 'main.nf') }))
      .filter((w) => w.result.diagnostics.length > 0);
    expect(flagged.map((f) => `${f.id}\n${formatDiagnostics(f.result)}`).slice(0, 3)).toEqual([]);
    // every module the answers carry came from a tool entry: a container, a stub and versions.yml each
    for (const w of workflows.slice(0, 20))
      for (const [f, text] of Object.entries(w.files).filter(([f]) => f.startsWith('modules/') && f.endsWith('.nf'))) {
        expect(text, `${w.id} ${f}`).toMatch(/^\s+stub:$/m);
        expect(text, `${w.id} ${f}`).toContain('versions.yml');
      }
  }, 240_000);

  it('a deliberately broken tool entry fails the build, naming file, entry and field', async () => {
    const dir = tempDir('biotrain-wfgate-broken-');
    dirs.push(dir);
    const resources = path.join(dir, 'resources');
    fs.cpSync(path.join(REPO, 'resources'), resources, { recursive: true });
    const tools = path.join(resources, 'knowledge', 'tools.yaml');
    const text = fs.readFileSync(tools, 'utf8');
    const at = text.indexOf('- id: samtools\n');
    const broken = text.slice(0, at) + text.slice(at).replace('pattern: "${prefix}.flagstat"', 'pattern: "${prefix}.sorted.bam"');
    expect(broken).not.toBe(text);
    fs.writeFileSync(tools, broken);
    const out = path.join(dir, 'out');
    const r = await runCli(['build', '--db', path.join(dir, 'store.sqlite'), '--out', out, '--scale', '0.1'], { env: { BIOTRAIN_RESOURCES: resources } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("tools.yaml: entry 'samtools': field 'process.command.default': does not write output 0 '${prefix}.sorted.bam'");
    expect(fs.existsSync(path.join(out, 'processed', 'train.jsonl'))).toBe(false);
  }, 120_000);
});
