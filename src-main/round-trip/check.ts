import type { Example } from '../../src-preload/schemas/example';
import type { Intent, IntentDiff } from '../../src-preload/schemas/intent';

export interface RoundTripDeps {
  parse(query: string): Intent;
  diff(expected: Intent, actual: Intent): IntentDiff;
  lint(files: Record<string, string>): { errorCount: number };
  toolIds: ReadonlySet<string>;
}

/**
 * The round-trip check on a freshly generated example: variations are parsed again and diffed field by
 * field against their ground truth (matches are auto-validated, mismatches go to review with the diff);
 * workflows must pass the validator; every named tool must exist in the catalog.
 */
export function roundTrip(example: Example, deps: RoundTripDeps): Example {
  const problems: string[] = [];
  let parsed: Intent | null = null;
  let diff: IntentDiff | null = null;
  if (example.kind === 'query_variation' && example.ground_truth_intent) {
    parsed = deps.parse(example.input);
    diff = deps.diff(example.ground_truth_intent, parsed);
    if (diff.mismatches > 0) problems.push('intent mismatch');
  }
  for (const t of example.output.tools ?? []) if (!deps.toolIds.has(t.tool)) problems.push(`unknown tool ${t.tool}`);
  if (example.output.workflow && deps.lint(example.output.workflow.files).errorCount > 0) problems.push('invalid workflow');
  return {
    ...example,
    parsed_intent: parsed,
    intent_diff: diff,
    status: problems.length === 0 ? 'auto_validated' : 'needs_review',
  };
}
