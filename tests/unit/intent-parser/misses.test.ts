import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { parseIntentWithRulesDetailed } from '../../../src-main/intent-parser/rule-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

// The classes of misses of issue 18, each with requests that are not in the labelled set or the golden queries.
const kb = loadKnowledge();
const parse = (q: string) => parseIntent(q, kb);
const type = (q: string) => parse(q).analysis_type;

describe('a tool named without an assay word', () => {
  it.each([
    ['quantify with kallisto, 50 bootstraps', 'rna_seq_de'],
    ['htseq-count on the sorted bams', 'rna_seq_de'],
    ['snpEff on the filtered vcf please', 'wgs_germline_variants'],
    ['cellranger count on the new run', 'scrna_seq'],
    ['cooler zoomify my pairs', 'hic'],
  ])('%s -> %s', (q, expected) => {
    expect(type(q)).toBe(expected);
  });

  it('never reads a variant annotator alone as somatic, which needs a tumour', () => {
    expect(type('run ensembl-vep on these calls')).toBe('wgs_germline_variants');
    expect(type('run ensembl-vep on these tumour calls')).toBe('somatic_variants');
  });
});

describe('platform vote before tool votes', () => {
  it('a long-read aligner with the platform named reads as long-read variant calling', () => {
    expect(type('minimap2 for my promethion reads vs the reference')).toBe('long_read_variants');
    expect(type('align PacBio reads to hg38 with minimap2')).toBe('long_read_variants');
  });

  it('a long-read-only tool implies long reads', () => {
    expect(type('Sniffles2 on the human cohort, SV calling')).toBe('long_read_variants');
  });
});

describe('clinical and cancer wording', () => {
  it.each([
    ['KRAS hotspot mutations in a lung cancer cohort', 'somatic_variants'],
    ['tumour biopsy, call the SNVs and indels', 'somatic_variants'],
    ['oncology panel from FFPE blocks, report variants', 'somatic_variants'],
    ['ctDNA from plasma, low-frequency mutations', 'somatic_variants'],
    ['germline variants in a familial cancer cohort, WGS', 'wgs_germline_variants'],
  ])('%s -> %s', (q, expected) => {
    expect(type(q)).toBe(expected);
  });
});

describe('two assays in one request', () => {
  it.each([
    'integrate our ATAC-seq with RNA-seq from the same donors',
    'ChIP-seq of the TF and RNA-seq after its knockdown',
    'single-nucleus multiome, gene expression and chromatin from one nucleus',
    'whole exome and RNA-seq from each tumour, link mutations to expression',
  ])('%s -> multi-omics integration', (q) => {
    expect(type(q)).toBe('multi_omics_integration');
  });

  it('a single assay named twice, or whole-genome bisulfite, stays one analysis', () => {
    expect(type('RNA-seq, bulk rna-seq of liver, DE between diets')).toBe('rna_seq_de');
    expect(type('whole genome bisulfite sequencing of sperm')).toBe('methylation_bisulfite');
    expect(type('switched from ChIP to CUT&Tag for H3K27me3')).toBe('cut_and_run');
  });
});

describe('"marker genes"', () => {
  it('is single-cell vocabulary in the plural; the 16S marker gene stays amplicon', () => {
    expect(type('rank marker genes of every cluster')).toBe('scrna_seq');
    expect(type('marker gene amplicon survey of river sediment')).toBe('amplicon_16s');
  });
});

describe('unicode', () => {
  it('reads full-width and compatibility characters as their NFKC forms', () => {
    const wide = parse('ＡＴＡＣ－ｓｅｑ ｈｕｍａｎ ｍｏｎｏｃｙｔｅｓ ｗｉｔｈ ＭＡＣＳ２');
    expect(wide.analysis_type).toBe('atac_seq');
    expect(wide.organism?.id).toBe('human');
    expect(wide.requested_tools).toEqual(['macs2']);
    expect(parse('ＣＵＴ＆Ｔａｇ mouse').analysis_type).toBe('cut_and_run');
    expect(parse('rna-seq: treated ｖｓ control').comparison?.groups).toEqual(['treated', 'control']);
  });
});

