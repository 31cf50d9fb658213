import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import type { Rng } from './rng';
import { type RenderedQuery, renderStated } from './stated-intent';
import { framesOf } from './variation-frames';

/** A user request for an intent in one of the non-noisy styles, with the intent the request states. */
export function renderQuery(
  intent: Intent,
  kb: Knowledge,
  rng: Rng,
  style: VariationStyle = rng.pick(['formal', 'casual', 'detailed', 'minimal'] as const),
): RenderedQuery {
  const frames = framesOf(kb.requestWording)[style];
  const index = rng.int(frames.length);
  return { ...renderStated(frames[index]!, intent, kb, rng), templateId: `${style}-${String(index).padStart(2, '0')}` };
}
