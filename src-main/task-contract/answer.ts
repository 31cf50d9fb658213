import type { Example, ToolChoice, WorkflowProject } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import { askedOutputs } from '../knowledge/deliverables';
import { hostOf } from '../knowledge/host';
import { elsewhereClause } from '../knowledge/organism-facts';
import { organismFactValue } from '../knowledge/missing-information';
import type { Knowledge } from '../knowledge/schemas';
import { needAsk, toolClauses } from '../knowledge/workflow-needs';
import { constraintNotes, planSelection } from '../tool-selector';
import { platformOf, readInput, requestReadLength, requestRegion } from '../tool-selector/context';
import { inputParam, mappableSize } from '../workflow-generator';
import { scaledResources } from '../workflow-generator/data-size';
import { clarifyingQuestion, scopeStatement } from './scope';
import { taskOf } from './tasks';

const LAYOUT: Record<string, string> = { paired: 'paired-end', single: 'single-end' };

const sourceOf = (kb: Knowledge, field: 'tissue' | 'cell_type', value: string) => kb.compatibility.tables.sample_sources.find((s) => s.field === field && (s.value ?? s.id) === value);

/** A tissue or cell type as requests write it ('PBMCs', 'T cells', 'HEK293 cells'); the intent JSON keeps the id. */
function sourceName(kb: Knowledge, field: 'tissue' | 'cell_type', value: string): string {
  return sourceOf(kb, field, value)?.phrase ?? value;
}

function intentBullets(intent: Intent, kb: Knowledge, platform: string | null): string[] {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  const lines = [`- **Type**: ${type ? type.name : 'Unknown (outside the supported analyses)'}`];
  if (intent.organism) lines.push(`- **Organism**: ${intent.organism.scientific_name} (${intent.organism.genome_build})`);
  // a host-associated community's tissue field carries the host in front of the sample source ('pig stool', 'cow'):
  // the host is said as the host, the rest as the sample, never 'Tissue: cow'
  const host = hostOf(intent, kb);
  const sample = host ? intent.tissue!.split(' ').slice(1).join(' ') : null;
  if (host) {
    lines.push(`- **Host**: ${host.scientific_name} (${host.common_names[0] ?? host.id})`);
    if (sample) lines.push(`- **Sample**: ${sourceName(kb, 'tissue', sample)}`);
  }
  // soil or wastewater is the sample's environment, not a tissue
  else if (intent.tissue) lines.push(`- **${sourceOf(kb, 'tissue', intent.tissue)?.kind === 'environment' ? 'Sample' : 'Tissue'}**: ${sourceName(kb, 'tissue', intent.tissue)}`);
  if (intent.cell_type) lines.push(`- **Cell type**: ${sourceName(kb, 'cell_type', intent.cell_type)}`);
  if (platform) lines.push(`- **Platform**: ${platform}`);
  // FASTA sequences have no read layout: the bullet names the input kind instead
  if (readInput(intent, kb, 'illumina').kind === 'fasta') lines.push('- **Input**: FASTA sequences');
  else if (LAYOUT[intent.read_layout]) lines.push(`- **Reads**: ${LAYOUT[intent.read_layout]}`);
  if (intent.strandedness !== 'unknown') lines.push(`- **Strandedness**: ${intent.strandedness}`);
  if (intent.comparison) lines.push(`- **Comparison**: ${intent.comparison.groups.join(' vs ')}`);
  if (intent.requested_tools.length) lines.push(`- **Requested tools**: ${intent.requested_tools.map((t) => kb.toolById.get(t)?.name ?? t).join(', ')}`);
  if (intent.constraints.length) lines.push(`- **Constraints**: ${intent.constraints.join(', ')}`);
  return lines;
}

