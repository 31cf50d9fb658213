import { DATAFLOW_RULE_IDS } from './dataflow';
import { toResult } from './diagnostics';
import { type LintResult, lintProject } from './index';

/**
 * Whether dataflow findings fail a workflow in the build's validity gate, generation and the edit paths
 * (review, playground). While false they are reported as warnings: shown, not counted. Switched on once
 * the workflow generator produces workflows that pass the dataflow rules (issue 15).
 */
export const DATAFLOW_GATES = false;

/**
 * The check every generated or edited workflow passes before it can enter a dataset: the strict syntax
 * rules and the dataflow rule group over the whole project (main.nf, modules, bin/, templates/).
 */
export function checkWorkflow(files: Record<string, string>, dataflowGates = DATAFLOW_GATES): LintResult {
  const result = lintProject(files, 'main.nf');
  if (dataflowGates) return result;
  return toResult(result.diagnostics.map((d) => (DATAFLOW_RULE_IDS.has(d.rule) ? { ...d, severity: 'warning' as const } : d)));
}
