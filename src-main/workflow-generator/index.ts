import type { ToolChoice, WorkflowProject } from '../../src-preload/schemas/example';
import type { Intent } from '../../src-preload/schemas/intent';
import { bamAfter, bamGap, bamGapWords, readsBam } from '../knowledge/bam-state';
import { type ContigNaming, type ResolvedProcess, resolveProcess, stageProcess } from '../knowledge/process-schema';
import type { Knowledge, SampleSheet, Tool } from '../knowledge/schemas';
import { type Platform, platformOf } from '../tool-selector/context';
import { callerFilter } from './caller-filter';
import { type ConfiguredProcess, defaultProfile, renderConfig } from './config';
import { scaledResources } from './data-size';
import { type DataContext, dataContext, describeData, inputParam, organismFact, sampleSheetColumns, variantKey } from './context';
import { renderModule } from './process-module';
import { Channels, inputProducers, wireInputs } from './wiring';

export { inputParam, mappableSize } from './context';

export interface GenerateOptions {
  /** the request's text: the platform it names (HiFi, ONT) picks the commands' presets */
  text?: string;
  /** the sequencing platform, overriding the text */
  platform?: Platform;
}

const processName = (toolId: string) => toolId.toUpperCase();
const workflowName = (analysisType: string) => analysisType.toUpperCase();
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Samples from a sample sheet: one row per sample with its FASTQ file(s), further per-sample files (each its own
 * `[meta, file]` channel, taken by the named workflow) and values kept in the meta map.
 */
function sampleSheetEntry(ctx: DataContext, sheet: SampleSheet): { statements: string[]; args: string[]; takes: string[] } {
  const meta = `[id: row.sample, single_end: ${!ctx.paired}${sheet.values.map((v) => `, ${v}: row.${v}`).join('')}]`;
  const staged = (col: string) => `file(row.${col}, checkIfExists: true)`;
  const reads = ctx.paired ? `[${staged('fastq_1')}, ${staged('fastq_2')}]` : staged('fastq_1');
  const vars = ['meta', 'reads', ...sheet.files.map((f) => f.column)].join(', ');
  return {
    statements: [
      'ch_samples = channel.fromPath(params.input, checkIfExists: true)',
      '        .splitCsv(header: true)',
      `        .map { row -> [${[meta, reads, ...sheet.files.map((f) => staged(f.column))].join(', ')}] }`,
      `ch_reads = ch_samples.map { ${vars} -> [meta, reads] }`,
      ...sheet.files.map((f) => `ch_${f.kind} = ch_samples.map { ${vars} -> [meta, ${f.column}] }`),
    ],
    args: ['ch_reads', ...sheet.files.map((f) => `ch_${f.kind}`)],
    takes: sheet.files.map((f) => `${f.kind} // channel: [ meta, ${f.column} ]`),
  };
}

/** Where the reads are and how a sample's meta map is read from the file name. */
function entryChannel(ctx: DataContext, roles: readonly [string, string] | null): { glob: string; channel: string; note: string } {
  const pairs = roles !== null;
  // FASTA sequences have no read layout, so their meta map has no single_end
  const meta = (id: string, single: boolean | null) => {
    const layout = single === null ? '' : `, single_end: ${single}`;
    return pairs ? `[id: ${id}, pair: ${id}.substring(0, ${id}.lastIndexOf('_')), role: ${id}.substring(${id}.lastIndexOf('_') + 1)${layout}]` : `[id: ${id}${layout}]`;
  };
  // the roles of this analysis's pairing step only (a somatic workflow has no ChIP/input samples)
  const note = roles ? `// Sample names end in their role, e.g. P1_${roles[0]} / P1_${roles[1]}.` : '';
  const glob = ctx.input.glob;
  if (ctx.input.kind === 'fasta')
    return { glob, channel: `channel.fromPath(params.reads, checkIfExists: true)\n        .map { fa -> [${meta('fa.simpleName', null)}, fa] }`, note };
  if (ctx.input.kind === 'paired')
    return {
      glob,
      channel: `channel.fromFilePairs(params.reads, checkIfExists: true)\n        .map { id, files -> [${meta('id', false)}, files] }`,
      note,
    };
  return {
    glob,
    channel: `channel.fromPath(params.reads, checkIfExists: true)\n        .map { fq -> [${meta('fq.simpleName', true)}, fq] }`,
    note,
  };
}

