import { z } from 'zod';

/**
 * How one tool runs as a Nextflow process: what it takes, what it writes, and the command per read layout and
 * platform. The workflow generator renders modules from this alone, so the declared outputs and the files
 * the command writes come from one entry (and the loader checks that they agree).
 */

const Name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'names are lower_snake_case');

/** A data kind flowing between processes: reads, bam, bai, vcf, count_matrix, ... */
export const DataKindSchema = Name;

/**
 * One file slot of an input: `bam` (the variable is named after its kind) or `counts=count_matrix|salmon_quant`
 * (variable `counts`, filled by whichever of those kinds the pipeline produced last).
 */
export const SlotSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(=[a-z][a-z0-9_]*(\|[a-z][a-z0-9_]*)*)?$/, "a slot is 'kind' or 'name=kind|kind'")
  .transform((s) => {
    const [name, kinds] = s.split('=') as [string, string | undefined];
    return { name, kinds: kinds ? kinds.split('|') : [name] };
  });
export type Slot = z.output<typeof SlotSchema>;

export const InputModeSchema = z.enum([
  /** one task per sample: `tuple val(meta), path(a), path(b)` */
  'sample',
  /** one task for all samples: each slot is `path x` holding every sample's files */
  'collect',
  /** one task per tumour/normal pair: `tuple val(meta), path(tumor_a), ..., path(normal_a), ...` */
  'pair',
]);
export type InputMode = z.infer<typeof InputModeSchema>;

export const ProcessInputSchema = z.object({
  mode: InputModeSchema.default('sample'),
  /** for pairs: the two roles, read from the last `_`-separated word of a sample name (S1_tumor, S1_normal) */
  roles: z.tuple([Name, Name]).default(['tumor', 'normal']),
  files: z.array(SlotSchema).min(1),
  /**
   * collect mode: when the samples carry roles (ChIP libraries beside their inputs), only this role's files: the
   * ChIP reads and their peaks, not the input controls
   */
  role: Name.optional(),
  /** reference files staged as `path x` inputs, given as `file(params.x)`; ids from references.yaml */
  references: z.array(Name).default([]),
  /**
   * pair mode: slots filled once per pair by an earlier pair step (Manta's candidate small indels for Strelka2),
   * joined to the pair on its meta after the tumour and normal files
   */
  pair_files: z.array(SlotSchema).default([]),
  /**
   * sample mode: further kinds, one per file slot, whose files run through the process as items of their own
   * beside the main ones (a caller's indel VCF beside its SNV VCF); their meta id gets `_<suffix>`, so the
   * outputs named from it stay unique
   */
  also: z.array(z.object({ kinds: z.array(DataKindSchema).min(1), suffix: Name })).default([]),
  /**
   * sample mode: read the files of every step whose output of the first slot's kinds still stands (two callers'
   * VCFs), not only the latest; a step that read such an output and writes the same kind (a filter) stands for
   * it. With more than one such step, each step's items get its tool id on the meta id and under this meta key
   * (nf-core/sarek annotates each caller's calls with meta.variantcaller), so the outputs named from it stay unique
   */
  each_producer: Name.optional(),
  /**
   * what the process needs of the BAM it reads (its tool's documentation): records sorted by `coordinate` (with
   * its index, which samtools index makes of coordinate-sorted files only: MethylDackel, DELLY, the GATK tools) or
   * kept in read-name order, each read's records together (`name`: pairtools parse, as the aligner writes them);
   * `duplicates: marked` where duplicates must be flagged (or removed) first (DELLY). The tool selector puts a
   * duplicate-marking step into the chain before such a reader; the generator wires no BAM that lacks them
   */
  bam_needs: z.strictObject({ order: z.enum(['coordinate', 'name']).optional(), duplicates: z.literal('marked').optional() }).optional(),
});

/** Command keys: `default`, or a read layout (`paired`, `single`) or a platform (`ont`, `hifi`). */
export const VariantKeySchema = z.enum(['default', 'paired', 'single', 'ont', 'hifi']);
export type VariantKey = z.infer<typeof VariantKeySchema>;

