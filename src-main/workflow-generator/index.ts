import type { ToolChoice, WorkflowProject } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge } from '../knowledge/schemas';
import { PARAM_DEFAULTS } from './command';
import { type DataKind, DEFAULT_FLOW, TOOL_FLOWS } from './data-kinds';
import { type ProcessSpec, renderProcessModule } from './process-module';

interface ChannelRef {
  expr: string;
  tuple: boolean;
}

const REFERENCE_DEFAULTS: Record<string, (i: Intent) => string> = {
  fasta: (i) => `references/${i.organism?.genome_build ?? 'genome'}.fa`,
  gtf: (i) => `references/${i.organism?.genome_build ?? 'genome'}.gtf`,
  index: (i) => `references/${i.organism?.genome_build ?? 'genome'}_index`,
};

const processName = (toolId: string) => toolId.toUpperCase();
const workflowName = (analysisType: string) => analysisType.toUpperCase();
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Intent + tools -> a Nextflow DSL2 project (strict syntax); deterministic for the same inputs. */
export function generateWorkflow(intent: Intent, tools: ToolChoice[], kb: Knowledge): WorkflowProject {
  const paired = intent.read_layout !== 'single';
  const files: Record<string, string> = {};
  const channels = new Map<DataKind, ChannelRef>([['reads', { expr: 'reads', tuple: true }]]);
  const qcChannels: string[] = [];
  const body: string[] = [];
  const includes: string[] = [];
  const references = new Set<string>();
  const params = new Set<string>();
  let last: ChannelRef = channels.get('reads')!;

  for (const choice of tools) {
    const tool = kb.toolById.get(choice.tool);
    if (!tool) continue;
    const flow = TOOL_FLOWS[tool.id] ?? DEFAULT_FLOW;
    const name = processName(tool.id);
    const source = flow.consumes === 'qc' ? null : (channels.get(flow.consumes) ?? last);
    const tupleInput = source ? source.tuple : false;
    const spec: ProcessSpec = { name, tool, flow, tupleInput, paired };
    const { text, command } = renderProcessModule(spec);
    files[`modules/${tool.id}.nf`] = text;
    includes.push(`include { ${name} } from './modules/${tool.id}'`);
    for (const r of command.references) references.add(r);
    for (const p of command.params) params.add(p);

    let inputExpr: string;
    if (flow.consumes === 'qc') inputExpr = qcChannels.length ? `${qcChannels[0]}${qcChannels.slice(1).map((c) => `.mix(${c})`).join('')}.collect()` : 'ch_versions.collect()';
    else if (flow.collect && source!.tuple) inputExpr = `${source!.expr}.map { meta, files -> files }.collect()`;
    else if (flow.collect) inputExpr = `${source!.expr}.collect()`;
    else inputExpr = source!.expr;
    const args = [inputExpr, ...command.references.map((r) => `file(params.${r})`)];
    body.push(`    ${name}(${args.join(', ')})`);
    const out: ChannelRef = { expr: `${name}.out.${flow.produces}`, tuple: tupleInput && !flow.collect };
    body.push(`    ch_versions = ch_versions.mix(${name}.out.versions)`);
    if (flow.produces === 'qc') qcChannels.push(`${name}.out.qc${tupleInput ? '.map { meta, files -> files }' : ''}`);
    else {
      channels.set(flow.produces, out);
      last = out;
    }
  }

  const analysis = kb.analysisTypeById.get(intent.analysis_type);
  const wf = workflowName(intent.analysis_type);
  const headerOrganism = intent.organism ? `${intent.organism.scientific_name} (${intent.organism.genome_build})` : 'not specified';
  const paramLines = [
    `params.reads = ${quote(paired ? 'data/*_R{1,2}.fastq.gz' : 'data/*.fastq.gz')}`,
    `params.outdir = 'results'`,
    ...[...references].sort().map((r) => `params.${r} = ${quote(REFERENCE_DEFAULTS[r]?.(intent) ?? `references/${r}`)}`),
    ...[...params].sort().map((p) => `params.${p} = ${quote(PARAM_DEFAULTS[p] ?? p)}`),
  ];
  if (intent.comparison) paramLines.push(`params.groups = ${quote(intent.comparison.groups.join(','))}`);
  const emits = [...channels.entries()]
    .filter(([k]) => k !== 'reads')
    .map(([k, c]) => `    ${k} = ${c.expr}`);
  const input = paired
    ? "channel.fromFilePairs(params.reads, checkIfExists: true)\n        .map { id, files -> [[id: id, single_end: false], files] }"
    : "channel.fromPath(params.reads, checkIfExists: true)\n        .map { fq -> [[id: fq.simpleName, single_end: true], fq] }";
  const main = [
    `// ${analysis?.name ?? intent.analysis_type}`,
    `// Organism: ${headerOrganism}${intent.tissue ? ` | Tissue: ${intent.tissue}` : ''}${intent.cell_type ? ` | Cells: ${intent.cell_type}` : ''}`,
    ...(intent.comparison ? [`// Comparison: ${intent.comparison.description}`] : []),
    '',
    ...paramLines,
    '',
    ...includes,
    '',
    `workflow ${wf} {`,
    '    take:',
    '    reads // channel: [ meta, reads ]',
    '',
    '    main:',
    '    ch_versions = channel.empty()',
    ...body,
    '',
    '    emit:',
    ...emits,
    '    versions = ch_versions',
    '}',
    '',
    'workflow {',
    `    ch_reads = ${input}`,
    `    ${wf}(ch_reads)`,
    '}',
    '',
  ];
  files['main.nf'] = main.join('\n');
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b)))) sorted[k] = files[k]!;
  return { files: sorted };
}

/** The project as markdown: main.nf then each module, each in a nextflow fence. */
export function renderWorkflowMarkdown(project: WorkflowProject): string {
  return Object.entries(project.files)
    .map(([file, text]) => `\`\`\`nextflow\n// ${file}\n${text.trimEnd()}\n\`\`\``)
    .join('\n\n');
}
