import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

/** A workflow answer and its files, for one analysis type and layout. */
function workflowAnswer(type: string, over: Partial<Intent> = {}, text = '') {
  const base = intentOf(kb, type, over);
  const intent = { ...base, missing_information: missingInformation(base, kb, text) };
  const tools = selectTools(intent, kb, text);
  const workflow = generateWorkflow(intent, tools, kb, { text });
  const answer = renderTaskAnswer(makeExample({ id: 'wf-1', kind: 'workflow', groupId: 'g', baseId: null, engine: 'test', category: 'x', analysisType: type, difficulty: 2, input: text, output: { intent, tools, workflow } }), kb);
  const line = (name: string) => answer.split('\n').find((l) => l.includes(`**${name}** - `)) ?? '';
  return { tools: tools.map((t) => t.tool), line, files: Object.values(workflow.files).join('\n') };
}

describe("an answer's text says what its code does (issue 16 leftover 2)", () => {
  it('a Bowtie2 said to align end to end runs in end-to-end mode (no --local in its command or ext.args)', () => {
    const wrong: string[] = [];
    for (const t of kb.analysisTypes)
      for (const read_layout of ['paired', 'single'] as const) {
        const a = workflowAnswer(t.id, { read_layout });
        if (/end to end/.test(a.line('Bowtie2')) && /--(?:very-sensitive-)?local\b|--(?:very-)?(?:fast|sensitive)-local\b/.test(a.files)) wrong.push(`${t.id} ${read_layout}`);
      }
    expect(wrong).toEqual([]);
  });

  it('a tool said to compute diversity or call loops has a command that does', () => {
    const wrong: string[] = [];
    for (const t of kb.analysisTypes) {
      const a = workflowAnswer(t.id);
      for (const id of a.tools) {
        const tool = kb.toolById.get(id)!;
        const line = a.line(tool.name);
        if (/for [^.]*diversity/i.test(line) && !/qiime diversity/.test(a.files)) wrong.push(`${t.id} ${tool.name}: diversity`);
        if (/for [^.]*loops|(?:with|and) loop|calls? loops|loop (?:calling|\(HiCCUPS\) and)/i.test(line) && !/hiccups|mustache|chromosight/i.test(a.files)) wrong.push(`${t.id} ${tool.name}: loops`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the Juicer of a Hi-C request says it builds the .hic file, not that loops are called', () => {
    const a = workflowAnswer('hic', { requested_tools: ['juicer'] }, 'Hi-C with Juicer');
    expect(a.tools).toContain('juicer');
    expect(a.line('Juicer')).toMatch(/\.hic/);
    expect(a.line('Juicer')).not.toMatch(/with loop \(HiCCUPS\) and domain \(Arrowhead\) calling/);
  });
});
