import type { Example } from '../../src-preload/schemas/example';
import { type Intent, IntentSchema } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { renderAnswer } from '../export/answer';
import { analysisCues, statesAnalysis } from '../task-contract/stated-analysis';
import { languageQuality } from './language-quality';
import { type PiiKind, scrubPii } from './pii';

export type RuleAction = 'keep' | 'reject' | 'review';

export interface RuleOutcome {
  action: RuleAction;
  /** one entry per failed rule: `rule: detail` */
  reasons: string[];
  pii: PiiKind[];
  /** for query kinds: did the rule parser read the query as the target's analysis type */
  parsedOk: boolean | null;
  /** for query kinds: what the rule parser read (its confidence feeds the metrics) */
  parsed: Intent | null;
  workflowErrors: number | null;
}

export interface RuleDeps {
  kb: Knowledge;
  parse(query: string): Intent;
  lint(files: Record<string, string>): { errorCount: number; diagnostics: { file: string; line: number; rule: string; message: string }[] };
}

const QUERY_KINDS = new Set(['query_variation', 'tool_selection', 'workflow', 'interaction']);

/** The plan's validation rules (3.1), each with its action: reject, review, or scrub and keep. */
export function checkExample(example: Example, deps: RuleDeps): RuleOutcome {
  const reject: string[] = [];
  const review: string[] = [];
  const { output } = example;
  let parsedOk: boolean | null = null;
  let parsed: Intent | null = null;

  // Intent Parseable (reject): the target intent is a valid intent of a known analysis type
  if (output.intent) {
    const valid = IntentSchema.safeParse(output.intent);
    if (!valid.success) reject.push(`intent_parseable: ${valid.error.issues[0]?.path.join('.')}: ${valid.error.issues[0]?.message}`);
    else if (output.intent.analysis_type !== 'unknown' && !deps.kb.analysisTypeById.has(output.intent.analysis_type))
      reject.push(`intent_parseable: unknown analysis type '${output.intent.analysis_type}'`);
  } else if (QUERY_KINDS.has(example.kind)) reject.push('intent_parseable: no target intent');
  if (QUERY_KINDS.has(example.kind) && output.intent) {
    parsed = deps.parse(example.input);
    parsedOk = parsed.analysis_type === output.intent.analysis_type;
  }

  // Workflow Valid (reject)
  let workflowErrors: number | null = null;
  if (output.workflow) {
    const lint = deps.lint(output.workflow.files);
    workflowErrors = lint.errorCount;
    if (lint.errorCount > 0) {
      const d = lint.diagnostics[0]!;
      reject.push(`workflow_valid: ${lint.errorCount} error(s), first ${d.file}:${d.line} [${d.rule}] ${d.message}`);
    }
  } else if (example.kind === 'workflow') reject.push('workflow_valid: no workflow');

  // Tools Mapped (reject)
  const named = [...(output.tools ?? []).map((t) => t.tool), ...(output.intent?.requested_tools ?? [])];
  const unknown = [...new Set(named.filter((t) => !deps.kb.toolById.has(t)))];
  if (unknown.length > 0) reject.push(`tools_mapped: not in the catalog: ${unknown.join(', ')}`);

  // No PII (scrub): reported here, applied to the text at export
  // checked on the answer as it is exported, which holds every field of the output
  const answer = scrubPii(renderAnswer(example, deps.kb));
  const pii = [...new Set([...scrubPii(example.input).found, ...answer.found])].sort();

  // an example without an answer cannot be trained on (trainers skip or reject blank turns)
  if (answer.text.trim() === '') reject.push('target_present: the example has no answer');

  // Language Quality (reject)
  const lang = languageQuality(example.input);
  if (!lang.ok) reject.push(`language_quality: ${lang.reason}`);

  // Consistent (review): target intent agrees with the example's analysis type and its round trip
  if (output.intent && output.intent.analysis_type !== 'unknown' && output.intent.analysis_type !== example.analysis_type)
    review.push(`consistent: intent says '${output.intent.analysis_type}', example is '${example.analysis_type}'`);

  // Analysis Stated (review): a confident intent answers only a request that says which analysis it wants;
  // "long reads rice" is answered with a clarifying question, so a target naming an analysis there is wrong
  if (QUERY_KINDS.has(example.kind) && output.intent && output.intent.analysis_type !== 'unknown' && !statesAnalysis(example.input, deps.kb)) {
    const hints = analysisCues(example.input, deps.kb).hints;
    review.push(`analysis_stated: the request names no analysis${hints.length ? ` (only ${hints.join(', ')})` : ''}, yet its target is a '${output.intent.analysis_type}' intent`);
  }

  const action: RuleAction = reject.length > 0 ? 'reject' : review.length > 0 ? 'review' : 'keep';
  return { action, reasons: [...reject, ...review], pii, parsedOk, parsed, workflowErrors };
}
