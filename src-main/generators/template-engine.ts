import type { Knowledge } from '../knowledge/schemas';
import { educationId, educationSeed, planEducation } from './education';
import { errorId, errorSeed, planErrors } from './error-diagnosis';
import type { ExampleSeed } from './example-factory';
import type { GeneratedKind } from './targets';
import { perGoldenId, planPerGolden, TOOL_SELECTION_PER_GOLDEN, toolSelectionSeed } from './tool-selection';
import { planVariations, variationId, variationSeed } from './variations';
import { WORKFLOWS_PER_GOLDEN, workflowSeed } from './workflow-examples';

/** A deterministic list of items for a kind: item i always renders the same example for a seed. */
export interface ItemPlan<S = unknown> {
  specs: S[];
  /** cheap: no rendering, so a resumed job can skip stored items */
  id(index: number): string;
  render(index: number): ExampleSeed;
}

function plan<S>(kb: Knowledge, seed: number, specs: S[], idOf: (spec: S) => string, seedOf: (kb: Knowledge, seed: number, spec: S) => ExampleSeed): ItemPlan<S> {
  return { specs, id: (i) => idOf(specs[i]!), render: (i) => seedOf(kb, seed, specs[i]!) };
}

export function planTemplateItems(kb: Knowledge, kind: GeneratedKind, count: number, seed: number): ItemPlan {
  switch (kind) {
    case 'query_variation':
      return plan(kb, seed, planVariations(kb, count), (s) => variationId(seed, s), variationSeed);
    case 'tool_selection':
      return plan(kb, seed, planPerGolden(kb, TOOL_SELECTION_PER_GOLDEN, count), (s) => perGoldenId('ts', kb, seed, s), toolSelectionSeed);
    case 'workflow':
      return plan(kb, seed, planPerGolden(kb, WORKFLOWS_PER_GOLDEN, count), (s) => perGoldenId('wf', kb, seed, s), workflowSeed);
    case 'education':
      return plan(kb, seed, planEducation(kb, count), (s) => educationId(seed, s), educationSeed);
    case 'error_diagnosis':
      return plan(kb, seed, planErrors(kb, count), (s) => errorId(seed, s), errorSeed);
  }
}
