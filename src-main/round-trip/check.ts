import type { Example } from '../../src-preload/schemas/example';
import type { Intent, IntentDiff } from '../../src-preload/schemas/intent';
import { exampleContentHash } from '../generators/example-factory';

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
  if ((example.kind === 'query_variation' || example.kind === 'tool_selection' || example.kind === 'workflow') && example.ground_truth_intent) {
    parsed = deps.parse(example.input);
    diff = deps.diff(example.ground_truth_intent, parsed);
    if (diff.mismatches > 0) problems.push('intent mismatch');
  }
  for (const t of example.output.tools ?? []) if (!deps.toolIds.has(t.tool)) problems.push(`unknown tool ${t.tool}`);
  // the target confidence of a query the parser reads back exactly is the parser's calibrated confidence for
  // that wording (terse or typo-ridden requests get less than fully specified ones); otherwise it stays
  let output = example.output;
  if (parsed && diff && diff.mismatches === 0 && output.intent && example.source === 'synthetic') {
    output = { ...output, intent: { ...output.intent, confidence: Math.round(parsed.confidence * 100) / 100 } };
  }
  if (example.output.workflow && deps.lint(example.output.workflow.files).errorCount > 0) problems.push('invalid workflow');
  return {
    ...example,
    output,
    content_hash: output === example.output ? example.content_hash : exampleContentHash(example.kind, example.input, output),
    parsed_intent: parsed,
    intent_diff: diff,
    status: problems.length === 0 ? 'auto_validated' : 'needs_review',
  };
}
