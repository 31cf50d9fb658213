import { describe, expect, it } from 'vitest';
import { parseIntentWithRules } from '../../../src-main/intent-parser/rule-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { workflowComplete } from '../../../src-main/pipeline/facts';
import { selectTools } from '../../../src-main/tool-selector';
import { generateWorkflow } from '../../../src-main/workflow-generator';
import type { Example } from '../../../src-preload/schemas/example';

const kb = loadKnowledge();

function workflowExample(query: string): Example {
  const intent = parseIntentWithRules(query, kb);
  const tools = selectTools(intent, kb, query);
  return { kind: 'workflow', input: query, output: { intent, tools, workflow: generateWorkflow(intent, tools, kb) } } as unknown as Example;
}

describe('workflow completeness (quality report workflow_complete_rate)', () => {
  it('a generated workflow with every required step is complete; without the module of a required step it is not', () => {
    const example = workflowExample('RNA-seq differential expression for mouse liver, paired-end, 3 vs 3');
    expect(example.output.tools!.map((t) => t.tool)).toContain('deseq2');
    expect(workflowComplete(example, kb)).toBe(true);
    const files = { ...example.output.workflow!.files };
    for (const k of Object.keys(files)) if (k.startsWith('modules/deseq2/')) delete files[k];
    expect(workflowComplete({ ...example, output: { ...example.output, workflow: { ...example.output.workflow!, files } } } as Example, kb)).toBe(false);
  });
});
