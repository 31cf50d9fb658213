import type { VariationStyle } from '../../src-preload/schemas/example';
import { VariationStyleSchema } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import type { GoldenQuery, Knowledge } from '../knowledge/schemas';
import { settleIntent } from '../knowledge/settle-intent';
import { asStated } from '../task-contract/stated-analysis';
import { contract } from './contractions';
import type { ExampleSeed } from './example-factory';
import { type BaseIntent, baseIntents } from './intent-variants';
import { Rng } from './rng';
import { type RenderedQuery, renderStated } from './stated-intent';
import { addTypos } from './typos';
import { unknownVariationTexts } from './unknown-frames';
import { type Frame, framesOf } from './variation-frames';

export const STYLES: readonly VariationStyle[] = VariationStyleSchema.options;
export const VARIATIONS_PER_STYLE = 10;

export interface VariationSpec {
  /** the golden query the base intent descends from */
  golden: GoldenQuery;
  base: BaseIntent;
  style: VariationStyle;
  index: number;
}

/**
 * Plan order interleaves base intents and styles so any prefix is balanced over both (the plan's equal
 * share per style): round r holds the r-th variation of every base intent in every style, and its j-th
 * pass over the bases gives base b the style (b + j) mod 5, so consecutive items cycle through the styles.
 * Asking for more than the rounds hold continues with further rounds (the build asks for more when
 * filtering left a kind short of its target).
 */
export function planVariations(kb: Knowledge, count: number): VariationSpec[] {
  const specs: VariationSpec[] = [];
  const bases = baseIntents(kb);
  for (let index = 0; specs.length < count; index++)
    for (let pass = 0; pass < STYLES.length; pass++)
      for (let b = 0; b < bases.length; b++) {
        if (specs.length >= count) return specs;
        const base = bases[b]!;
        specs.push({ golden: base.golden, base, style: STYLES[(b + pass) % STYLES.length]!, index });
      }
  return specs;
}

export function variationId(seed: number, spec: VariationSpec): string {
  return `qv-${seed}-${spec.base.id}-${spec.style}-${String(spec.index).padStart(2, '0')}`;
}

/**
 * Renders one variation and the intent its text states; the same (seed, golden, style, index) always
 * gives the same result.
 */
export function renderVariation(kb: Knowledge, seed: number, spec: VariationSpec): RenderedQuery {
  const frames = Rng.of(seed, spec.base.id, spec.style, 'frames').shuffle(framesOf(kb.requestWording)[spec.style].map((_, i) => i));
  const seen = new Set<string>();
  // earlier indices of the same style take earlier frames; identical renderings are retried with a new draw
  for (let i = 0; i < spec.index; i++) seen.add(renderOnce(kb, seed, spec, frames, i, 0).text);
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = renderOnce(kb, seed, spec, frames, spec.index, attempt);
    if (!seen.has(r.text)) return r;
  }
  return renderOnce(kb, seed, spec, frames, spec.index, 6);
}

function renderOnce(kb: Knowledge, seed: number, spec: VariationSpec, frames: number[], index: number, attempt: number): RenderedQuery {
  const rng = Rng.of(seed, spec.base.id, spec.style, index, attempt);
  const frameIndex = frames[(index + attempt) % frames.length]!;
  const frame: Frame = framesOf(kb.requestWording)[spec.style][frameIndex]!;
  const r: RenderedQuery =
    spec.base.request !== undefined
      ? { text: pickUnknown(seed, spec, index + attempt), intent: spec.base.intent, templateId: `off-topic-${spec.style}` }
      : { ...renderStated(frame, spec.base.intent, kb, rng), templateId: `${spec.style}-${String(frameIndex).padStart(2, '0')}` };
  if (spec.style === 'edge_case') return { ...r, text: addTypos(r.text, rng, 1 + rng.int(2)) };
  // half of the casual and detailed writers contract ("I'm", "we're", "don't"); formal ones never do
  const contracts = (spec.style === 'casual' || spec.style === 'detailed') && Rng.of(seed, spec.base.id, spec.style, index, attempt, 'contractions').chance(0.5);
  return contracts ? { ...r, text: contract(r.text, kb.requestWording) } : r;
}

/** An engine's text states its own needs: a rewrite that drops "V4" leaves the 16S region open. */
const withNeedsOf = (intent: Intent, text: string, kb: Knowledge): Intent => settleIntent(intent, kb, text);

/** An LLM engine passes its own text, whose stated intent is the base query's. */
function pickUnknown(seed: number, spec: VariationSpec, n: number): string {
  const texts = unknownVariationTexts(spec.base.request ?? spec.golden.query, spec.style, Rng.of(seed, spec.base.id, spec.style, 'unknown'));
  return texts[n % texts.length]!;
}

export function variationSeed(kb: Knowledge, seed: number, spec: VariationSpec, engine = 'template', text?: string): ExampleSeed {
  const g = spec.golden;
  // an engine's own text that drops the analysis ("long reads rice") states none: its answer asks for it
  const rendered: RenderedQuery =
    text === undefined ? renderVariation(kb, seed, spec) : { text, intent: withNeedsOf(asStated(spec.base.intent, text, kb), text, kb), templateId: `${engine}-${spec.style}` };
  return {
    id: variationId(seed, spec),
    kind: 'query_variation',
    groupId: spec.base.id,
    baseId: g.id,
    style: spec.style,
    engine,
    category: g.category,
    analysisType: g.expected_intent.analysis_type,
    difficulty: spec.style === 'edge_case' ? Math.min(3, g.difficulty + 1) : g.difficulty,
    input: rendered.text,
    output: { intent: rendered.intent },
    groundTruth: rendered.intent,
    templateId: rendered.templateId ?? null,
  };
}