/** "a, b and c" */
const andList = (xs: readonly string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * What an unstated organism means for this workflow, from its own parameters: the reference files it stages
 * under a placeholder name and the organism facts it must be given (`params.x = null`).
 */
function organismHint(example: Example): string {
  const main = example.output.workflow?.files['main.nf'] ?? '';
  const refs = [...main.matchAll(/^params\.(\w+) = 'references\/genome[._][^']*'/gm)].map((m) => `\`params.${m[1]}\``);
  // the comparison's groups (--case_group, --control_group) are the comparison hint's, not the organism's
  const facts = [...main.matchAll(/^params\.(\w+) = null\b/gm)].filter((m) => !/^(case|control)_group$/.test(m[1]!)).map((m) => `\`--${m[1]}\``);
  const todo = [...(refs.length ? [`point ${andList(refs)} at its reference files`] : []), ...(facts.length ? [`give ${andList(facts)}`] : [])];
  return todo.length ? `the organism is not stated: ${todo.join(' and ')} before running` : 'the organism is not stated: name it, since the results are read against its genome';
}

/** The "Before you run" line of one open need (workflow_needs.yaml), worded from this workflow where it can be. */
function needHint(need: string, example: Example, kb: Knowledge): string | undefined {
  if (need === 'read_layout') return layoutHint(example, kb);
  if (need === 'organism') return organismHint(example);
  const worded = need === 'amplicon_region' ? primerHint(example, kb) : null;
  if (worded) return worded;
  const ownNeed = kb.workflowNeeds.byAnalysis.get(example.output.intent?.analysis_type ?? '')?.find((n) => n.need === need);
  // what the tools this workflow runs assume (by_tool): a Canu workflow is not told how Flye runs
  const clauses = toolClauses(ownNeed, (example.output.tools ?? []).map((t) => t.tool));
  const own = ownNeed?.hint && clauses.length ? `${ownNeed.hint}: ${clauses.join('; ')}` : ownNeed?.hint;
  const entry = kb.workflowNeeds.needs.get(need);
  if (need === 'mito_genes') {
    // why no prefix serves this organism: its facts' own words (no mitochondria, no shared prefix)
    const organism = example.output.intent?.organism ?? null;
    const o = organism ? kb.organismById.get(organism.id) : undefined;
    const name = organism ? `${organism.scientific_name} (${organism.genome_build})` : 'this organism';
    return (own ?? entry?.hint)?.replace('{organism}', name).replace('{reason}', o?.facts.mito_genes_unnamed ?? 'its facts name none');
  }
  if (!own && entry?.by_fact) {
    // the hint per organism: the curated set its facts name for the build, else what to do without one
    const organism = example.output.intent?.organism ?? null;
    const value = organismFactValue(kb, organism, entry.by_fact.fact);
    if (value !== undefined) return entry.hint!.replaceAll('{fact}', value);
    // a fact known for another build of the organism is named as that build's (mouse known sites: GRCm38, not GRCm39)
    const elsewhere = organism ? elsewhereClause(kb.organismById.get(organism.id), entry.by_fact.fact, organism.genome_build) : '';
    return entry.by_fact.without
      .replace('{organism}', organism ? `${organism.scientific_name} (${organism.genome_build})` : 'an organism the request does not name')
      .replace('{elsewhere}', elsewhere);
  }
  return own ?? entry?.hint;
}

/** What an unstated read layout means for this workflow: the files it reads, from the input the generator gives it. */
function layoutHint(example: Example, kb: Knowledge): string {
  const intent = example.output.intent!;
  const platform = platformOf(intent, kb, example.input);
  const input = readInput(intent, kb, platform);
  const reads = `\`${inputParam(input)}\``;
  switch (input.kind) {
    case 'fasta':
      return `${input.fixed} (${reads}), so no read layout applies`;
    case 'long':
      return `the reads are ${kb.selection.platforms.find((p) => p.id === platform)?.name ?? platform} long reads, one FASTQ per sample (${reads}), so no read layout applies`;
    default:
      if (input.fixed) return `the read layout is not stated, and the library decides it: ${input.fixed} (${reads})`;
      return input.kind === 'paired'
        ? `the read layout is not stated: the workflow assumes paired-end files (${reads}); for single-end data ask for a single-end workflow, since its commands differ too, not only \`params.reads\``
        : `the workflow reads single-end files (${reads})`;
  }
}

/** An amplicon request that names no region (workflow_needs.yaml amplicon_region): the workflow assumes no primers and requires them (the generator's rule, requestRegion). */
function primerHint(example: Example, kb: Knowledge): string | null {
  const intent = example.output.intent!;
  const regions = kb.selection.ampliconRegions.filter((r) => r.analysis_type === intent.analysis_type);
  const main = example.output.workflow?.files['main.nf'] ?? '';
  // single reads take the forward primer only
  const required = ['primer_fwd', 'primer_rev'].filter((v) => main.includes(`params.${v} = null`));
  if (!regions.length || requestRegion(intent, kb, example.input) || !required.length) return null;
  const known = regions.map((r) => `${r.name} ${r.forward.name.split(' ')[0]}/${r.reverse.name.split(' ')[0]}`).join(', ');
  return `the amplicon region is not stated, so no primers are assumed: give ${required.map((v) => `\`--${v}\``).join(' and ')} (5'->3'; the workflow stops without ${required.length > 1 ? 'them' : 'it'}) and a \`--qiime2_classifier\` for that region (${known})`;
}

/**
 * A request that names no read length, whose workflow sizes the genome by it (MACS2 -g, deepTools
 * --effectiveGenomeSize from the build's mappable_genome_size): the row assumed, and what longer reads change.
 */
