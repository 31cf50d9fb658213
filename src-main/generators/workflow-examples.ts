import type { Knowledge } from '../knowledge/schemas';
import { selectTools } from '../tool-selector';
import { generateWorkflow } from '../workflow-generator';
import { askForWorkflow } from '../task-contract/asks';
import { categoryOf } from './categories';
import { settleIntent } from '../knowledge/settle-intent';
import { renderKeepingPlatform } from './keep-platform';
import type { ExampleSeed } from './example-factory';
import { baseIntentFor, varyIntent } from './intent-variants';
import { renderQuery } from './render-query';
import { Rng } from './rng';
import { type IndexedSpec, perGoldenId } from './tool-selection';

export const WORKFLOWS_PER_GOLDEN = 10;

/** Query -> intent -> tools -> Nextflow project; validity is checked by the round trip / pipeline. */
export function workflowSeed(kb: Knowledge, seed: number, spec: IndexedSpec): ExampleSeed {
  const golden = kb.goldenQueries[spec.goldenIndex]!;
  const rng = Rng.of(seed, 'workflow', golden.id, spec.variant);
  const varied = { ...varyIntent(golden, kb, rng, spec.variant), confidence: 1 };
  // the user turn asks for a workflow and keeps the platform the tool choice depends on
  const rendered = renderKeepingPlatform(() => renderQuery(varied, kb, rng, rng.pick(['formal', 'detailed', 'casual'] as const)), golden.query, kb);
  const query = rendered.query;
  const text = askForWorkflow(rendered.text, spec.variant);
  const intent = settleIntent(query.intent, kb, text);
  const tools = selectTools(intent, kb, text);
  const workflow = generateWorkflow(intent, tools, kb, { text });
  return {
    id: perGoldenId('wf', kb, seed, spec),
    kind: 'workflow',
    groupId: baseIntentFor(kb, golden, spec.variant).id,
    baseId: golden.id,
    engine: 'template',
    category: categoryOf(kb, intent.analysis_type),
    analysisType: intent.analysis_type,
    difficulty: Math.min(3, golden.difficulty + (spec.variant % 4 === 0 ? 0 : 1)),
    input: text,
    output: { intent, tools, workflow },
    groundTruth: intent,
    templateId: query.templateId ?? null,
  };
}
