import type { Tool } from '../knowledge/schemas';
import { type DataKind, KIND_EXT } from './data-kinds';

/** Placeholders that name reference files: staged as `path` inputs and given from params. */
export const REFERENCE_PLACEHOLDERS = new Set([
  'index', 'fasta', 'gtf', 'db', 'dbsnp', 'whitelist', 'library', 'primers', 'chromsizes', 'blacklist', 'ctat',
  'lineage', 'classifier', 'ref', 'image', 'genome', 'mature', 'hairpin', 'arf', 'samplesheet', 'design', 'model',
]);

const OUTPUT_EXT: Record<string, string> = {
  bam: '.bam', vcf: '.vcf.gz', bcf: '.bcf', bigwig: '.bw', counts: '.counts.txt', report: '.kraken2.report.txt',
  profile: '.profile.txt', h5ad: '.h5ad', rds: '.rds', aln: '.aln.fasta', pairs: '.pairs.gz', cool: '.cool',
  hic: '.hic', json: '.json', metrics: '.metrics.txt', bedgraph: '.bedgraph', consensus: '.consensus.fa',
  out1: '_1.trim.fastq.gz', out2: '_2.trim.fastq.gz', out1p: '_1.trim.fastq.gz', out2p: '_2.trim.fastq.gz',
  out1u: '_1.unpaired.fastq.gz', out2u: '_2.unpaired.fastq.gz',
};

/** The variable a process input of this kind is bound to. */
export function inputVar(kind: DataKind): string {
  return kind === 'reads' ? 'reads' : kind === 'qc' ? 'qc_files' : kind;
}

export interface RenderedCommand {
  script: string;
  references: string[];
  params: string[];
}

/**
 * Turns the catalog's typical command into a task script: {cpus} -> task.cpus, inputs -> input
 * variables, outputs -> prefix-based names, reference files -> staged inputs, other values -> params.
 */
export function renderCommand(tool: Tool, consumes: DataKind, produces: DataKind, paired: boolean): RenderedCommand {
  const references: string[] = [];
  const params: string[] = [];
  const input = inputVar(consumes);
  const script = tool.typical_command.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'cpus') return '${task.cpus}';
    if (consumes === 'reads' && (name === 'reads' || name === 'fastq_dir')) return '${reads}';
    if (consumes === 'reads' && name === 'r1') return paired ? '${reads[0]}' : '${reads}';
    if (consumes === 'reads' && name === 'r2') return paired ? '${reads[1]}' : '';
    if (name === input || name === `${input}s` || (consumes === 'bam' && ['tumor', 'bams', 'group1'].includes(name))) return `\${${input}}`;
    if (consumes === 'assembly' && ['contigs', 'assembly'].includes(name)) return `\${${input}}`;
    if (consumes === 'report' && name === 'report') return `\${${input}}`;
    if (consumes === 'alignment' && name === 'aln') return `\${${input}}`;
    if (consumes === 'matrix' && (name === 'matrix' || name === 'h5ad')) return `\${${input}}`;
    if (consumes === 'consensus' && name === 'consensus') return `\${${input}}`;
    if (consumes === 'counts' && name === 'counts') return `\${${input}}`;
    if (consumes === 'peaks' && name === 'peaks') return `\${${input}}`;
    if (consumes === 'vcf' && name === 'vcf') return `\${${input}}`;
    if (name === 'out' || name === 'prefix' || name === 'sample' || name === 'name') return name === 'out' ? `\${prefix}${KIND_EXT[produces]}` : '${prefix}';
    if (OUTPUT_EXT[name]) return `\${prefix}${OUTPUT_EXT[name]}`;
    if (REFERENCE_PLACEHOLDERS.has(name)) {
      if (!references.includes(name)) references.push(name);
      return `\${${name}}`;
    }
    if (!params.includes(name)) params.push(name);
    return `\${params.${name}}`;
  });
  return { script: script.replace(/ {2,}/g, ' ').trim(), references, params };
}

/** Default values for params a command uses, so the generated project runs with --help-level defaults. */
export const PARAM_DEFAULTS: Record<string, string> = {
  strand: '2', contrast: 'condition', adapter: 'AGATCGGAAGAGC', genome_size: 'hs', control: 'input.bam', normal: 'normal.bam',
  normal_name: 'normal', treatment: 'treated', size: '5m', group2: 'group2.txt', bedgraph: 'signal.bedgraph',
  species: 'hsa', read_group: "'@RG\\\\tID:sample\\\\tSM:sample\\\\tPL:ILLUMINA'", known: 'known_sites.vcf.gz',
};
