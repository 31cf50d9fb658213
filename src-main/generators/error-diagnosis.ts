import type { Knowledge } from '../knowledge/schemas';
import { type ErrorSituation, fillSituation, processNameOf, SITUATION_SAMPLES } from '../knowledge/error-situations';
import { categoryOf } from './categories';
import type { ExampleSeed } from './example-factory';
import { Rng } from './rng';

export interface ErrorSpec {
  situation: ErrorSituation;
  variant: number;
}

const INTROS = [
  'My Nextflow run failed with this error:',
  'The run crashed, log below. What went wrong?',
  "Can you help me debug this? Here's the log:",
  'Got this error and the run stopped:',
  'What does this error mean and how do I fix it?',
  'The job keeps failing:',
];

/** Openings for a run that finished but whose numbers are wrong: nothing failed, so nobody says it crashed. */
const COMPLETED_INTROS = [
  'The run finished without errors, but this part of the log looks wrong:',
  'Nothing failed, yet the numbers look off. Log:',
  'The run completed, but I am worried about this:',
  'Is this output normal? The run itself succeeded:',
];

interface Rendered {
  log: string;
  /** what the user ran afterwards, or null */
  checks: string | null;
  sample: string;
  process: string;
  values: Record<string, string>;
}

/** The values of one variant: each variable cycles through its list, the sample through the sample names. */
function valuesOf(situation: ErrorSituation, variant: number, rng: Rng): { values: Record<string, string>; sample: string } {
  const values: Record<string, string> = {};
  for (const [k, list] of Object.entries(situation.vars)) values[k] = list[variant % list.length]!;
  return { values, sample: rng.pick(SITUATION_SAMPLES) };
}

const hex = (rng: Rng, digits: number) => Array.from({ length: digits }, () => rng.int(16).toString(16)).join('');
const indent = (text: string) => text.split('\n').map((l) => (l ? `  ${l}` : ''));

/**
 * A Nextflow error report around a situation's log, laid out as Nextflow prints it (Caused by, Command
 * executed, Command exit status, Command output, Command error, Work dir). Its process (the failing tool's
 * process, named as the workflow generator names it), sample and exit status are the situation's: no exit
 * status where the task never reported one. {work} in the log is the task's own work directory
 * (work/<2 hex>/<30 hex>, as Nextflow hashes it).
 */
export function renderSituationLog(kb: Knowledge, situation: ErrorSituation, variant: number, rng: Rng): Rendered {
  const pattern = kb.errorPatterns.find((p) => p.id === situation.pattern)!;
  const process = processNameOf(situation.process_tool ?? pattern.tool);
  const { values, sample } = valuesOf(situation, variant, rng);
  const hash = [hex(rng, 2), hex(rng, 30)] as const;
  const workDir = `/data/project/work/${hash[0]}/${hash[1]}`;
  const fill = (t: string) => fillSituation(t, values, sample, process, workDir).trimEnd();
  const body = fill(situation.log);
  const tag = situation.per_sample ? `${process} (${sample})` : process;
  let log: string;
  if (/^ERROR ~/m.test(body)) log = body;
  else if (situation.exit_status !== null)
    log = [
      `ERROR ~ Error executing process > '${tag}'`,
      '',
      'Caused by:',
      `  Process \`${tag}\` terminated with an error exit status (${situation.exit_status})`,
      '',
      ...(situation.command ? ['Command executed:', '', ...indent(fill(situation.command)), ''] : []),
      'Command exit status:',
      `  ${situation.exit_status}`,
      '',
      'Command output:',
      '  (empty)',
      '',
      'Command error:',
      ...indent(body),
      '',
      `Work dir:\n  ${workDir}`,
      '',
      "Tip: view the complete command output by changing to the process work dir and entering the command `cat .command.out`",
    ].join('\n');
  // a process that exited 0 shows as done in the progress line; its own output is what is wrong
  else log = [`[${hash[0]}/${hash[1].slice(0, 6)}] process > ${tag} [100%] 1 of 1${situation.completed ? ' ✔' : ', failed: 1 ✘'}`, body].join('\n');
  return { log, checks: situation.checks ? fill(situation.checks) : null, sample, process, values };
}

/** How the user introduces what they ran after the failure. */
const CHECK_INTROS = ['Then I checked:', 'I also ran this:', 'What I looked at afterwards:'];

export function planErrors(kb: Knowledge, count: number): ErrorSpec[] {
  const specs: ErrorSpec[] = [];
  for (let variant = 0; specs.length < count && kb.errorSituations.length > 0; variant++)
    for (const situation of kb.errorSituations) if (specs.length < count) specs.push({ situation, variant });
  return specs;
}

export function errorId(seed: number, spec: ErrorSpec): string {
  return `err-${seed}-${spec.situation.id}-${String(spec.variant).padStart(3, '0')}`;
}

export function errorSeed(kb: Knowledge, seed: number, spec: ErrorSpec): ExampleSeed {
  const s = spec.situation;
  const rng = Rng.of(seed, 'error', s.id, spec.variant);
  const r = renderSituationLog(kb, s, spec.variant, rng);
  const pattern = kb.errorPatterns.find((p) => p.id === s.pattern)!;
  const toolId = s.process_tool ?? pattern.tool;
  const tool = kb.toolById.get(toolId);
  const analysisType = tool?.analysis_types[0] ?? kb.analysisTypes[0]!.id;
  const fill = (t: string) => fillSituation(t, r.values, r.sample, r.process);
  const checks = r.checks ? `\n\n${rng.pick(CHECK_INTROS)}\n\n\`\`\`\n${r.checks}\n\`\`\`` : '';
  const intros = s.completed ? COMPLETED_INTROS : INTROS;
  const intro = rng.int(intros.length);
  const named = tool && tool.name.toUpperCase() !== r.process ? ` (${tool.name})` : '';
  const forSample = s.per_sample ? ` for sample ${r.sample}` : '';
  const where = s.completed
    ? `**${r.process}**${named} completed${forSample} without an error, but its output is not usable.`
    : `**${r.process}**${named} failed${forSample}${s.exit_status === null ? '' : ` with exit status ${s.exit_status}`}.`;
  return {
    id: errorId(seed, spec),
    kind: 'error_diagnosis',
    groupId: `err-${s.id}`,
    baseId: null,
    engine: 'template',
    category: categoryOf(kb, analysisType),
    analysisType,
    difficulty: 2,
    input: `${intros[intro]!}\n\n\`\`\`\n${r.log}\n\`\`\`${checks}`,
    output: { diagnosis: `${where} ${fill(s.diagnosis)}`, fix_steps: s.fix_steps.map(fill) },
    // the situation and the user's opening line it was asked with
    templateId: `error-${s.id}-${s.completed ? 'completed' : 'failed'}-${String(intro).padStart(2, '0')}`,
  };
}
