import type { Interaction, Modifications } from '../../src-preload/schemas/interaction';

/** True when the modifications object changes at least one field. */
export function hasModifications(m: Modifications | null | undefined): boolean {
  return m != null && (m.intent !== undefined || m.tools !== undefined || m.workflow !== undefined);
}

/**
 * Quality score of an interaction (plan 2.3): 0.5 base; +0.2 if the logged intent's confidence is above 0.8;
 * +0.2 if the feedback is 'accept' without modifications; +0.1 if execution succeeded; at most 1.0.
 * Summed in tenths so the results are exact decimals (0.9, not 0.8999999999999999).
 */
export function qualityScore(i: Pick<Interaction, 'intent' | 'feedback' | 'modifications' | 'execution_success'>): number {
  let tenths = 5;
  if (i.intent && i.intent.confidence > 0.8) tenths += 2;
  if (i.feedback === 'accept' && !hasModifications(i.modifications)) tenths += 2;
  if (i.execution_success === true) tenths += 1;
  return Math.min(10, tenths) / 10;
}