describe('request kind', () => {
  it.each([
    ['why does MACS2 need an effective genome size?', 'explanation'],
    ['what does a negative binomial dispersion estimate mean', 'explanation'],
    ['kallisto or salmon for 3 samples, which one?', 'tool_advice'],
    ['best aligner for bisulfite data?', 'tool_advice'],
    ['Error in .local(object, ...) : invalid class "DESeqDataSet"', 'troubleshooting'],
    ['bismark: only 8% of reads aligned, what could cause this', 'troubleshooting'],
    ['find public ATAC-seq datasets of mouse heart', 'data_search'],
    ['where can I download GTEx liver RNA-seq?', 'data_search'],
    ['suggest a name for my boat', 'off_topic'],
    ['how do I analyse ATAC-seq from mouse heart?', 'workflow'],
    ['what tools and workflow do you recommend for 16S of soil?', 'workflow'],
  ] as const)('%s -> %s', (q, expected) => {
    expect(parse(q).request_kind).toBe(expected);
  });

  it('an organism next to an everyday subject is not a request for analysis', () => {
    expect(parse('my dog ate a chocolate cake').request_kind).toBe('off_topic');
  });
});

describe('misses found when the held-out requests were first parsed', () => {
  it("DESeq2's constructors in an R error name DESeq2", () => {
    const r = parse('Error in DESeqDataSetFromMatrix(countData = cts, colData = coldata) : ncol(countData) == nrow(colData) is not TRUE');
    expect([r.request_kind, r.analysis_type, r.requested_tools]).toEqual(['troubleshooting', 'rna_seq_de', ['deseq2']]);
  });

  it('a named virus with amplicon sequencing is viral genomics, not 16S', () => {
    expect(type('drug resistance in HIV from amplicon sequencing of patient plasma')).toBe('viral_genomics');
  });

  it('tool categories and everyday words are not corrected into other words', () => {
    const r = parse('which aligner works best for ChIP?');
    expect([r.request_kind, r.organism]).toEqual(['tool_advice', null]);
    expect(parse('give me a workout plan for beginners').request_kind).toBe('off_topic');
  });

  it('scATAC is ATAC-seq', () => {
    expect(type('scATAC-seq of mouse brain')).toBe('atac_seq');
  });
});

describe('misses of the previous held-out set (moved to the tune set once read)', () => {
  it.each([
    ['the trimmed fastq files look empty after cutadapt even though the raw ones are fine', 'troubleshooting'],
    ['kraken2 reports way fewer reads classified than last run, is that expected?', 'troubleshooting'],
    ['strange spike of reads at chrM in every sample, artifact?', 'troubleshooting'],
    ['the pipeline pulls the singularity images again every time I launch it', 'troubleshooting'],
    ['adapter contamination in my small RNA libraries, how do I get rid of it?', 'troubleshooting'],
    ['is bwa still a good choice for ancient DNA or should I switch?', 'tool_advice'],
    ['what is a unique molecular identifier used for?', 'explanation'],
    ['what is FRiP and what value is acceptable?', 'explanation'],
    ['why are my reads soft-clipped and what does the CIGAR string mean?', 'explanation'],
  ] as const)('a symptom or a question with no error word: %s -> %s', (q, expected) => {
    expect(parse(q).request_kind).toBe(expected);
  });

  it.each([
    ['can we do ChIP-seq on our maize samples?', 'workflow'],
    ['my PI wants WGBS for some rice leaves?', 'workflow'],
    ['Goal: CNV detection of dog tumours. How would you set this up?', 'workflow'],
    ['any chance you can set up Hi-C for chicken cells?', 'workflow'],
    ['why do I need spike-ins for ChIP-seq?', 'explanation'],
  ] as const)('a soft ask for the analysis is a workflow request, and yields to a question: %s -> %s', (q, expected) => {
    expect(parse(q).request_kind).toBe(expected);
    // a soft ask decides the kind: it is not a guess
    expect(parseIntentWithRulesDetailed(q, kb).features.kind.cuelessQuestion).toBe(0);
  });

  it.each([
    ['delly on the tumour genomes', 'structural_variants'],
    ['cnvkit for the exome cohort', 'cnv'],
    ['nanopore reads of a yeast strain, I want the genome', 'long_read_assembly'],
    ['HiFi whole genome of a lizard, please assemble it', 'long_read_assembly'],
    ['HiFi plus Hi-C, chromosome-scale assembly of a moth', 'long_read_assembly'],
    ['variant calling from ONT reads with medaka', 'long_read_variants'],
    ['leiden clustering of my cells at several resolutions', 'scrna_seq'],
    ['CITE-seq of mouse splenocytes', 'multi_omics_integration'],
    ['diferentialy expresed genes in rat liver', 'rna_seq_de'],
  ] as const)('a tool or wording that names the analysis over the words for the data: %s -> %s', (q, expected) => {
    expect(type(q)).toBe(expected);
  });

  it('files and results of the user are on topic, misspelled pipeline words too', () => {
    expect(parse('set up something that processes my files').request_kind).toBe('workflow');
    expect(parse('um build me a bioinformatcis pipekine').request_kind).toBe('workflow');
    expect(parse('how do I recover deleted photos from my phone').request_kind).toBe('off_topic');
  });
});
