import type { Intent } from '../../src-preload/schemas/intent';
import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import type { Rng } from './rng';
import { buildSlots } from './slots';
import { FRAMES } from './variation-frames';

/** A user request for an intent in one of the non-noisy styles. */
export function renderQuery(intent: Intent, kb: Knowledge, rng: Rng, style: VariationStyle = rng.pick(['formal', 'casual', 'detailed', 'minimal'] as const)): string {
  const frame = rng.pick(FRAMES[style]);
  return frame(buildSlots(intent, kb, rng), rng);
}