function referenceDefault(id: string, kb: Knowledge, ctx: DataContext): string {
  const build = ctx.genomeBuild ?? ctx.organism?.genome_build ?? 'genome';
  const ref = kb.referenceById.get(id);
  // a reference that depends on the amplicon region (a classifier trained on that stretch of the gene)
  const byRegion = ctx.region?.references[id];
  // a published file named by an organism fact (the GATK bundle's af-only-gnomad.hg38.vcf.gz) keeps its own name
  const fact = ref?.organism_fact === undefined ? undefined : organismFact(ref.organism_fact, ctx);
  return (byRegion ?? ref?.default ?? `references/${id}`).replace(/\{build\}/g, build).replace(/\{fact\}/g, fact ?? id);
}

/** Why a value input has no default, and what to give: a primer of an unnamed amplicon region, or an organism fact the knowledge base lacks. */
function valueNote(v: string, ctx: DataContext): { param: string; check: string } {
  if (v === 'mappable_genome_size') {
    const k = ctx.readLength ?? 'READ_LENGTH';
    return {
      param: `no mappable genome size is known for this build: give --${v}, the number of unique k-mers of the genome FASTA for k = the read length (khmer's unique-kmers.py -k ${k} genome.fa, as deepTools recommends for MAPQ-filtered reads)`,
      check: `--${v} is required for this build: unique k-mers of the genome for k = the read length (khmer's unique-kmers.py)`,
    };
  }
  if (v === 'read_length') {
    return {
      param: 'the request states no read length: give --read_length, the sequenced read length before trimming (150 for 2x150 reads), which rMATS uses for its inclusion levels',
      check: '--read_length is required: the sequenced read length before trimming (150 for 2x150 reads), rMATS --readLength',
    };
  }
  if (v === 'case_group' || v === 'control_group') {
    const which = v === 'case_group' ? 'the group tested (the case)' : 'the reference group (the control)';
    return {
      param: `the request names no comparison: give ${which} as --${v}, a value of the sample sheet's condition column`,
      check: `--${v} is required: the request names no comparison, so give ${which}, a value of the sample sheet's condition column`,
    };
  }
  if (v.startsWith('primer_')) {
    const which = v === 'primer_fwd' ? 'forward primer (read 1)' : 'reverse primer (read 2)';
    return { param: `the request names no amplicon region: give the ${which}, 5'->3', as --${v}`, check: `--${v} is required: the ${which} of your amplicon region, 5'->3'` };
  }
  return { param: `no ${v} is known for this organism: give --${v}`, check: `--${v} is required for this organism` };
}

/** For a reference an organism fact names (the ENCODE blacklist): which published file it is, as a comment. */
function referenceSource(id: string, kb: Knowledge, ctx: DataContext): string {
  const ref = kb.referenceById.get(id);
  if (ref?.source) return ` // ${ref.source}`;
  // a file named by its fact in its default path ({fact}) needs no comment naming it
  const fact = ref?.default.includes('{fact}') ? undefined : ref?.organism_fact;
  const value = fact === undefined ? undefined : organismFact(fact, ctx);
  if (value === undefined) return '';
  const genome = genomeNaming(ctx);
  const build = ctx.genomeBuild ?? ctx.organism?.genome_build;
  const naming = !ref?.contig_naming || !genome
    ? ''
    : genome === ref.contig_naming
      ? ` (${NAMING[ref.contig_naming]} contig names, as the ${build} genome's)`
      : ` (${NAMING[ref.contig_naming]} contig names, renamed to the ${NAMING[genome]} names of the ${build} genome before filtering)`;
  return ` // ${value}.bed.gz, unzipped${naming}`;
}