function readLengthHint(example: Example, kb: Knowledge): string | null {
  const intent = example.output.intent;
  const o = intent?.organism ? kb.organismById.get(intent.organism.id) : undefined;
  if (!o || !intent?.organism || requestReadLength(example.input) !== null) return null;
  const build = intent.organism.genome_build;
  const assumed = mappableSize(o, build, null);
  const longer = mappableSize(o, build, 150);
  if (!assumed || !longer) return null;
  const files = Object.values(example.output.workflow?.files ?? {});
  const users = [
    ...(files.some((f) => f.includes(`-g ${assumed.size} `)) ? ['MACS2 -g'] : []),
    ...(files.some((f) => f.includes(`--effectiveGenomeSize ${assumed.size} `)) ? ['deepTools --effectiveGenomeSize'] : []),
  ];
  if (!users.length) return null;
  return `the read length is not stated: ${andList(users)} use${users.length > 1 ? '' : 's'} ${build}'s mappable size for ${assumed.readLength}-base reads (${assumed.size}, deepTools' table for MAPQ-filtered reads); longer reads have a larger one (${longer.readLength} bases: ${longer.size}), so say the read length`;
}

function toolsSection(title: string, tools: readonly ToolChoice[], kb: Knowledge): string {
  return [`## ${title}`, ...tools.map((t, i) => `${i + 1}. **${kb.toolById.get(t.tool)?.name ?? t.tool}** - ${t.rationale}`)].join('\n');
}

function notesSection(example: Example, kb: Knowledge): string | null {
  const intent = example.output.intent;
  if (!intent) return null;
  const sel = planSelection(intent, kb, example.input);
  if (!sel) return null;
  const notes = constraintNotes(intent, sel, kb);
  if (notes.length === 0) return null;
  // a comparison no step tests is a further step, which the note names; other unmet constraints cannot be met as asked
  const unmet = (c: string) => (c === 'comparison' ? ' (not tested in this chain)' : ' (cannot be fully met)');
  return ['## Constraints', ...notes.map((n) => `- **${n.constraint.replace(/_/g, ' ')}**${n.met ? '' : unmet(n.constraint)}: ${n.text}`)].join('\n');
}

/** A fence's language: shipped R and Python scripts are not Nextflow (nextflow.config is, in syntax). */
const fenceLang = (file: string) => (file.endsWith('.R') ? 'r' : file.endsWith('.py') ? 'python' : 'nextflow');

function workflowSection(wf: WorkflowProject): string {
  const paths = Object.keys(wf.files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b)));
  return ['## Workflow', ...paths.map((p) => `\`${p}\`\n\`\`\`${fenceLang(p)}\n${wf.files[p]!.trimEnd()}\n\`\`\``)].join('\n\n');
}

/** The platform bullet: named when the request names it or the reads are long (then the assumption is said). */
function platformName(example: Example, kb: Knowledge): string | null {
  const intent = example.output.intent;
  const sel = intent ? planSelection(intent, kb, example.input) : null;
  if (!sel) return null;
  if (sel.platformStated) return sel.platform.name;
  return sel.platform.read_kind === 'long' ? `${sel.platform.name} (not stated; assumed for long reads - say if the reads are PacBio HiFi)` : null;
}

function intentAnswer(example: Example, kb: Knowledge): string {
  const intent = example.output.intent!;
  if (intent.request_kind === 'off_topic') return scopeStatement();
  if (intent.analysis_type === 'unknown') return clarifyingQuestion(intent, kb, example.input);
  return ['```json', JSON.stringify(intent), '```'].join('\n');
}

function toolAnswer(example: Example, kb: Knowledge): string {
  const o = example.output;
  const parts = [['## Request', ...intentBullets(o.intent!, kb, platformName(example, kb))].join('\n'), toolsSection('Recommended Tools', o.tools ?? [], kb)];
  const notes = notesSection(example, kb);
  if (notes) parts.push(notes);
  const outputs = requestedOutputs(example, kb);
  if (outputs) parts.push(outputs);
  const open = stillOpen(o.intent!, kb, (o.tools ?? []).map((t) => t.tool));
  if (open) parts.push(open);
  return parts.join('\n\n');
}

/**
 * The outputs the request asks to see (deliverables.yaml): each with the chain tool that makes it, or that this
 * chain does not and what would, so an asked output is never silently dropped.
 */
function requestedOutputs(example: Example, kb: Knowledge): string | null {
  const o = example.output;
  const asked = askedOutputs(kb.deliverables.get(o.intent?.analysis_type ?? ''), (o.tools ?? []).map((t) => t.tool), example.input);
  return asked.length ? ['## Requested outputs', ...asked.map((a) => `- **${a.output}**: ${a.says.replace(/\.$/, '')}.`)].join('\n') : null;
}

