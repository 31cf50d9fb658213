import type { Intent } from '../../src-preload/schemas/intent';
import type { GoldenQuery, Knowledge } from '../knowledge/schemas';
import type { Rng } from './rng';

const CONSTRAINTS = ['low_memory', 'no_docker', 'fast', 'singularity'] as const;

/**
 * A plausible variant of a golden query's intent for tool-selection and workflow examples: another
 * typical organism, another read layout, an added constraint, or a requested alternative tool.
 */
export function varyIntent(golden: GoldenQuery, kb: Knowledge, rng: Rng, variant: number): Intent {
  const base = golden.expected_intent;
  const intent: Intent = structuredClone(base);
  if (variant === 0 || base.analysis_type === 'unknown') return intent;
  const type = kb.analysisTypeById.get(base.analysis_type);
  const change = variant % 4;
  if (change === 1 && type && type.typical_organisms.length > 0) {
    const orgId = rng.pick(type.typical_organisms);
    const org = kb.organismById.get(orgId);
    if (org) {
      intent.organism = { id: org.id, scientific_name: org.scientific_name, genome_build: org.genome_build };
      intent.missing_information = intent.missing_information.filter((m) => m !== 'organism');
    }
  } else if (change === 2 && base.read_layout !== 'unknown') {
    intent.read_layout = base.read_layout === 'paired' ? 'single' : 'paired';
  } else if (change === 3) {
    const c = rng.pick(CONSTRAINTS);
    if (!intent.constraints.includes(c)) intent.constraints = [...intent.constraints, c].sort();
  } else if (type) {
    const alternatives = [...type.recommended_tools, ...type.optional_tools].filter(
      (t) => kb.toolById.has(t) && !type.required_tools.includes(t) && !intent.requested_tools.includes(t),
    );
    if (alternatives.length > 0) intent.requested_tools = [...intent.requested_tools, rng.pick(alternatives)];
  }
  return intent;
}
