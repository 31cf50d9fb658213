import type { Example, ExampleKind } from '../../src-preload/schemas/example';

/** The tasks a training example teaches; each has its own system prompt in resources/prompts/tasks/. */
export const TASKS = ['intent_parsing', 'tool_selection', 'workflow_generation', 'education', 'error_diagnosis'] as const;
export type Task = (typeof TASKS)[number];

const BY_KIND: Record<Exclude<ExampleKind, 'interaction'>, Task> = {
  query_variation: 'intent_parsing',
  tool_selection: 'tool_selection',
  workflow: 'workflow_generation',
  education: 'education',
  error_diagnosis: 'error_diagnosis',
};

/** The task of an example: fixed by its kind; a logged interaction teaches what its answer holds. */
export function taskOf(example: Pick<Example, 'kind' | 'output'>): Task {
  if (example.kind !== 'interaction') return BY_KIND[example.kind];
  const o = example.output;
  if (o.workflow) return 'workflow_generation';
  if (o.tools && o.tools.length > 0) return 'tool_selection';
  if (o.diagnosis) return 'error_diagnosis';
  if (o.explanation) return 'education';
  return 'intent_parsing';
}
