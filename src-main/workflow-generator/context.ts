import type { Intent } from '../../src-preload/schemas/intent';
import { hostOf } from '../knowledge/host';
import { organismFactFor } from '../knowledge/organism-facts';
import { type ResolvedProcess, type VariantKey, variantFor } from '../knowledge/process-schema';
import type { Knowledge, OrganismEntry, SampleSheet } from '../knowledge/schemas';
import type { AmpliconRegion } from '../knowledge/selection';
import { type Platform, type ReadInput, readInput, requestFocuses, requestReadLength, requestRegion, twoColourRun } from '../tool-selector/context';

/** What the generator knows about the data, from the intent (and an explicit platform, when given). */
export interface DataContext {
  analysisType: string;
  platform: Platform;
  /** paired-end Illumina; long reads and single-end reads are one file per sample */
  paired: boolean;
  organism: OrganismEntry | undefined;
  genomeBuild: string | undefined;
  strandedness: Intent['strandedness'];
  /**
   * the comparison's first group (the case) and second (the control); undefined when the request names no two
   * groups, and then the workflow takes them as parameters (--case_group / --control_group) instead of inventing them
   */
  caseGroup: string | undefined;
  controlGroup: string | undefined;
  /** why the reads are read in another layout than the request says, for main.nf */
  layoutNote: string | undefined;
  input: ReadInput;
  /** ids of the request's focuses (request_focus.yaml), whose process overrides apply after the analysis type's */
  focuses: string[];
  /** Illumina reads from a two-colour instrument the request names (NovaSeq, NextSeq) */
  twoColour: boolean;
  /** the amplicon region the request names (its primers), null when it names none */
  region: AmpliconRegion | null;
  /** per reference with a contig naming (the ENCODE blacklist): awk statements renaming its \$1 to the genome's naming, '' when they agree */
  contigRenames: Record<string, string>;
  /** the read length the request names, in bases (null: none named) */
  readLength: number | null;
}

/** The parameter naming the input and its default, as main.nf writes it: `params.reads = 'data/*.fastq.gz'`. */
export const inputParam = (input: ReadInput): string => `params.${input.samplesheet ? 'input' : 'reads'} = '${input.glob}'`;

/** A sample sheet's columns: sample, the FASTQ file(s), then its files and values. */
export const sampleSheetColumns = (sheet: SampleSheet, paired: boolean): string[] => [
  'sample',
  ...(paired ? ['fastq_1', 'fastq_2'] : ['fastq_1']),
  ...sheet.files.map((f) => f.column),
  ...sheet.values,
];

export function dataContext(intent: Intent, kb: Knowledge, platform: Platform, text = ''): DataContext {
  const groups = intent.comparison?.groups ?? [];
  const input = readInput(intent, kb, platform);
  // the request named a layout the library overrules
  const overruled = input.fixed !== undefined && (input.kind === 'paired' || input.kind === 'single') && intent.read_layout !== 'unknown' && intent.read_layout !== input.kind;
  return {
    analysisType: intent.analysis_type,
    platform,
    paired: input.kind === 'paired',
    // a host-associated community's host (sample context): its genome is the one host reads are removed against
    organism: intent.organism ? kb.organismById.get(intent.organism.id) : hostOf(intent, kb),
    genomeBuild: intent.organism?.genome_build ?? hostOf(intent, kb)?.genome_build,
    strandedness: intent.strandedness,
    caseGroup: groups.length >= 2 ? groups[0] : undefined,
    controlGroup: groups.length >= 2 ? groups[1] : undefined,
    layoutNote: overruled ? input.fixed : undefined,
    input,
    focuses: requestFocuses(intent, kb, text).map((f) => f.id),
    twoColour: platform === 'illumina' && twoColourRun(kb, text),
    region: requestRegion(intent, kb, text),
    readLength: requestReadLength(text),
    contigRenames: contigRenames(kb, intent.organism ? kb.organismById.get(intent.organism.id) : undefined, intent.organism?.genome_build),
  };
}

/**
 * For each reference published in one contig naming (references.yaml contig_naming), the awk statements that
 * rename column 1 of its lines to the naming of the genome build (organism facts contig_naming, ucsc_to_ensembl):
 * the names that differ beyond the prefix first, then the prefix dropped. '' where the namings agree or are not
 * known (the loader refuses a build whose reference differs without a conversion).
 */
