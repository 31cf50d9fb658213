import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingRecord } from '../../../src-main/export/record';
import { ManifestSchema } from '../../../src-main/export/manifest';
import { asksForWorkflow, mentionsWorkflow } from '../../../src-main/task-contract/asks';
import { loadTaskPrompts } from '../../../src-main/task-contract/prompts';
import { TASKS } from '../../../src-main/task-contract/tasks';
import { runCli, tempDir } from '../../support/serve';

const KIND_TASK: Record<string, string> = {
  query_variation: 'intent_parsing',
  tool_selection: 'tool_selection',
  workflow: 'workflow_generation',
  education: 'education',
  error_diagnosis: 'error_diagnosis',
};

describe('one answer contract per task, on a built dataset', () => {
  const dir = tempDir('biotrain-contract-');
  const out = path.join(dir, 'out');
  let rows: TrainingRecord[] = [];

  beforeAll(async () => {
    const r = await runCli(['build', '--db', path.join(dir, 'store.sqlite'), '--out', out, '--scale', '0.2']);
    expect(r.code, r.stderr).toBe(0);
    rows = ['train', 'val', 'test'].flatMap((s) =>
      fs
        .readFileSync(path.join(out, 'processed', `${s}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as TrainingRecord),
    );
  });

  it('each row names its task and carries that task system prompt, as the manifest records it', () => {
    const prompts = loadTaskPrompts();
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.metadata.kind !== 'interaction') expect(r.metadata.task).toBe(KIND_TASK[r.metadata.kind]);
      expect(r.messages[0].content).toBe(prompts.get(r.metadata.task as (typeof TASKS)[number])!.system);
      seen.add(r.metadata.task);
    }
    expect([...seen].sort()).toEqual([...TASKS].sort());
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'manifest.json'), 'utf8')));
    expect(manifest.task_prompts.map((t) => t.task)).toEqual([...TASKS]);
    for (const t of manifest.task_prompts) {
      expect(fs.readFileSync(path.join(out, t.file), 'utf8')).toBe(fs.readFileSync(path.join('resources', t.source), 'utf8'));
      expect(manifest.files.some((f) => f.path === t.file && f.sha256 === t.sha256)).toBe(true);
    }
  });

  it('no identical (system, user) pair has two answers', () => {
    const answers = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = `${r.messages[0].content}\u0000${r.messages[1].content.trim().toLowerCase()}`;
      answers.set(key, (answers.get(key) ?? new Set()).add(r.messages[2].content));
    }
    expect([...answers.values()].filter((a) => a.size > 1)).toEqual([]);
  });

  it('every user turn that asks for a workflow is answered with one; tool questions get no workflow code', () => {
    const asking = rows.filter((r) => asksForWorkflow(r.messages[1].content, r.metadata.task as (typeof TASKS)[number]));
    expect(asking.length).toBeGreaterThan(100);
    const unanswered = asking.filter((r) => !r.messages[2].content.includes('## Workflow'));
    expect(unanswered.map((r) => r.messages[1].content)).toEqual([]);
    for (const r of rows.filter((r) => r.metadata.task === 'tool_selection')) {
      expect(mentionsWorkflow(r.messages[1].content)).toBe(false);
      expect(r.messages[2].content).not.toContain('```nextflow');
    }
    // the parse task's own frame asks for an intent, whatever the quoted request says
    for (const r of rows.filter((r) => r.metadata.task === 'intent_parsing')) {
      expect(r.messages[1].content.split('\n\n')[0]).toMatch(/intent|parse/i);
      expect(asksForWorkflow(r.messages[1].content, 'intent_parsing')).toBe(false);
    }
  });

  it('off-topic requests get a scope statement and under-specified ones a question naming what is missing, not an intent', () => {
    const cake = rows.filter((r) => /chocolate cake|weather/i.test(r.messages[1].content));
    expect(cake.length).toBeGreaterThan(0);
    for (const r of cake) {
      expect(r.messages[2].content).toMatch(/^That is outside what I can help with/);
      expect(r.messages[2].content).not.toContain('```json');
    }
    const vague = rows.filter((r) => /analy[sz]e my sequencing data|pipeline for my samples/i.test(r.messages[1].content));
    expect(vague.length).toBeGreaterThan(0);
    for (const r of vague) {
      expect(r.messages[2].content).toContain('**Which analysis**');
      expect(r.messages[2].content).toContain('**Organism**');
      expect(r.messages[2].content).not.toContain('```json');
    }
  });

  it('the quality report and the Hub card give tokens per task and a sequence length that cuts nothing', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'metadata', 'quality_report.json'), 'utf8'));
    const b = report.token_budget;
    expect(Object.keys(b.per_task).sort()).toEqual([...TASKS].sort());
    for (const s of Object.values(b.per_task) as { p50: number; p95: number; max: number }[]) expect(s.p50 <= s.p95 && s.p95 <= s.max).toBe(true);
    expect(b.recommended.axolotl_sequence_len).toBeGreaterThanOrEqual(b.all.max);
    expect(b.recommended.axolotl_sequence_len % 256).toBe(0);
    const card = fs.readFileSync(path.join(out, 'hub', 'README.md'), 'utf8');
    expect(card).toContain(`Axolotl \`sequence_len: ${b.recommended.axolotl_sequence_len}\``);
    expect(card).toContain(`LLaMA-Factory \`cutoff_len: ${b.recommended.llamafactory_cutoff_len}\``);
  });
});