/**
 * What a tool choice still depends on (the intent's missing_information, workflow_needs.yaml `ask`): the tool
 * answer's counterpart of a workflow answer's "Before you run", worded for tools rather than parameters.
 */
function stillOpen(intent: Intent, kb: Knowledge, tools: readonly string[]): string | null {
  const asks = intent.missing_information.map((m) => needAsk(kb.workflowNeeds, intent.analysis_type, m, tools)).filter((a): a is string => Boolean(a));
  return asks.length ? ['## Still open', ...asks.map((a) => `- ${a}`)].join('\n') : null;
}

/**
 * The processes nextflow.config sizes for the data (data-size.ts, from the tools' documented figures): what each was
 * sized for, what it needs and what the configuration gives, and what to do where the need is above the limit.
 */
function resourcesSection(example: Example, kb: Knowledge): string | null {
  const o = example.output;
  const config = o.workflow?.files['nextflow.config'] ?? '';
  const tools = (o.tools ?? []).map((t) => t.tool).filter((id) => config.includes(`withName: '${id.toUpperCase()}' {`));
  const sized = scaledResources(tools, o.intent!, kb, platformOf(o.intent!, kb, example.input), example.input).filter((r) => config.includes(`// sized for ${r.data}`));
  if (!sized.length) return null;
  const line = (r: (typeof sized)[number]) => {
    const name = kb.toolById.get(r.tool)?.name ?? r.tool;
    const need = `${r.needGb.toLocaleString('en-US')} GB${r.cpuHours !== null ? ` and about ${r.cpuHours.toLocaleString('en-US')} CPU hours` : ''}`;
    const given = `${r.hours !== null ? `${r.cpus} CPUs, ` : ''}${r.memoryGb} GB${r.hours !== null ? ` and ${r.hours} h` : ''}`;
    const capped = r.capped ? `, more memory than this configuration's ${r.memoryGb} GB limit: ${kb.toolMemory.get(r.tool)?.statement ?? 'a larger machine is needed'}` : '';
    return `- **${name}**: sized for ${r.data}, which needs ${need} (${r.source}); nextflow.config gives it ${given}${capped}`;
  };
  return ['## Resources', ...sized.map(line)].join('\n');
}

function workflowAnswer(example: Example, kb: Knowledge): string {
  const o = example.output;
  const intent = o.intent!;
  const parts = [['## Analysis Intent', ...intentBullets(intent, kb, platformName(example, kb)), '', '```json', JSON.stringify(intent), '```'].join('\n')];
  if (o.tools?.length) parts.push(toolsSection('Tools', o.tools, kb));
  const notes = notesSection(example, kb);
  if (notes) parts.push(notes);
  const outputs = requestedOutputs(example, kb);
  if (outputs) parts.push(outputs);
  const resources = resourcesSection(example, kb);
  if (resources) parts.push(resources);
  const open = intent.missing_information.map((m) => needHint(m, example, kb)).filter((m): m is string => Boolean(m));
  const readLength = readLengthHint(example, kb);
  if (readLength) open.push(readLength);
  if (open.length) parts.push(['## Before you run', ...open.map((m) => `- ${m.charAt(0).toUpperCase()}${m.slice(1)}.`)].join('\n'));
  if (o.workflow) parts.push(workflowSection(o.workflow));
  return parts.join('\n\n');
}

function diagnosisAnswer(example: Example): string {
  const o = example.output;
  const parts: string[] = [];
  if (o.diagnosis) parts.push(`## Diagnosis\n${o.diagnosis}`);
  if (o.fix_steps && o.fix_steps.length > 0) parts.push(['## Fix', ...o.fix_steps.map((s, i) => `${i + 1}. ${s}`)].join('\n'));
  return parts.join('\n\n');
}

/** The assistant turn of a training conversation: the answer its task gives, as markdown. */
export function renderTaskAnswer(example: Example, kb: Knowledge): string {
  const o = example.output;
  switch (taskOf(example)) {
    case 'intent_parsing':
      return o.intent ? intentAnswer(example, kb) : '';
    case 'tool_selection':
      return o.intent ? toolAnswer(example, kb) : toolsSection('Recommended Tools', o.tools ?? [], kb);
    case 'workflow_generation':
      return o.intent ? workflowAnswer(example, kb) : o.workflow ? workflowSection(o.workflow) : '';
    case 'education':
      return o.explanation ?? '';
    case 'error_diagnosis':
      return diagnosisAnswer(example);
  }
}
