import type { Gate, QualityMetrics } from '../../src-preload/schemas/build';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function gate(name: string, value: number | null, threshold: number, display = value === null ? 'n/a' : pct(value)): Gate {
  const result = value === null ? 'n/a' : value + 1e-12 >= threshold ? 'pass' : 'fail';
  return { name, value, threshold, display, result };
}

/** The plan's minimum thresholds (3.3). Acceptance only applies when interactions carry feedback. */
export function qualityGates(m: QualityMetrics): Gate[] {
  return [
    gate('intent parse rate', m.intent_parse_rate, 0.95),
    gate('workflow validity', m.workflow_valid_rate, 1),
    gate('tool coverage', m.tool_coverage, 0.9, `${pct(m.tool_coverage)} (${m.tools_covered}/${m.tools_in_catalog})`),
    gate('category coverage', m.category_coverage, 1, `${pct(m.category_coverage)} (${m.categories_covered}/${m.categories_total})`),
    gate('acceptance rate', m.acceptance_rate, 0.8, m.acceptance_rate === null ? `n/a (no interactions with feedback)` : pct(m.acceptance_rate)),
  ];
}

/** One line per failed gate, saying what was measured and what is required. */
export function gateFailures(gates: readonly Gate[]): string[] {
  return gates
    .filter((g) => g.result === 'fail')
    .map((g) => `${g.name} is ${g.display}, the minimum is ${pct(g.threshold)}`);
}
