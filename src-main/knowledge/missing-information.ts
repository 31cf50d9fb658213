import type { Intent } from '../../src-preload/schemas/intent';
import type { AnalysisType } from './schemas';

/** Analysis types whose result is a comparison between conditions, so a workflow needs the groups. */
const NEEDS_COMPARISON = new Set(['rna_seq_de', 'alternative_splicing']);

/**
 * What a request leaves open that a workflow needs: the analysis type when unknown, the organism when the
 * analysis is reference-based (its type lists typical organisms), the comparison for differential analyses.
 * One definition shared by the parser and the golden-query loader.
 */
export function missingInformation(
  intent: Pick<Intent, 'analysis_type' | 'organism' | 'comparison'>,
  type: AnalysisType | undefined,
): string[] {
  if (intent.analysis_type === 'unknown') return intent.organism ? ['analysis_type'] : ['analysis_type', 'organism'];
  const missing: string[] = [];
  if (!intent.organism && type && type.typical_organisms.length > 0) missing.push('organism');
  if (!intent.comparison && NEEDS_COMPARISON.has(intent.analysis_type)) missing.push('comparison');
  return missing;
}
