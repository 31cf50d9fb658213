import type { VariationStyle } from '../../src-preload/schemas/example';
import { VariationStyleSchema } from '../../src-preload/schemas/example';
import type { GoldenQuery, Knowledge } from '../knowledge/schemas';
import type { ExampleSeed } from './example-factory';
import { Rng } from './rng';
import { type RenderedQuery, renderStated } from './stated-intent';
import { addTypos } from './typos';
import { unknownVariationTexts } from './unknown-frames';
import { FRAMES, type Frame } from './variation-frames';

export const STYLES: readonly VariationStyle[] = VariationStyleSchema.options;
export const VARIATIONS_PER_STYLE = 10;

export interface VariationSpec {
  golden: GoldenQuery;
  style: VariationStyle;
  index: number;
}

/** Plan order interleaves golden queries and styles so a partial count stays balanced. */
export function planVariations(kb: Knowledge, count: number): VariationSpec[] {
  const specs: VariationSpec[] = [];
  for (let index = 0; index < VARIATIONS_PER_STYLE; index++)
    for (const style of STYLES) for (const golden of kb.goldenQueries) specs.push({ golden, style, index });
  return specs.slice(0, count);
}

export function variationId(seed: number, spec: VariationSpec): string {
  return `qv-${seed}-${spec.golden.id}-${spec.style}-${String(spec.index).padStart(2, '0')}`;
}

/**
 * Renders one variation and the intent its text states; the same (seed, golden, style, index) always
 * gives the same result.
 */
export function renderVariation(kb: Knowledge, seed: number, spec: VariationSpec): RenderedQuery {
  const frames = Rng.of(seed, spec.golden.id, spec.style, 'frames').shuffle(FRAMES[spec.style]);
  const seen = new Set<string>();
  // earlier indices of the same style take earlier frames; identical renderings are retried with a new draw
  for (let i = 0; i < spec.index; i++) seen.add(renderOnce(kb, seed, spec, frames, i, 0).text);
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = renderOnce(kb, seed, spec, frames, spec.index, attempt);
    if (!seen.has(r.text)) return r;
  }
  return renderOnce(kb, seed, spec, frames, spec.index, 6);
}

function renderOnce(kb: Knowledge, seed: number, spec: VariationSpec, frames: Frame[], index: number, attempt: number): RenderedQuery {
  const rng = Rng.of(seed, spec.golden.id, spec.style, index, attempt);
  const frame = frames[(index + attempt) % frames.length]!;
  const r =
    spec.golden.expected_intent.analysis_type === 'unknown'
      ? { text: pickUnknown(seed, spec, index + attempt), intent: spec.golden.expected_intent }
      : renderStated(frame, spec.golden.expected_intent, kb, rng);
  return spec.style === 'edge_case' ? { ...r, text: addTypos(r.text, rng, 1 + rng.int(2)) } : r;
}

/** An LLM engine passes its own text, whose stated intent is the base query's. */
function pickUnknown(seed: number, spec: VariationSpec, n: number): string {
  const texts = unknownVariationTexts(spec.golden.query, spec.style, Rng.of(seed, spec.golden.id, spec.style, 'unknown'));
  return texts[n % texts.length]!;
}

export function variationSeed(kb: Knowledge, seed: number, spec: VariationSpec, engine = 'template', text?: string): ExampleSeed {
  const g = spec.golden;
  const rendered = text === undefined ? renderVariation(kb, seed, spec) : { text, intent: g.expected_intent };
  return {
    id: variationId(seed, spec),
    kind: 'query_variation',
    groupId: g.id,
    baseId: g.id,
    style: spec.style,
    engine,
    category: g.category,
    analysisType: g.expected_intent.analysis_type,
    difficulty: spec.style === 'edge_case' ? Math.min(3, g.difficulty + 1) : g.difficulty,
    input: rendered.text,
    output: { intent: rendered.intent },
    groundTruth: rendered.intent,
  };
}
