import type { ErrorPattern, Knowledge } from '../knowledge/schemas';
import { categoryOf } from './categories';
import type { ExampleSeed } from './example-factory';
import { Rng } from './rng';

export interface ErrorSpec {
  pattern: ErrorPattern;
  variant: number;
}

const SAMPLES = ['sample_1', 'WT_rep2', 'KO_rep1', 'patient_07', 'S12', 'liver_ctrl_3', 'tumor_A', 'mock_48h', 'P3_T'];
const INTROS = [
  'My Nextflow run failed with this error:',
  'The run crashed, log below. What went wrong?',
  "Can you help me debug this? Here's the log:",
  'Got this error and the run stopped:',
  'What does this error mean and how do I fix it?',
  'The job keeps failing:',
];

function processName(kb: Knowledge, toolId: string): string {
  return (kb.toolById.get(toolId)?.id ?? toolId).toUpperCase();
}

/** A realistic Nextflow error report around the pattern's example log. */
export function renderErrorLog(kb: Knowledge, pattern: ErrorPattern, rng: Rng): string {
  const sample = rng.pick(SAMPLES);
  const exit = rng.pick([1, 1, 2, 137, 139, 255]);
  const workdir = `work/${rng.int(256).toString(16).padStart(2, '0')}/${rng.int(2 ** 24).toString(16).padStart(6, '0')}c1e2`;
  const wrap = rng.int(3);
  const body = pattern.example_log.trim();
  if (wrap === 0) return body;
  if (wrap === 1)
    return [`ERROR ~ Error executing process > '${processName(kb, pattern.tool)} (${sample})'`, '', 'Caused by:', `  Process \`${processName(kb, pattern.tool)} (${sample})\` terminated with an error exit status (${exit})`, '', 'Command error:', ...body.split('\n').map((l) => `  ${l}`), '', `Work dir:\n  /data/project/${workdir}`].join('\n');
  return [`[${workdir.slice(5, 14)}] process > ${processName(kb, pattern.tool)} (${sample}) [100%] 1 of 1, failed: 1 ✘`, body, `-- Check '.command.log' file for details`].join('\n');
}

export function planErrors(kb: Knowledge, count: number): ErrorSpec[] {
  const specs: ErrorSpec[] = [];
  for (let variant = 0; specs.length < count; variant++) for (const pattern of kb.errorPatterns) if (specs.length < count) specs.push({ pattern, variant });
  return specs;
}

export function errorId(seed: number, spec: ErrorSpec): string {
  return `err-${seed}-${spec.pattern.id}-${String(spec.variant).padStart(3, '0')}`;
}

export function errorSeed(kb: Knowledge, seed: number, spec: ErrorSpec): ExampleSeed {
  const rng = Rng.of(seed, 'error', spec.pattern.id, spec.variant);
  const log = renderErrorLog(kb, spec.pattern, rng);
  const analysisType = kb.toolById.get(spec.pattern.tool)?.analysis_types[0] ?? kb.analysisTypes[0]!.id;
  return {
    id: errorId(seed, spec),
    kind: 'error_diagnosis',
    groupId: `err-${spec.pattern.id}`,
    baseId: null,
    engine: 'template',
    category: categoryOf(kb, analysisType),
    analysisType,
    difficulty: 2,
    input: `${rng.pick(INTROS)}\n\n\`\`\`\n${log}\n\`\`\``,
    output: { diagnosis: spec.pattern.diagnosis, fix_steps: spec.pattern.fix_steps },
  };
}
