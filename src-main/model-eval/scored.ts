import type { Metrics } from '../../src-preload/schemas/model-eval';

/** What the checkers of one answer write into: metric values and diagnostics, in checker order. */
export interface Scored {
  metrics: Metrics;
  diagnostics: string[];
}

export function emptyScored(): Scored {
  return { metrics: {}, diagnostics: [] };
}