export const ProcessOutputSchema = z.object({
  /** emit name; the output's kind unless given */
  emit: Name.optional(),
  kind: DataKindSchema,
  /** file or folder name, `${prefix}` for the sample-unique prefix; `*` only where the tool picks the rest */
  pattern: z
    .string()
    .min(1)
    .refine((p) => !/[{},\s]/.test(p.replace(/\$\{[A-Za-z_.]+\}/g, '')), 'one name per pattern: no braces, commas or spaces'),
  /** the output is a folder (the stub creates it with mkdir) */
  dir: z.boolean().default(false),
  /**
   * for files the tool names itself from an argument (STAR's --outFileNamePrefix, FastQC's input name): the
   * argument text, which every command variant must contain
   */
  named_by: z.string().optional(),
  /**
   * for a file the tool names itself (`named_by`) behind a `*`: the names it writes under each command variant
   * (Bismark's `X_PE_report.txt` / `X_SE_report.txt`), which the stub creates; each must match the pattern
   */
  writes: z.partialRecord(VariantKeySchema, z.array(z.string().min(1)).min(1)).optional(),
  /** MultiQC can read it */
  report: z.boolean().default(false),
  /**
   * for a BAM (required there, checked at load): how its records are ordered. `coordinate`: the command sorts
   * it (samtools sort without -n, STAR SortedByCoordinate); `name`: as the aligner wrote it, each read's records
   * together; `input`: the order of the BAM the process read (Picard MarkDuplicates, ApplyBQSR, samtools view)
   */
  order: z.enum(['coordinate', 'name', 'input']).optional(),
  /** for a BAM: duplicates flagged (`marked`, Picard MarkDuplicates) or dropped (`removed`); unset: as the BAM it read */
  duplicates: z.enum(['marked', 'removed']).optional(),
});
export type ProcessOutput = z.infer<typeof ProcessOutputSchema>;

export const ResourceLabelSchema = z.enum(['process_single', 'process_low', 'process_medium', 'process_high', 'process_high_memory']);
export type ResourceLabel = z.infer<typeof ResourceLabelSchema>;

const ExtArgsSchema = z.record(z.string(), z.string());
const ScriptDefsSchema = z.record(Name, z.string().min(1));

/**
 * A process a tool's step needs beside its per-sample one, run once over all samples and rendered as a module of
 * its own (modules/<tool>_<name>, the tool's container and version): `before` the step, what every per-sample task
 * reads (Salmon's index of a de novo assembly, built once instead of in every task); `after` it, a cohort step over
 * every sample's output (CombineGVCFs and GenotypeGVCFs on a cohort's GVCFs). Its outputs count as the tool's.
 */
export const StageSchema = z.object({
  name: Name,
  at: z.enum(['before', 'after']),
  label: ResourceLabelSchema,
  input: ProcessInputSchema,
  outputs: z.array(ProcessOutputSchema).min(1),
  command: z.partialRecord(VariantKeySchema, z.string().min(3)).refine((c) => Object.keys(c).length > 0, 'at least one command variant'),
  script_defs: ScriptDefsSchema.default({}),
  /** why it runs once over all samples, as a comment above its call */
  call_note: z.string().min(10).optional(),
});
export type Stage = z.infer<typeof StageSchema>;

const ProcessCore = z.object({
  label: ResourceLabelSchema,
  input: ProcessInputSchema,
  outputs: z.array(ProcessOutputSchema).min(1),
  /**
   * the task script per variant, in Nextflow string syntax: `${task.cpus}`, `${prefix}`, `${args}`, input
   * variables (`${reads}`, `${reads[0]}`, `${fasta}`), organism facts as `{org.mappable_genome_size}`, the
   * library strandedness as `{strand}`, the comparison's groups as `${case_group}` and `${control_group}` (`{group1}`: the case), value
   * inputs given as --case_group / --control_group where the request names none; `\$` for a shell `$`.
   * A variant a tool lacks means the tool does not take that data.
   */
  command: z.partialRecord(VariantKeySchema, z.string().min(3)).refine((c) => Object.keys(c).length > 0, 'at least one command variant'),
  /** task.ext.args per analysis type (`default` for the rest), written to nextflow.config */
  ext_args: ExtArgsSchema.default({ default: '' }),
  /**
   * reads from a two-colour instrument the request names (platforms.yaml two_colour_keywords): `args` join the
   * process's task.ext.args (fastp --trim_poly_g, Trim Galore --2colour 20), and `why` says why, from the tool's own
   * docs or source; the one fact every text about poly-G tails reads
   */
  two_colour: z.strictObject({ args: z.string().min(2), why: z.string().min(20) }).optional(),
  /** what `{strand}` becomes for each library strandedness */
  strand: z.record(z.enum(['forward', 'reverse', 'unstranded', 'unknown']), z.string()).optional(),
  /** a script shipped in resources/templates, run with `template`; then `command` says what it does */
  template: z.string().regex(/^[a-z0-9_]+\.(R|py|sh)$/).optional(),
  /**
   * Groovy values the script computes before its command, as `def NAME = EXPR` after `def args` (nf-core's
   * style), used in the command as `${NAME}`: a thread count derived from task.cpus, say
   */
  script_defs: ScriptDefsSchema.default({}),
  /** shell command printing the version for versions.yml */
  version: z.string().min(3),
  /**
   * conda packages with pinned versions, e.g. bioconda::star=2.7.11b (the conda profile uses them); empty for a
   * tool with no Conda package (its licence allows none: tool_rules.yaml says conda: false)
   */
  conda: z.array(z.string().regex(/^[a-z0-9-]+::[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]+$/, 'channel::package=version')),
  /** container used when the `gpu` constraint is given */
  gpu_container: z.string().optional(),
  /** a choice the step makes that a reader of main.nf should see (co-assembly for binning), as a comment above its call */
  call_note: z.string().min(10).optional(),
  /** processes run once over all samples before or after this one (an index, a cohort step) */
  stages: z.array(StageSchema).default([]),
});

