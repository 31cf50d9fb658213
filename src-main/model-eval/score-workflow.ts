import type { Intent } from '../../src-preload/schemas/intent';
import type { AnalysisType, Knowledge } from '../knowledge/schemas';
import { checkWorkflow } from '../nextflow-validator/workflow-check';
import { parse } from '../nextflow-validator/parser';
import { LOW_MEMORY_LIMIT_GB } from '../tool-selector';
import type { Scored } from './scored';
import type { ToolLexicon } from './tool-mentions';

export interface WorkflowCase {
  /** the answer's Nextflow files */
  files: Record<string, string>;
  /** tools the answer named in its tool list (ids); the workflow should run them */
  named: readonly string[];
  /** the target's intent and the tools its workflow runs */
  intent: Intent | null;
  targetTools: readonly string[];
  type: AnalysisType | undefined;
}

/** categories whose tool a long-read request must take from the target (its long-read choice), not a short-read one */
const PLATFORM_CATEGORIES = new Set(['alignment', 'quality_control', 'trimming']);
const DOCKER_ON = /docker\s*\.\s*enabled\s*=\s*true|docker\s*\{[^}]*enabled\s*=\s*true/;

/** Steps of the analysis this request needs: those the target's tools fill, else those of the type's required tools. */
function requiredSteps(type: AnalysisType, targetTools: readonly string[]): number[] {
  const from = targetTools.length ? targetTools : type.required_tools;
  return type.steps.flatMap((s, i) => (s.tools.some((t) => from.includes(t)) ? [i] : []));
}

function parses(files: Record<string, string>): string | null {
  for (const [file, text] of Object.entries(files)) {
    if (!file.endsWith('.nf')) continue;
    try {
      parse(text);
    } catch (e) {
      return `${file}: ${(e as Error).message}`;
    }
  }
  return null;
}

/**
 * A workflow answer: it parses, passes the validator (every rule lint-nf runs), runs the tools it named, honours
 * the read layout, platform and constraints of the request, covers the analysis's required steps (completeness)
 * and runs nothing they do not need (redundancy: the share of its tools outside those steps).
 */
export function scoreWorkflow(c: WorkflowCase, kb: Knowledge, lexicon: ToolLexicon, out: Scored): void {
  const m = out.metrics;
  const names = Object.keys(c.files);
  m['workflow.present'] = c.files['main.nf'] !== undefined ? 1 : 0;
  if (names.length === 0) {
    for (const k of ['parses', 'lint', 'named_tools', 'completeness']) m[`workflow.${k}`] = 0;
    m['workflow.redundancy'] = 0;
    m['workflow.score'] = 0;
    out.diagnostics.push('no workflow');
    return;
  }
  if (!m['workflow.present']) out.diagnostics.push(`no main.nf (files: ${names.join(', ')})`);
  const syntax = parses(c.files);
  m['workflow.parses'] = syntax ? 0 : 1;
  if (syntax) out.diagnostics.push(`workflow does not parse: ${syntax}`);
  const lint = checkWorkflow(c.files);
  m['workflow.lint'] = lint.errorCount === 0 && m['workflow.present'] ? 1 : 0;
  if (lint.errorCount > 0) {
    const first = lint.diagnostics.filter((d) => d.severity === 'error').slice(0, 3);
    out.diagnostics.push(`lint-nf: ${lint.errorCount} error(s): ${first.map((d) => `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message}`).join('; ')}`);
  }

  const used = lexicon.usedBy(c.files);
  const named = [...new Set(c.named)];
  if (named.length) {
    const run = named.filter((t) => used.includes(t));
    m['workflow.named_tools'] = run.length / named.length;
    const notRun = named.filter((t) => !used.includes(t));
    if (notRun.length) out.diagnostics.push(`named tools the workflow does not run: ${notRun.join(', ')}`);
  }

  const text = Object.values(c.files).join('\n');
  const layout = c.intent?.read_layout;
  if (layout === 'paired' || layout === 'single') {
    // read pairs by file name, or a sample sheet that names both mates of each sample (row.fastq_1, row.fastq_2)
    const pairs = /\bfromFilePairs\b/.test(text) || (/\bsplitCsv\b/.test(text) && /\bfastq_2\b/.test(text));
    const ok = layout === 'paired' ? pairs : !pairs && /\bfromPath\b/.test(text);
    m['workflow.layout'] = ok ? 1 : 0;
    if (!ok) out.diagnostics.push(`reads not read as ${layout}-end (${layout === 'paired' ? 'no fromFilePairs' : 'fromFilePairs or no fromPath'})`);
  }
  if (c.intent?.data_type?.startsWith('long_read')) {
    const wrong = used.filter((t) => PLATFORM_CATEGORIES.has(kb.toolById.get(t)?.category ?? '') && !c.targetTools.includes(t));
    m['workflow.platform'] = wrong.length ? 0 : 1;
    if (wrong.length) out.diagnostics.push(`short-read tools in a long-read workflow: ${wrong.join(', ')}`);
  }
  const broken: string[] = [];
  let checked = false;
  if (c.intent?.constraints.includes('low_memory')) {
    checked = true;
    const heavy = used.filter((t) => (kb.toolById.get(t)?.memory_gb ?? 0) > LOW_MEMORY_LIMIT_GB && !c.intent!.requested_tools.includes(t));
    if (heavy.length) broken.push(`low_memory: ${heavy.join(', ')} need more than ${LOW_MEMORY_LIMIT_GB} GB`);
  }
  if (c.intent?.constraints.includes('no_docker')) {
    checked = true;
    if (DOCKER_ON.test(text)) broken.push('no_docker: docker is enabled');
  }
  if (checked) {
    m['workflow.constraints'] = broken.length ? 0 : 1;
    if (broken.length) out.diagnostics.push(`constraints not honoured: ${broken.join('; ')}`);
  }

  if (c.type) {
    const steps = requiredSteps(c.type, c.targetTools);
    const covered = steps.filter((i) => c.type!.steps[i]!.tools.some((t) => used.includes(t)));
    m['workflow.completeness'] = steps.length ? covered.length / steps.length : 1;
    const missing = steps.filter((i) => !covered.includes(i)).map((i) => c.type!.steps[i]!.name);
    if (missing.length) out.diagnostics.push(`required steps missing: ${missing.join(', ')}`);
    const needed = new Set(steps.flatMap((i) => c.type!.steps[i]!.tools));
    const extra = used.filter((t) => !needed.has(t) && !c.targetTools.includes(t));
    m['workflow.redundancy'] = used.length ? extra.length / used.length : 0;
    if (extra.length) out.diagnostics.push(`steps the analysis does not need: ${extra.join(', ')}`);
  }

  const parts = ['parses', 'lint', 'named_tools', 'layout', 'platform', 'constraints', 'completeness'].flatMap((k) =>
    m[`workflow.${k}`] === undefined ? [] : [m[`workflow.${k}`]!],
  );
  if (m['workflow.redundancy'] !== undefined) parts.push(1 - m['workflow.redundancy']);
  parts.push(m['workflow.present']);
  m['workflow.score'] = parts.reduce((a, b) => a + b, 0) / parts.length;
}
