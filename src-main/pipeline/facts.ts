import type { Example } from '../../src-preload/schemas/example';
import { processNameOf } from '../knowledge/error-situations';
import type { Knowledge } from '../knowledge/schemas';
import { selectTools } from '../tool-selector';
import { moduleFile } from '../workflow-generator/process-module';

/**
 * Workflow completeness: every required tool of the analysis type is in the workflow, or a tool that
 * performs the same step (a user-named alternative counts).
 */
export function workflowComplete(example: Example, kb: Knowledge): boolean | null {
  const wf = example.output.workflow;
  const intent = example.output.intent;
  if (!wf || !intent) return null;
  const type = kb.analysisTypeById.get(intent.analysis_type);
  if (!type) return false;
  const present = new Set((example.output.tools ?? []).map((t) => t.tool).filter((t) => wf.files[moduleFile(t)] !== undefined));
  return type.required_tools.every((req) => {
    if (present.has(req)) return true;
    const step = type.steps.find((s) => s.tools.includes(req));
    return step ? step.tools.some((t) => present.has(t)) : false;
  });
}

/** Tool accuracy: the example's tools are the ones the selector picks for its intent (as a set). */
export function toolsMatchSelector(example: Example, kb: Knowledge): boolean | null {
  const tools = example.output.tools;
  const intent = example.output.intent;
  if (!tools || !intent || intent.analysis_type === 'unknown') return null;
  const expected = new Set(selectTools(intent, kb, example.input).map((t) => t.tool));
  const actual = new Set(tools.map((t) => t.tool));
  return expected.size === actual.size && [...expected].every((t) => actual.has(t));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const namedIn = (text: string, name: string) => new RegExp(`(?<![a-z0-9])${escapeRe(name)}(?![a-z0-9])`).test(text);

/** Tools an example teaches: its tool choices, requested tools, and for education the tool it explains. */
export function toolsOf(example: Example, kb: Knowledge): string[] {
  const out = new Set<string>();
  for (const t of example.output.tools ?? []) out.add(t.tool);
  for (const t of example.output.intent?.requested_tools ?? []) out.add(t);
  if (example.kind === 'education' || example.kind === 'error_diagnosis') {
    // whole words: "reads still start with the primer" does not name STAR
    const text = example.input.toLowerCase();
    for (const t of kb.tools) if (namedIn(text, t.name.toLowerCase())) out.add(t.id);
    // an error log names its failing process as the workflow generator names it (GATK_HAPLOTYPECALLER, CELLRANGER)
    if (example.kind === 'error_diagnosis')
      for (const t of kb.tools) if (new RegExp(`(?:process > |Process \`|Error executing process > ')${processNameOf(t.id)}\\b`).test(example.input)) out.add(t.id);
  }
  return [...out].sort();
}
