import { sha256Hex } from '../util/canonical-json';
import type { Intent } from '../../src-preload/schemas/intent';
import type { Example, ExampleKind, ExampleOutput, VariationStyle } from '../../src-preload/schemas/example';

/** Fixed timestamp so generated examples (and every export of them) are byte-identical for a seed. */
export const GENERATED_AT = '2026-01-01T00:00:00.000Z';

export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function exampleContentHash(kind: ExampleKind, input: string, output: ExampleOutput): string {
  return sha256Hex(`${kind}\u0000${normalizeText(input)}\u0000${JSON.stringify(output)}`);
}

export interface ExampleSeed {
  id: string;
  kind: ExampleKind;
  groupId: string;
  baseId: string | null;
  style?: VariationStyle | null;
  engine: string;
  category: string;
  analysisType: string;
  difficulty: number;
  input: string;
  output: ExampleOutput;
  groundTruth?: Intent | null;
  source?: Example['source'];
  /** the frame or template the input was rendered from */
  templateId?: string | null;
}

/** Builds a synthetic example with the derived fields filled in; round-trip fields are set later. */
export function makeExample(s: ExampleSeed): Example {
  return {
    id: s.id,
    kind: s.kind,
    source: s.source ?? 'synthetic',
    group_id: s.groupId,
    base_id: s.baseId,
    style: s.style ?? null,
    engine: s.engine,
    category: s.category,
    analysis_type: s.analysisType,
    difficulty: Math.min(3, Math.max(1, Math.round(s.difficulty))),
    input: s.input,
    output: s.output,
    ground_truth_intent: s.groundTruth ?? null,
    parsed_intent: null,
    intent_diff: null,
    status: 'pending',
    split: null,
    quality_score: null,
    template_id: s.templateId ?? null,
    content_hash: exampleContentHash(s.kind, s.input, s.output),
    created_at: GENERATED_AT,
  };
}
