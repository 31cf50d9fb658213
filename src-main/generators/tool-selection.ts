import type { Knowledge } from '../knowledge/schemas';
import { selectTools } from '../tool-selector';
import { categoryOf } from './categories';
import { renderKeepingPlatform } from './keep-platform';
import type { ExampleSeed } from './example-factory';
import { baseIntentFor, varyIntent } from './intent-variants';
import { Rng } from './rng';
import { renderStated } from './stated-intent';
import { TOOL_FRAMES } from './tool-frames';
import { settleIntent } from '../knowledge/settle-intent';

export const TOOL_SELECTION_PER_GOLDEN = 20;

export interface IndexedSpec {
  goldenIndex: number;
  variant: number;
}

/** Interleaved plan: variant 0 of every golden query first, then variant 1, ... */
export function planPerGolden(kb: Knowledge, perGolden: number, count: number): IndexedSpec[] {
  const specs: IndexedSpec[] = [];
  const golden = kb.goldenQueries.filter((g) => g.expected_intent.analysis_type !== 'unknown');
  for (let variant = 0; variant < perGolden; variant++)
    for (let i = 0; i < golden.length; i++) specs.push({ goldenIndex: kb.goldenQueries.indexOf(golden[i]!), variant });
  // cycle further variants when more are asked than the plan holds
  for (let v = perGolden; specs.length < count; v++)
    for (let i = 0; i < golden.length && specs.length < count; i++) specs.push({ goldenIndex: kb.goldenQueries.indexOf(golden[i]!), variant: v });
  return specs.slice(0, count);
}

export function perGoldenId(prefix: string, kb: Knowledge, seed: number, spec: IndexedSpec): string {
  return `${prefix}-${seed}-${kb.goldenQueries[spec.goldenIndex]!.id}-${String(spec.variant).padStart(2, '0')}`;
}

export function toolSelectionSeed(kb: Knowledge, seed: number, spec: IndexedSpec): ExampleSeed {
  const golden = kb.goldenQueries[spec.goldenIndex]!;
  const rng = Rng.of(seed, 'tool_selection', golden.id, spec.variant);
  // the question asks which tools: tool-selection frames, never a request for workflow code
  const frame = rng.int(TOOL_FRAMES.length);
  const varied = { ...varyIntent(golden, kb, rng, spec.variant), confidence: 1, request_kind: 'tool_advice' as const };
  const { query, text } = renderKeepingPlatform(() => renderStated(TOOL_FRAMES[frame]!, varied, kb, rng), golden.query, kb);
  const intent = settleIntent(query.intent, kb, text);
  const tools = selectTools(intent, kb, text);
  return {
    id: perGoldenId('ts', kb, seed, spec),
    kind: 'tool_selection',
    groupId: baseIntentFor(kb, golden, spec.variant).id,
    baseId: golden.id,
    engine: 'template',
    category: categoryOf(kb, intent.analysis_type),
    analysisType: intent.analysis_type,
    difficulty: golden.difficulty,
    input: text,
    output: { intent, tools },
    groundTruth: intent,
    templateId: `tool-${String(frame).padStart(2, '0')}`,
  };
}
