import type { Diagnostic } from '../diagnostics';
import type { DataflowContext, DataflowRule } from './context';
import { collectedCollisions } from './rules/collected-collisions';
import { emitNamesRule } from './rules/emit-names';
import { inputShapes } from './rules/input-shapes';
import { outputWritten } from './rules/output-written';
import { paramsInScript } from './rules/params-in-script';
import { readLayout } from './rules/read-layout';
import { retryScaling } from './rules/retry-scaling';
import { scriptShipped } from './rules/script-shipped';

export type { DataflowContext, ProjectFiles } from './context';
export { fileModel } from './model';

/** The dataflow rule group, in the order their diagnostics are produced. */
export const DATAFLOW_RULES: readonly DataflowRule[] = [outputWritten, paramsInScript, scriptShipped, emitNamesRule, inputShapes, readLayout, collectedCollisions, retryScaling];

/** Every rule id of the group (for `lint-nf --json` readers and the build's gate). */
export const DATAFLOW_RULE_IDS: ReadonlySet<string> = new Set(DATAFLOW_RULES.flatMap((r) => r.ids));

/** Runs every dataflow rule over a project; a rule that throws reports one internal error, not a crash. */
export function runDataflow(ctx: DataflowContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of DATAFLOW_RULES) {
    try {
      out.push(...rule.check(ctx));
    } catch (err) {
      const file = ctx.files[0]?.file ?? 'main.nf';
      out.push({ file, line: 1, column: 1, severity: 'error', rule: 'internal-error', message: `internal error in dataflow rule ${rule.ids[0]}: ${(err as Error).message}` });
    }
  }
  return out;
}
