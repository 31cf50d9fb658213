import { DATAFLOW_RULE_IDS } from './dataflow';
import { toResult } from './diagnostics';
import { type LintResult, lintProject } from './index';

/**
 * Whether dataflow findings fail a workflow in the build's validity gate, generation and the edit paths
 * (review, playground). On: the generator's workflows pass every dataflow rule (1,087 of 1,087 on the default
 * build). False reports them as warnings: shown, not counted.
 */
export const DATAFLOW_GATES = true;

/**
 * The check every generated or edited workflow passes before it can enter a dataset: the strict syntax
 * rules and the dataflow rule group over the whole project (main.nf, modules, bin/, templates/).
 */
export function checkWorkflow(files: Record<string, string>, dataflowGates = DATAFLOW_GATES): LintResult {
  const result = lintProject(files, 'main.nf');
  // generated and edited workflows take every file as an input: params in a script block fails them
  if (dataflowGates) return toResult(result.diagnostics.map((d) => (d.rule === 'params-in-script' ? { ...d, severity: 'error' as const } : d)));
  return toResult(result.diagnostics.map((d) => (DATAFLOW_RULE_IDS.has(d.rule) ? { ...d, severity: 'warning' as const } : d)));
}