const NAMING: Record<ContigNaming, string> = { ucsc: 'UCSC', ensembl: 'Ensembl' };

/** How the genome the workflow aligns to names its contigs (organism fact contig_naming of the build), if known. */
function genomeNaming(ctx: DataContext): ContigNaming | undefined {
  return ctx.organism?.facts.contig_naming?.[ctx.genomeBuild ?? ctx.organism.genome_build];
}

/**
 * Intent + tools -> a Nextflow DSL2 project (strict syntax): main.nf, one module per tool rendered from its
 * knowledge-base process entry, shipped scripts, nextflow.config. Deterministic for the same inputs.
 */
export function generateWorkflow(intent: Intent, tools: ToolChoice[], kb: Knowledge, options: GenerateOptions = {}): WorkflowProject {
  const ctx = dataContext(intent, kb, options.platform ?? platformOf(intent, kb, options.text), options.text);
  /** a reference that depends on an organism fact (the ENCODE blacklist) is staged only where the organism has it */
  const staged = (ref: string) => {
    const fact = kb.referenceById.get(ref)?.organism_fact;
    return fact === undefined || organismFact(fact, ctx) !== undefined;
  };
  const files: Record<string, string> = {};
  const channels = new Channels();
  channels.set('reads', { expr: 'reads', perSample: true });
  const sheet = ctx.input.samplesheet;
  for (const f of sheet?.files ?? []) channels.set(f.kind, { expr: f.kind, perSample: true });
  const body: string[] = [];
  const includes: string[] = [];
  const references = new Set<string>();
  const values = new Set<string>();
  const configured: ConfiguredProcess[] = [];
  let pairs: readonly [string, string] | null = null;

  const placed = new Set<string>();
  // FASTA sequences have no read layout (as the entry channel's meta), so a step over all of them has no single_end either
  const allSamplesMeta = ctx.input.kind === 'fasta' ? `[id: '${ctx.analysisType}']` : `[id: '${ctx.analysisType}', single_end: ${!ctx.paired}]`;
  type Placement = { ok: true } | { ok: false; why: string; missing: string[] };

  /** Renders one tool's module and its call (with its stages before and after), if its data and inputs are there. */
  const place = (tool: Tool, note?: string): Placement => {
    const resolved = resolveProcess(tool.process, ctx.analysisType, ctx.focuses);
    const before = resolved.stages.filter((s) => s.at === 'before');
    for (const [i, s] of before.entries()) {
      // a stage before the step (an index) runs first; the step's own inputs are checked once it has made its outputs
      const r = placeOne(tool, stageProcess(resolved, s), `${processName(tool.id)}_${s.name.toUpperCase()}`, `${tool.id}_${s.name}`, i === 0 ? note : undefined);
      if (!r.ok) return r;
    }
    const r = placeOne(tool, resolved, processName(tool.id), tool.id, before.length ? undefined : note);
    if (!r.ok) return r;
    for (const s of resolved.stages.filter((x) => x.at === 'after')) {
      const after = placeOne(tool, stageProcess(resolved, s), `${processName(tool.id)}_${s.name.toUpperCase()}`, `${tool.id}_${s.name}`);
      if (!after.ok) body.push(`    // ${tool.name}'s ${s.name} step is left out: ${after.why}`);
    }
    placed.add(tool.id);
    return { ok: true };
  };

  /** One process of a tool (its step, or one of its stages) as a module and a call; its outputs are the tool's. */
  const placeOne = (tool: Tool, resolved: ResolvedProcess, name: string, moduleId: string, note?: string): Placement => {
    const process = { ...resolved, input: { ...resolved.input, references: resolved.input.references.filter(staged) } };
    const variant = variantKey(process, ctx);
    if (!variant) return { ok: false, why: `it has no command for ${describeData(ctx)} data`, missing: [] };
    // the BAM it would read (the latest one made) must have the order and duplicate marking it needs (tools.yaml
    // bam_needs); the tool selector puts the steps that provide them into the chain, and nothing is added here
    const head = readsBam(process) ? channels.find(['bam']) : undefined;
    const gap = bamGap(process, head?.bam);
    if (gap) return { ok: false, why: `it ${bamGapWords(gap, kb.toolById.get(head?.producer ?? '')?.name ?? 'the step before', 'no step before it')}`, missing: [] };
    const wired = wireInputs(name, process, channels, allSamplesMeta, pairs !== null);
    if (wired.missing.length) return { ok: false, why: `no earlier step produces ${wired.missing.join(', ')}`, missing: wired.missing };
    if (process.input.mode === 'pair') pairs ??= process.input.roles;
    // a filter after variant callers tests only the tags each caller writes (variant_callers.yaml)
    const filter = process.command[variant]!.includes('{caller_filter}') ? callerFilter(inputProducers(process, channels), process.input.each_producer, kb) : undefined;
    const module = renderModule({ name, tool: moduleId === tool.id ? tool : { ...tool, id: moduleId }, process, variant, ctx, callerFilter: filter }, kb.templates);
    Object.assign(files, module.files);
    includes.push(`include { ${name} } from './modules/${moduleId}'`);
    configured.push({ name, tool, process, analysisType: ctx.analysisType, focuses: ctx.focuses, twoColour: ctx.twoColour });
    for (const r of process.input.references) references.add(r);
    for (const v of module.valueInputs) values.add(v);
    if (note) body.push(`    // ${note}`);
    // a reference the organism lacks (no blacklist for the build) is said where it would have been read (references.yaml absent; the tool's rationale says it too)
    for (const r of resolved.input.references.filter((x) => !staged(x))) {
      const absent = kb.referenceById.get(r)?.absent;
      const organism = ctx.organism ? `${ctx.organism.scientific_name} ${ctx.genomeBuild ?? ctx.organism.genome_build}` : 'this genome';
      if (absent) body.push(`    // ${absent.replace(/\{organism\}/g, organism)}`);
    }
    if (process.call_note) body.push(`    // ${process.call_note}`);
    body.push(...wired.before.map((l) => `    ${l}`));
    const args = [...wired.args, ...process.input.references.map((r) => `file(params.${r}, checkIfExists: true)`), ...module.valueInputs.map((v) => `params.${v}`)];
    body.push(`    ${name}(${args.join(', ')})`);
    body.push(`    ch_versions = ch_versions.mix(${name}.out.versions)`);
    // the channels this call reads: an output of the same kind stands for them (a filter for its caller's calls)
    const callText = [...wired.before, ...wired.args].join('\n');
    const read = new Set(channels.entries().flatMap(([, heads]) => heads.map((c) => c.expr).filter((e) => new RegExp(`(?<![\\w.])${e.replace(/\./g, '\\.')}(?![\\w])`).test(callText))));
    const bam = bamAfter(process, head?.bam);
    for (const o of process.outputs)
      channels.set(
        o.kind,
        { expr: `${name}.out.${o.emit ?? o.kind}`, perSample: process.input.mode !== 'collect', producer: tool.id, ...(o.kind === 'bam' && bam ? { bam } : {}) },
        o.report,
        read,
      );
    return { ok: true };
  };

  /** A tool of this analysis (required tools first, then its steps, then recommended ones) that makes a missing kind and can run now. */
  const provide = (missing: string[], forTool: Tool): boolean => {
    const type = kb.analysisTypeById.get(ctx.analysisType);
    const candidates = [...new Set([...(type?.required_tools ?? []), ...(type?.steps.flatMap((s) => s.tools) ?? []), ...(type?.recommended_tools ?? [])])];
    const wanted = new Set(missing.flatMap((m) => m.split(' or ')));
    for (const id of candidates) {
      const tool = kb.toolById.get(id);
      if (!tool || placed.has(id)) continue;
      if (!resolveProcess(tool.process, ctx.analysisType, ctx.focuses).outputs.some((o) => wanted.has(o.kind))) continue;
      if (place(tool, `${tool.name} added: ${forTool.name} needs its output, which no chosen step makes`).ok) return true;
    }
    return false;
  };

  for (const choice of tools) {
    const tool = kb.toolById.get(choice.tool);
    // an earlier tool may have had it added for its input (Manta for Strelka2's candidate indels)
    if (!tool || placed.has(tool.id)) continue;
    let result = place(tool);
    if (!result.ok && result.missing.length && provide(result.missing, tool)) result = place(tool);
    if (!result.ok) body.push(`    // ${tool.name} is left out: ${result.why}`);
  }

  const analysis = kb.analysisTypeById.get(intent.analysis_type);
  const entry = entryChannel(ctx, pairs);
  const wf = workflowName(intent.analysis_type);
  const organism = intent.organism
    ? `${intent.organism.scientific_name} (${intent.organism.genome_build})`
    : ctx.organism
      ? `none (microbial community); host ${ctx.organism.scientific_name} (${ctx.genomeBuild ?? ctx.organism.genome_build})`
      : 'not specified';
  const sheetEntry = sheet ? sampleSheetEntry(ctx, sheet) : undefined;
  const paramLines = [
    sheet ? `${inputParam(ctx.input)} // columns ${sampleSheetColumns(sheet, ctx.paired).join(',')}` : `params.reads = ${quote(entry.glob)}`,
    `params.outdir = 'results'`,
    ...[...references].sort().map((r) => `params.${r} = ${quote(referenceDefault(r, kb, ctx))}${referenceSource(r, kb, ctx)}`),
    ...[...values].sort().map((v) => `params.${v} = null // ${valueNote(v, ctx).param}`),
  ];
  // a kind with several standing producers (two callers' VCFs) leaves under each producer's name
  const emits = channels
    .entries()
    .filter(([k]) => k !== 'reads' && !sheet?.files.some((f) => f.kind === k))
    .flatMap(([k, heads]) => heads.map((c) => `    ${heads.length > 1 && c.producer ? `${c.producer}_${k}` : k} = ${c.expr}`));
  const checks = [...values].sort().map((v) => `    if (params.${v} == null) {\n        error("${valueNote(v, ctx).check}")\n    }`);
  const main = [
    `// ${analysis?.name ?? intent.analysis_type} on ${describeData(ctx)} data`,
    `// Organism: ${organism}${intent.tissue ? ` | Tissue: ${intent.tissue}` : ''}${intent.cell_type ? ` | Cells: ${intent.cell_type}` : ''}`,
    ...(intent.comparison ? [`// Comparison: ${intent.comparison.description}`] : []),
    ...(ctx.layoutNote ? [`// ${ctx.layoutNote}`] : []),
    ...(ctx.region ? [`// Amplicon: ${ctx.region.name}, primers ${ctx.region.forward.name} ${ctx.region.forward.sequence} / ${ctx.region.reverse.name} ${ctx.region.reverse.sequence}`] : []),
    `// Run: nextflow run main.nf -profile ${defaultProfile(intent)}   (check the wiring first with -stub)`,
    ...(entry.note ? [entry.note] : []),
    '',
    ...paramLines,
    '',
    ...includes,
    '',
    `workflow ${wf} {`,
    '    take:',
    '    reads // channel: [ meta, reads ]',
    ...(sheetEntry?.takes ?? []).map((t) => `    ${t}`),
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
    ...checks,
    ...(sheetEntry ? sheetEntry.statements.map((l) => (l.startsWith(' ') ? l : `    ${l}`)) : [`    ch_reads = ${entry.channel}`]),
    `    ${wf}(${(sheetEntry?.args ?? ['ch_reads']).join(', ')})`,
    '}',
    '',
  ];
  files['main.nf'] = main.join('\n');
  files['nextflow.config'] = renderConfig(intent, configured, scaledResources([...placed], intent, kb, ctx.platform, options.text));
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(files).sort((a, b) => (a === 'main.nf' ? -1 : b === 'main.nf' ? 1 : a.localeCompare(b)))) sorted[k] = files[k]!;
  return { files: sorted };
}
