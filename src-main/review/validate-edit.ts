import type { EditProblem } from '../../src-preload/contract/review';
import type { ExampleKind, ExampleOutput } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import { checkWorkflow } from '../nextflow-validator/workflow-check';

/** The output fields a target of each kind must carry (ExampleOutputSchema's comment). */
const REQUIRED: Record<ExampleKind, (keyof ExampleOutput)[]> = {
  query_variation: ['intent'],
  tool_selection: ['intent', 'tools'],
  workflow: ['intent', 'tools', 'workflow'],
  education: ['explanation'],
  error_diagnosis: ['diagnosis', 'fix_steps'],
  interaction: ['intent'],
};

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks an edited target output where it is made, against the knowledge base and the Nextflow validator:
 * the fields its kind needs, known analysis type / organism / build / tools, rationales, a workflow that
 * lints without errors. An edit with problems is refused (the build would drop it later, silently).
 */
export function validateEdit(kind: ExampleKind, output: ExampleOutput, kb: Knowledge): EditProblem[] {
  const problems: EditProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  for (const field of REQUIRED[kind]) {
    if (field === 'workflow' ? !output.workflow || Object.keys(output.workflow.files).length === 0 : isEmpty(output[field])) {
      add(field, `a ${kind.replace('_', ' ')} target needs ${field}`);
    }
  }
  const intent = output.intent;
  if (intent) {
    // 'unknown' is the analysis of off-topic and vague requests, a valid target
    if (intent.analysis_type !== 'unknown' && !kb.analysisTypeById.has(intent.analysis_type)) add('intent.analysis_type', `unknown analysis type '${intent.analysis_type}'`);
    if (intent.organism) {
      const org = kb.organismById.get(intent.organism.id);
      if (!org) add('intent.organism.id', `unknown organism '${intent.organism.id}'`);
      else if (intent.organism.genome_build !== org.genome_build && !org.alternative_builds.includes(intent.organism.genome_build)) {
        add('intent.organism.genome_build', `${org.scientific_name} has no genome build '${intent.organism.genome_build}' (known: ${[org.genome_build, ...org.alternative_builds].join(', ')})`);
      }
    }
    intent.requested_tools.forEach((t, i) => {
      if (!kb.toolById.has(t)) add(`intent.requested_tools.${i}`, `unknown tool '${t}'`);
    });
  }
  output.tools?.forEach((t, i) => {
    if (!kb.toolById.has(t.tool)) add(`tools.${i}.tool`, `unknown tool '${t.tool}'`);
    if (t.rationale.trim() === '') add(`tools.${i}.rationale`, `tool '${t.tool}' needs a rationale`);
  });
  if (output.workflow && Object.keys(output.workflow.files).length > 0) {
    if (!('main.nf' in output.workflow.files)) add('workflow.files', 'the workflow needs a main.nf entry');
    else {
      // the build's own check (syntax and dataflow, params in a script an error): an edit it accepts is kept
      const lint = checkWorkflow(output.workflow.files);
      for (const d of lint.diagnostics.filter((x) => x.severity === 'error').slice(0, 5)) {
        add(`workflow.files.${d.file}`, `${d.file}:${d.line}:${d.column} ${d.message} (${d.rule})`);
      }
      if (lint.errorCount > 5) add('workflow.files', `${lint.errorCount - 5} more Nextflow errors`);
    }
  }
  output.fix_steps?.forEach((step, i) => {
    if (step.trim() === '') add(`fix_steps.${i}`, 'a fix step is empty');
  });
  return problems;
}

export const describeProblems = (problems: EditProblem[]): string => problems.map((p) => `${p.path}: ${p.message}`).join('; ');
