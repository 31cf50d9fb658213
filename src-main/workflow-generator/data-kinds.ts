/** Data flowing between processes: what each tool consumes and produces, and how outputs are named. */
export type DataKind =
  | 'reads' | 'qc' | 'bam' | 'vcf' | 'counts' | 'results' | 'peaks' | 'bigwig' | 'assembly' | 'report'
  | 'matrix' | 'h5ad' | 'alignment' | 'tree' | 'pairs' | 'cool' | 'consensus';

export const KIND_EXT: Record<DataKind, string> = {
  reads: '.fastq.gz', qc: '.zip', bam: '.bam', vcf: '.vcf.gz', counts: '.counts.txt', results: '.tsv', peaks: '.bed',
  bigwig: '.bw', assembly: '.fasta', report: '.txt', matrix: '.mtx.gz', h5ad: '.h5ad', alignment: '.aln.fasta',
  tree: '.treefile', pairs: '.pairs.gz', cool: '.mcool', consensus: '.consensus.fa',
};

export interface ToolFlow {
  consumes: DataKind;
  produces: DataKind;
  /** gathers the outputs of all samples into one task */
  collect?: boolean;
  /** explicit output pattern when the tool writes something other than `<prefix><ext>` */
  output?: string;
}

/** How every catalog tool plugs into a pipeline. */
export const TOOL_FLOWS: Record<string, ToolFlow> = {
  fastqc: { consumes: 'reads', produces: 'qc', output: '*.{html,zip}' },
  nanoplot: { consumes: 'reads', produces: 'qc', output: 'nanoplot_out' },
  multiqc: { consumes: 'qc', produces: 'report', collect: true, output: 'multiqc_report.html' },
  fastp: { consumes: 'reads', produces: 'reads', output: '*.trim.fastq.gz' },
  trimmomatic: { consumes: 'reads', produces: 'reads', output: '*.trim.fastq.gz' },
  cutadapt: { consumes: 'reads', produces: 'reads', output: '*.trim.fastq.gz' },
  trim_galore: { consumes: 'reads', produces: 'reads', output: '*.fq.gz' },
  star: { consumes: 'reads', produces: 'bam', output: '*.bam' },
  hisat2: { consumes: 'reads', produces: 'bam' },
  bwa: { consumes: 'reads', produces: 'bam' },
  bwa_mem2: { consumes: 'reads', produces: 'bam' },
  bowtie2: { consumes: 'reads', produces: 'bam' },
  minimap2: { consumes: 'reads', produces: 'bam' },
  bismark: { consumes: 'reads', produces: 'bam', output: '*.bam' },
  starsolo: { consumes: 'reads', produces: 'matrix', output: '*Solo.out' },
  cellranger: { consumes: 'reads', produces: 'matrix', output: '*/outs/filtered_feature_bc_matrix' },
  spaceranger: { consumes: 'reads', produces: 'matrix', output: '*/outs' },
  samtools: { consumes: 'bam', produces: 'bam', output: '*.sorted.bam' },
  picard: { consumes: 'bam', produces: 'bam', output: '*.markdup.bam' },
  gatk_bqsr: { consumes: 'bam', produces: 'bam', output: '*.recal.bam' },
  salmon: { consumes: 'reads', produces: 'counts', output: '*.salmon' },
  kallisto: { consumes: 'reads', produces: 'counts', output: '*.kallisto' },
  featurecounts: { consumes: 'bam', produces: 'counts', collect: true, output: 'counts.txt' },
  htseq: { consumes: 'bam', produces: 'counts' },
  deseq2: { consumes: 'counts', produces: 'results', collect: true, output: '*.tsv' },
  edger: { consumes: 'counts', produces: 'results', collect: true, output: '*.tsv' },
  limma: { consumes: 'counts', produces: 'results', collect: true, output: '*.tsv' },
  mofa2: { consumes: 'results', produces: 'results', collect: true, output: '*.hdf5' },
  gatk_haplotypecaller: { consumes: 'bam', produces: 'vcf' },
  gatk_mutect2: { consumes: 'bam', produces: 'vcf' },
  deepvariant: { consumes: 'bam', produces: 'vcf' },
  freebayes: { consumes: 'bam', produces: 'vcf' },
  strelka2: { consumes: 'bam', produces: 'vcf', output: 'strelka/results/variants/*.vcf.gz' },
  manta: { consumes: 'bam', produces: 'vcf', output: 'manta/results/variants/*.vcf.gz' },
  delly: { consumes: 'bam', produces: 'vcf', output: '*.bcf' },
  sniffles: { consumes: 'bam', produces: 'vcf' },
  clair3: { consumes: 'bam', produces: 'vcf', output: 'clair3_out/*.vcf.gz' },
  bcftools: { consumes: 'vcf', produces: 'vcf' },
  vep: { consumes: 'vcf', produces: 'vcf' },
  snpeff: { consumes: 'vcf', produces: 'vcf' },
  cnvkit: { consumes: 'bam', produces: 'results', output: 'cnvkit' },
  macs2: { consumes: 'bam', produces: 'peaks', output: '*_peaks.*Peak' },
  seacr: { consumes: 'bam', produces: 'peaks', output: '*.stringent.bed' },
  homer: { consumes: 'peaks', produces: 'results', output: 'homer_out' },
  deeptools: { consumes: 'bam', produces: 'bigwig' },
  methyldackel: { consumes: 'bam', produces: 'results', output: '*.bedGraph' },
  kraken2: { consumes: 'reads', produces: 'report' },
  bracken: { consumes: 'report', produces: 'results' },
  metaphlan: { consumes: 'reads', produces: 'results', output: '*.profile.txt' },
  humann: { consumes: 'reads', produces: 'results', output: '*_humann' },
  dada2: { consumes: 'reads', produces: 'results', collect: true, output: '*.tsv' },
  qiime2: { consumes: 'results', produces: 'results', output: 'taxonomy.qza' },
  spades: { consumes: 'reads', produces: 'assembly', output: 'spades_out' },
  megahit: { consumes: 'reads', produces: 'assembly', output: 'megahit_out' },
  flye: { consumes: 'reads', produces: 'assembly', output: 'flye_out' },
  canu: { consumes: 'reads', produces: 'assembly', output: 'canu_out' },
  trinity: { consumes: 'reads', produces: 'assembly', output: 'trinity_out*' },
  medaka: { consumes: 'assembly', produces: 'assembly', output: 'medaka_out' },
  busco: { consumes: 'assembly', produces: 'report', output: 'busco_out' },
  quast: { consumes: 'assembly', produces: 'report', output: 'quast_out' },
  prokka: { consumes: 'assembly', produces: 'results', output: 'prokka_out' },
  scanpy: { consumes: 'matrix', produces: 'h5ad' },
  seurat: { consumes: 'matrix', produces: 'h5ad', output: '*.rds' },
  squidpy: { consumes: 'matrix', produces: 'results' },
  mageck: { consumes: 'reads', produces: 'results', collect: true, output: '*.gene_summary.txt' },
  mafft: { consumes: 'reads', produces: 'alignment' },
  iqtree: { consumes: 'alignment', produces: 'tree', output: '*.treefile' },
  raxml_ng: { consumes: 'alignment', produces: 'tree', output: '*.raxml.bestTree' },
  pairtools: { consumes: 'bam', produces: 'pairs' },
  cooler: { consumes: 'pairs', produces: 'cool', output: '*.cool' },
  juicer: { consumes: 'pairs', produces: 'results', output: '*.hic' },
  hicexplorer: { consumes: 'cool', produces: 'results', output: 'tads*' },
  mirdeep2: { consumes: 'reads', produces: 'counts', output: 'miRNAs_expressed_*.csv' },
  rmats: { consumes: 'bam', produces: 'results', collect: true, output: 'rmats_out' },
  stringtie: { consumes: 'bam', produces: 'results', output: '*.gtf' },
  isoquant: { consumes: 'bam', produces: 'results', output: 'isoquant_out' },
  arriba: { consumes: 'bam', produces: 'results', output: 'fusions.tsv' },
  star_fusion: { consumes: 'reads', produces: 'results', output: 'star_fusion' },
  ivar: { consumes: 'bam', produces: 'consensus', output: '*.fa' },
  pangolin: { consumes: 'consensus', produces: 'results', output: 'lineage_report.csv' },
};

/** A generic flow for catalog tools added later without an entry above. */
export const DEFAULT_FLOW: ToolFlow = { consumes: 'reads', produces: 'results' };
