import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../../src-main/knowledge/schemas';
import { makeExample } from '../../src-main/generators/example-factory';
import { renderTaskAnswer } from '../../src-main/task-contract/answer';
import { selectTools } from '../../src-main/tool-selector/index';
import { generateWorkflow } from '../../src-main/workflow-generator/index';

/** The generated project's files for an intent and its request text, with the tools the selector picks for that text. */
export function projectFor(kb: Knowledge, intent: Intent, text = ''): Record<string, string> {
  return generateWorkflow(intent, selectTools(intent, kb, text), kb, { text }).files;
}

/** A generated module's script block (from `script:` up to `stub:`). */
export const scriptOf = (module: string): string => module.slice(module.indexOf('    script:'), module.indexOf('    stub:'));

/** The rendered answer of a workflow example for an intent and its request text (tools the selector picks, the generated workflow). */
export function workflowAnswerFor(kb: Knowledge, intent: Intent, text: string, category = 'rna_seq'): string {
  const tools = selectTools(intent, kb, text);
  const example = makeExample({
    id: 'wf-1',
    kind: 'workflow',
    groupId: 'g',
    baseId: null,
    engine: 'test',
    category,
    analysisType: intent.analysis_type,
    difficulty: 2,
    input: text,
    output: { intent, tools, workflow: generateWorkflow(intent, tools, kb, { text }) },
  });
  return renderTaskAnswer(example, kb);
}