export const ProcessSchema = ProcessCore.extend({
  /**
   * per analysis type, or per request focus (request_focus.yaml: single-nucleus scRNA-seq, a targeted somatic
   * panel, RRBS): fields that replace the entry's (ChIP-seq peaks against an input; nuclei counted with introns)
   */
  // no defaults here: a field an override leaves out is the entry's (its ext.args too). A key `a+b` applies where
  // every one of those focuses does, after each alone (an exome sequenced without a normal: targeted_somatic+tumor_only)
  overrides: z.record(z.string().regex(/^[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, "an override key is 'name' or 'focus+focus'"), ProcessCore.extend({ ext_args: ExtArgsSchema.optional(), script_defs: ScriptDefsSchema.optional() }).partial()).default({}),
});
export type Process = z.infer<typeof ProcessSchema>;
export type ResolvedProcess = z.infer<typeof ProcessCore>;

/**
 * The process for one analysis type and the request's focuses: the entry with that type's override applied,
 * then each focus's (a focus names one analysis type, so its override refines that type's).
 */
export function resolveProcess(p: Process, analysisType: string, focuses: readonly string[] = []): ResolvedProcess {
  const { overrides, ...base } = p;
  const combined = Object.keys(overrides).filter((key) => key.includes('+') && key.split('+').every((f) => focuses.includes(f)));
  const fields = [analysisType, ...focuses, ...combined].flatMap((key) => Object.entries(overrides[key] ?? {}).filter(([, v]) => v !== undefined));
  return { ...base, ...Object.fromEntries(fields) };
}

/**
 * A command line that starts with `{with REF}` runs only where the reference REF is staged: a reference whose
 * references.yaml entry names an organism fact (the ENCODE blacklist) exists only for organisms and builds that
 * have that fact. `{with A,B}` runs where all of them are staged, and `{without A,B}` exactly where that line
 * does not (Mutect2 with the GATK bundle's germline resource and panel of normals, else without). `staged` says
 * which such references this workflow stages.
 */
export const WITH_LINE = /^(\s*)\{(with|without) ([a-z][a-z0-9_]*(?:,[a-z][a-z0-9_]*)*)\} ?/;
export function conditionalLines(command: string, staged: (ref: string) => boolean): string {
  return command
    .split('\n')
    .flatMap((line) => {
      const m = WITH_LINE.exec(line);
      if (!m) return [line];
      const all = m[3]!.split(',').every(staged);
      return all === (m[2] === 'with') ? [m[1]! + line.slice(m[0].length)] : [];
    })
    .join('\n');
}

/** The references a `{with ...}` / `{without ...}` line names, or none for an unconditional line. */
export function conditionalRefs(line: string): string[] {
  return WITH_LINE.exec(line)?.[3]?.split(',') ?? [];
}

/** Which command variant applies: the platform for long reads, the layout for short reads, else `default`; none: the tool does not take these data. */
export function variantFor(p: Pick<ResolvedProcess, 'command'>, platform: string, paired: boolean): VariantKey | undefined {
  const order: VariantKey[] = platform === 'illumina' ? [paired ? 'paired' : 'single', 'default'] : [platform as VariantKey, 'default'];
  return order.find((k) => p.command[k] !== undefined);
}

/** How a genome or a region list names its contigs: UCSC (chr1, chr2L, chrM) or Ensembl (1, 2L, MT). */
export const ContigNaming = z.enum(['ucsc', 'ensembl']);
export type ContigNaming = z.infer<typeof ContigNaming>;

/** Reference files processes stage (references.yaml): default location under the project, {build} for the genome build. */
export const ReferenceSchema = z.object({
  id: Name,
  description: z.string().min(5),
  default: z.string().min(3),
  /**
   * an organism fact (per genome build) without which the reference does not exist: a process stages it only
   * for organisms that have it, and its command uses it only in `{with ID}` lines
   */
  organism_fact: z.string().optional(),
  /**
   * for a reference with an organism fact: what a workflow on a genome without it loses, said in the rationale of
   * each tool that would stage it ("no panel of normals: ..."); `{organism}` is the organism and build
   */
  absent: z.string().min(10).optional(),
  /** where the file comes from and what it must match, as a comment on its params line in main.nf */
  source: z.string().min(10).optional(),
  /** how the published file names its contigs; where the genome's naming (organism fact contig_naming) differs, the command renames them ({rename.ID}) */
  contig_naming: ContigNaming.optional(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

/** Organism-derived values commands use as `{org.KEY}`. */
export const OrganismFactsSchema = z.object({
  /** non-N bases per genome build (deepTools' first table), the effective genome size where multimapping reads are kept */
  effective_genome_size: z.record(z.string(), z.number().int().positive()).optional(),
  /**
   * uniquely mappable bases per genome build and read length (deepTools' second table): MACS2 -g and deepTools
   * --effectiveGenomeSize for MAPQ-filtered reads; the row at or below the request's read length is used
   */
  mappable_genome_size: z.record(z.string(), z.record(z.string().regex(/^\d+$/, 'a read length'), z.number().int().positive())).optional(),
  /** miRBase species code for miRDeep2 (hsa, mmu, ...) */
  mirbase: z.string().regex(/^[a-z]{3,4}$/).optional(),
  /** Ensembl species name for VEP --species */
  vep_species: z.string().regex(/^[a-z_]+$/).optional(),
  /** snpEff database name per genome build */
  snpeff_db: z.record(z.string(), z.string()).optional(),
  /**
   * curated known-variant sets per genome build for GATK BaseRecalibrator --known-sites (GATK's resource bundle for
   * human, the Mouse Genomes Project for GRCm38), as the answer names them; builds without one have none
   */
  known_sites: z.record(z.string(), z.string().min(20)).optional(),
  /** BUSCO lineage dataset */
  busco_lineage: z.string().regex(/^[a-z_]+_odb\d+$/).optional(),
  /**
   * ENCODE blacklist v2 (Amemiya et al. 2019, Boyle-Lab/Blacklist lists/) per genome build: the file's name
   * stem; builds without one (GRCm39, no list published) have none, and their workflows filter no blacklist
   */
  encode_blacklist: z.record(z.string(), z.string().regex(/^[a-z]+[0-9]+-blacklist\.v2$/)).optional(),
  /**
   * names of the mitochondrial contig in the genome FASTAs users align to (UCSC style and Ensembl's: chrM and MT,
   * BDGP6 mitochondrion_genome, WBcel235 MtDNA, R64 Mito, TAIR10 Mt), for dropping mitochondrial reads
   */
  mito_contigs: z.array(z.string().regex(/^[A-Za-z0-9_.]+$/)).min(1).optional(),
  /**
   * names of the chloroplast (plastid) contig in the genome FASTAs users align to, plants only (TAIR10: ChrC in
   * TAIR's FASTA, Pt in Ensembl Plants'): an ATAC-seq filter drops those reads as it drops mitochondrial ones
   */
  plastid_contigs: z.array(z.string().regex(/^[A-Za-z0-9_.]+$/)).min(1).optional(),
  /**
   * how the organism's annotation names its mitochondrial genes (HGNC MT-CO1, MGI mt-Co1, RGD Mt-co1, ZFIN mt-co1,
   * FlyBase mt:CoI) or its gene ids (TAIR ATMG00010, SGD Q0045 on chrM, PlasmoDB PF3D7_MIT02300): single-cell QC counts the share of reads
   * on genes whose symbol or id starts with it, compared in upper case. An organism without one says why in
   * mito_genes_unnamed (exactly one of the two, checked at load); without an organism the QC looks for MT- or mt-
   */
  mito_gene_prefix: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*[-:_]?$/).optional(),
  /**
   * why no prefix finds this organism's mitochondrial genes (no mitochondria; gene names with no shared prefix): its
   * single-cell QC skips the percent-mito filter, and the answer says so
   */
  mito_genes_unnamed: z.string().min(20).optional(),
  /**
   * GATK's somatic resource bundle per genome build (gs://gatk-best-practices/somatic-hg38, as nf-core/sarek stages
   * it): the file names of the af-only gnomAD germline resource Mutect2 reads as --germline-resource, of the panel of
   * normals (--panel-of-normals), and of the common biallelic sites GetPileupSummaries reads for
   * CalculateContamination; each has a .tbi beside it. A build without them runs Mutect2 without.
   */
  germline_resource: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.-]+\.vcf\.gz$/)).optional(),
  panel_of_normals: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.-]+\.vcf\.gz$/)).optional(),
  contamination_variants: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.-]+\.vcf\.gz$/)).optional(),
  /**
   * the cytosine contexts whose methylation a bisulfite workflow reports for the organism (CpG alone where not
   * given): plants also methylate CHG and CHH (CMT3, DRM2 / RdDM), which a CpG-only extraction drops
   */
  methylation_contexts: z
    .array(z.enum(['CpG', 'CHG', 'CHH']))
    .refine((c) => ['CpG', 'CHG', 'CHH'].every((x) => c.includes(x as 'CpG')), 'CpG alone is the default (leave the fact out); else list all three: CpG, CHG, CHH')
    .optional(),
  /**
   * DELLY's exclude list per genome build (its excludeTemplates/ file name: telomeres, centromeres and other
   * regions, under both chr1 and 1 contig names for human and mouse), which delly call reads with -x; builds
   * without one (GRCm39) have none, and DELLY runs on every region there
   */
  delly_exclude: z.record(z.string(), z.string().regex(/^[a-z]+\.[A-Za-z0-9]+\.excl\.tsv$/)).optional(),
  /** approximate genome length in bases (Canu genomeSize) */
  genome_size: z.number().int().positive().optional(),
  /** truth and training sets VQSR and CNNScoreVariants learn from (HapMap, Omni, 1000G, dbSNP: human only) */
  gatk_truth_resources: z.string().min(10).optional(),
  /**
   * how the genome FASTA and GTF this build's workflows expect name their contigs, per genome build: `ucsc`
   * (chr1, chr2L, chrM) or `ensembl` (1, 2L, MT); a reference file in another naming (the ENCODE blacklist) is
   * renamed to it, or refused at load
   */
  contig_naming: z.record(z.string(), ContigNaming).optional(),
  /**
   * UCSC names -> this organism's Ensembl names: drop the prefix, then the names that differ beyond it (the
   * mitochondrion: chrM -> MT, mitochondrion_genome, MtDNA)
   */
  ucsc_to_ensembl: z.strictObject({ strip_prefix: z.string().min(1), rename: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.]+$/)) }).optional(),
});
export type OrganismFacts = z.infer<typeof OrganismFactsSchema>;
/**
 * `{org.KEY}` keys: the facts, the organism's default genome build, and plastid_alternation: `|` and the plastid
 * contigs as a regex alternation to append to the mitochondrial ones (`|ChrC|Pt`), '' for an organism without a
 * plastid fact, so one ATAC-seq filter serves animals and plants; mito_gene_upper (the mitochondrial gene prefix in
 * upper case) and mito_gene_regex (^ and the prefix) for single-cell QC in Python and R: MT- and ^(MT|mt)- when no
 * organism is named, '' (no filter) for an organism with mito_genes_unnamed.
 */
export const ORGANISM_FACT_KEYS = [...Object.keys(OrganismFactsSchema.shape), 'genome_build', 'plastid_alternation', 'mito_gene_upper', 'mito_gene_regex'];

/** A stage as a process of its own: the tool's version, conda and container facts, no ext.args or template of the step's. */
export function stageProcess(p: ResolvedProcess, s: Stage): ResolvedProcess {
  const { name: _name, at: _at, ...core } = s;
  return { ...p, ...core, call_note: s.call_note, ext_args: { default: '' }, template: undefined, two_colour: undefined, stages: [] };
}
