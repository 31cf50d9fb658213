import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameRequest, loadTaskPrompts, parseTaskPrompt } from '../../../src-main/task-contract/prompts';
import { TASKS, taskOf } from '../../../src-main/task-contract/tasks';
import { tempDir } from '../../support/serve';

describe('task prompts (resources/prompts/tasks)', () => {
  it('every task has its own system prompt; only intent parsing frames the request', () => {
    const prompts = loadTaskPrompts();
    expect([...prompts.keys()]).toEqual([...TASKS]);
    const systems = [...prompts.values()].map((p) => p.system);
    expect(new Set(systems).size).toBe(TASKS.length);
    expect(prompts.get('intent_parsing')!.frames.length).toBeGreaterThanOrEqual(3);
    for (const t of TASKS.filter((t) => t !== 'intent_parsing')) expect(prompts.get(t)!.frames).toEqual([]);
    expect(prompts.get('workflow_generation')!.file).toBe('prompts/tasks/workflow_generation.md');
    expect(prompts.get('tool_selection')!.system).toMatch(/Do not\s+write workflow code/);
  });

  it('a request always reads the same under its frame, quoted whole', () => {
    const p = loadTaskPrompts().get('intent_parsing')!;
    const q = 'ATAC-seq for mouse T cells, paired-end';
    expect(frameRequest(p, q)).toBe(frameRequest(p, `  ${q} `));
    expect(frameRequest(p, q)).toContain(q);
    expect(frameRequest(p, q)).not.toContain('{{');
  });

  it('each kind maps to its task; an interaction teaches what its answer holds', () => {
    expect(taskOf({ kind: 'query_variation', output: {} })).toBe('intent_parsing');
    expect(taskOf({ kind: 'workflow', output: {} })).toBe('workflow_generation');
    expect(taskOf({ kind: 'interaction', output: { workflow: { files: { 'main.nf': 'x' } } } })).toBe('workflow_generation');
    expect(taskOf({ kind: 'interaction', output: { tools: [{ tool: 'star', rationale: 'x' }] } })).toBe('tool_selection');
  });

  it('a broken prompt file is an error naming the file and the problem', () => {
    expect(() => parseTaskPrompt('intent_parsing', 'x.md', '## system\nYou parse requests into intents for a workflow assistant.\n## user\nParse {{request}} and {{request}}'))
      .toThrow('x.md: user frame 1: each user frame must hold {{request}} exactly once');
    expect(() => parseTaskPrompt('intent_parsing', 'x.md', '## system\nYou parse requests into intents for a workflow assistant.\n## user\nParse {{query}}: {{request}}'))
      .toThrow('x.md: user frame 1: the only placeholder a user frame may use is {{request}}');
    expect(() => parseTaskPrompt('education', 'e.md', '## user\nhello {{request}}')).toThrow("e.md: missing the '## system' section");
    expect(() => parseTaskPrompt('education', 'e.md', '## system\ntoo short')).toThrow('e.md: system: the system prompt is missing or shorter than 40 characters');
    expect(() => parseTaskPrompt('education', 'e.md', '## system\nYou are a teacher who answers questions about tools.\n## user\nQ: {{request}}')).toThrow(
      "e.md: task 'education' takes no user frames",
    );
    const dir = tempDir('biotrain-prompts-');
    for (const t of TASKS.filter((t) => t !== 'error_diagnosis')) fs.copyFileSync(path.join(loadTaskPrompts().get(t)!.file.replace(/^/, 'resources/')), path.join(dir, `${t}.md`));
    expect(() => loadTaskPrompts(dir)).toThrow(`${path.join(dir, 'error_diagnosis.md')}: task prompt file missing (expected for 'error_diagnosis')`);
  });
});
