import type { Intent } from '../../src-preload/schemas/intent';
import type { ResolvedProcess, VariantKey } from '../knowledge/process-schema';
import type { Knowledge, OrganismEntry } from '../knowledge/schemas';
import { requestPlatform } from '../tool-selector/context';

/** Sequencing platform of the reads: short reads, Oxford Nanopore, PacBio HiFi. */
export type Platform = 'illumina' | 'ont' | 'hifi';

/** What the generator knows about the data, from the intent (and an explicit platform, when given). */
export interface DataContext {
  analysisType: string;
  platform: Platform;
  /** paired-end Illumina; long reads and single-end reads are one file per sample */
  paired: boolean;
  organism: OrganismEntry | undefined;
  genomeBuild: string | undefined;
  strandedness: Intent['strandedness'];
  /** the comparison's first group (the case) and second (the control) */
  caseGroup: string;
  controlGroup: string;
  /** why the reads are read as single-end although the request says paired, for main.nf */
  layoutNote: string | undefined;
}

/** The platform of a request, from the platforms table the tool selector reads (named in the text, else the data type's default). */
export function platformOf(intent: Intent, kb: Knowledge, text = ''): Platform {
  const id = requestPlatform(intent, kb, text).id;
  return id === 'ont' || id === 'hifi' ? id : 'illumina';
}

/** 10x Chromium and Visium libraries are read pairs (barcode read + cDNA read), Hi-C pairs ligation ends; sequences are FASTA. */
const ALWAYS_PAIRED = new Set(['scrna_seq', 'spatial', 'hic']);
/**
 * Data read one file per sample whatever the request says: sequences are FASTA; a small-RNA insert (~22 nt) is read
 * whole by read 1 (Illumina's TruSeq Small RNA guidance: paired-end sequencing adds nothing), as nf-core/smrnaseq reads it.
 */
const NEVER_PAIRED = new Map<string, string | undefined>([
  ['sequences', undefined],
  ['small_rna', 'Read 1 holds the whole small-RNA insert (Illumina: paired-end adds nothing): params.reads takes the R1 files'],
]);

export function dataContext(intent: Intent, kb: Knowledge, platform: Platform): DataContext {
  const groups = intent.comparison?.groups ?? [];
  const dataType = kb.analysisTypeById.get(intent.analysis_type)?.data_type ?? '';
  const paired = ALWAYS_PAIRED.has(dataType) || (!NEVER_PAIRED.has(dataType) && intent.read_layout !== 'single');
  const overruled = platform === 'illumina' && intent.read_layout === 'paired' && !paired;
  return {
    analysisType: intent.analysis_type,
    platform,
    paired: platform === 'illumina' && paired,
    organism: intent.organism ? kb.organismById.get(intent.organism.id) : undefined,
    genomeBuild: intent.organism?.genome_build,
    strandedness: intent.strandedness,
    caseGroup: groups[0] ?? 'treated',
    controlGroup: groups[1] ?? 'control',
    layoutNote: overruled ? NEVER_PAIRED.get(dataType) : undefined,
  };
}

/** Which command variant applies: the platform for long reads, the layout for short reads, else `default`. */
export function variantKey(p: ResolvedProcess, ctx: DataContext): VariantKey | undefined {
  const order: VariantKey[] = ctx.platform === 'illumina' ? [ctx.paired ? 'paired' : 'single', 'default'] : [ctx.platform, 'default'];
  return order.find((k) => p.command[k] !== undefined);
}

/** Human words for the data, for comments: 'paired-end Illumina', 'ONT long-read'. */
export function describeData(ctx: DataContext): string {
  if (ctx.platform === 'ont') return 'Oxford Nanopore long-read';
  if (ctx.platform === 'hifi') return 'PacBio HiFi long-read';
  return ctx.paired ? 'paired-end Illumina' : 'single-end Illumina';
}

/** An organism fact's value for the intent's build, or undefined when the knowledge base has none. */
export function organismFact(key: string, ctx: DataContext): string | undefined {
  const o = ctx.organism;
  if (!o) return undefined;
  if (key === 'genome_build') return ctx.genomeBuild ?? o.genome_build;
  const value = (o.facts as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) {
    const byBuild = value as Record<string, string | number>;
    const v = byBuild[ctx.genomeBuild ?? o.genome_build];
    return v === undefined ? undefined : String(v);
  }
  return String(value);
}
