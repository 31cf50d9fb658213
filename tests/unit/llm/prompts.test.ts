import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAllPrompts, loadPrompt, PROMPT_PLACEHOLDERS, parsePromptFile, renderPrompt } from '../../../src-main/llm/prompts';
import { tempDir } from '../../support/serve';

const FILE = '/x/prompts/education.md';

describe('prompt templates', () => {
  it('loads every shipped prompt with exactly its placeholders', () => {
    const prompts = loadAllPrompts();
    expect(prompts.map((p) => p.name)).toEqual(Object.keys(PROMPT_PLACEHOLDERS));
    for (const p of prompts) {
      expect(p.system.length).toBeGreaterThan(50);
      expect(p.system).toMatch(/JSON only/);
    }
  });

  it('names the file and the placeholder that is unknown or missing', () => {
    expect(() => parsePromptFile('education', FILE, '## system\nTeach.\n## user\n{{question}} {{refernce}}')).toThrow(
      '/x/prompts/education.md: unknown placeholder(s) {{refernce}}; missing placeholder(s) {{reference}} (expected exactly: question, reference)',
    );
    expect(() => parsePromptFile('education', FILE, '## user\n{{question}} {{reference}}')).toThrow(`${FILE}: missing the '## system' section`);
    expect(() => parsePromptFile('education', FILE, '## system\n\n## user\n{{question}} {{reference}}')).toThrow(`${FILE}: the '## system' section is empty`);
  });

  it('reports a missing prompt file by path', () => {
    const dir = tempDir('biotrain-prompts-');
    expect(() => loadPrompt('workflow', dir)).toThrow(`${path.join(dir, 'workflow.md')}: prompt file missing (expected for 'workflow')`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ignores the note before ## system and fills values once, without expanding braces inside them', () => {
    const p = parsePromptFile('education', FILE, 'a note with {{nothing}}\n## system\nTeach {{question}}.\n## user\nQ: {{question}}\nR: {{reference}}\n');
    expect(renderPrompt(p, { question: 'What is {{reference}}?', reference: 'facts' })).toEqual([
      { role: 'system', content: 'Teach What is {{reference}}?.' },
      { role: 'user', content: 'Q: What is {{reference}}?\nR: facts' },
    ]);
  });
});