function contigRenames(kb: Knowledge, organism: OrganismEntry | undefined, build: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const genome = organism?.facts.contig_naming?.[build ?? organism.genome_build];
  const convert = organism?.facts.ucsc_to_ensembl;
  for (const r of kb.referenceById.values()) {
    if (!r.contig_naming) continue;
    if (!genome || genome === r.contig_naming || !convert || r.contig_naming !== 'ucsc') {
      out[r.id] = '';
      continue;
    }
    const renames = Object.entries(convert.rename).map(([from, to]) => `if (\\$1 == "${from}") \\$1 = "${to}"; else `);
    out[r.id] = `${renames.join('')}sub(/^${convert.strip_prefix}/, "", \\$1); `;
  }
  return out;
}

/** Which command variant applies: the platform for long reads, the layout for short reads, else `default` (variantFor, which the tool selector uses too). */
export function variantKey(p: ResolvedProcess, ctx: DataContext): VariantKey | undefined {
  return variantFor(p, ctx.platform, ctx.paired);
}

/** Human words for the data, for comments: 'paired-end Illumina', 'ONT long-read', 'FASTA sequence'. */
export function describeData(ctx: DataContext): string {
  if (ctx.input.kind === 'fasta') return 'FASTA sequence';
  if (ctx.platform === 'ont') return 'Oxford Nanopore long-read';
  if (ctx.platform === 'hifi') return 'PacBio HiFi long-read';
  return ctx.paired ? 'paired-end Illumina' : 'single-end Illumina';
}

/** An organism fact's value for the intent's build, or undefined when the knowledge base has none. */
export function organismFact(key: string, ctx: DataContext): string | undefined {
  const o = ctx.organism;
  // the QC's mitochondrial gene prefix: the vertebrate MT-/mt- when no organism is named, '' (the filter is skipped)
  // for an organism whose facts say no prefix finds its mitochondrial genes
  if (key === 'mito_gene_upper') return o ? (o.facts.mito_gene_prefix ?? '').toUpperCase() : 'MT-';
  if (key === 'mito_gene_regex') return o ? (o.facts.mito_gene_prefix ? `^${o.facts.mito_gene_prefix}` : '') : '^(MT|mt)-';
  if (!o) return undefined;
  if (key === 'genome_build') return ctx.genomeBuild ?? o.genome_build;
  if (key === 'plastid_alternation') return (o.facts.plastid_contigs ?? []).map((c) => `|${c}`).join('');
  if (key === 'mappable_genome_size') return mappableSize(o, ctx.genomeBuild ?? o.genome_build, ctx.readLength)?.size.toString();
  return organismFactFor(o, key, ctx.genomeBuild ?? o.genome_build);
}

const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K', B: 'V', V: 'B', D: 'H', H: 'D', N: 'N' };
/** The reverse complement of an IUPAC sequence (degenerate bases complemented: R<->Y, K<->M, B<->V, D<->H). */
export const reverseComplement = (seq: string): string => [...seq].reverse().map((b) => COMPLEMENT[b] ?? b).join('');

/**
 * A primer placeholder's value: `fwd`, `rev` (the region's primers, else a value input the user gives), and
 * `three_prime`, the cutadapt 3' cuts of a region whose amplicon can be shorter than the reads (read 1 reads into
 * the reverse primer's reverse complement, read 2 into the forward's), empty otherwise.
 */
export function primerValue(key: string, ctx: DataContext): string | undefined {
  const r = ctx.region;
  if (key === 'three_prime') {
    if (!r?.read_through) return '';
    // -n 2: cutadapt removes only the best-matching adapter of a read unless told to search twice, so the 5'
    // primer and the 3' one would not both go (DADA2's ITS workflow runs cutadapt with -n 2 for this)
    const a = `-a ${reverseComplement(r.reverse.sequence)}`;
    return ctx.paired ? `${a} -A ${reverseComplement(r.forward.sequence)} -n 2 ` : `${a} -n 2 `;
  }
  if (!r) return undefined;
  return key === 'fwd' ? r.forward.sequence : key === 'rev' ? r.reverse.sequence : undefined;
}

/**
 * The mappable genome size of a build for a read length (organism fact mappable_genome_size, deepTools' table):
 * the row at or below the read length, or with no read length named (or one shorter than every row) the
 * shortest row. Undefined where the table has no figure for the build.
 */
export function mappableSize(o: OrganismEntry, build: string, readLength: number | null): { size: number; readLength: number } | undefined {
  const rows = Object.entries(o.facts.mappable_genome_size?.[build] ?? {})
    .map(([len, size]) => ({ readLength: Number(len), size }))
    .sort((a, b) => a.readLength - b.readLength);
  if (!rows.length) return undefined;
  return rows.filter((r) => readLength !== null && r.readLength <= readLength).at(-1) ?? rows[0];
}
