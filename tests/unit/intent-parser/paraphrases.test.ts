import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

/** Our own requests, none of them in the golden set: [query, analysis type, organism id or null]. */
const PARAPHRASES: [string, string, string | null][] = [
  ['Which genes are up- or down-regulated in mouse liver after a high-fat diet compared to chow?', 'rna_seq_de', 'mouse'],
  ['differential expression mm10 liver, HFD vs chow, 2x150', 'rna_seq_de', 'mouse'],
  ['find DEGs between tumor and normal in hg38 samples', 'rna_seq_de', 'human'],
  ['RNA-sqe diferential expresion analysis for human liver', 'rna_seq_de', 'human'],
  ['get me counts per gene for drosophila gut, then compare starved and fed', 'rna_seq_de', 'fly'],
  ['DGE analysis for macaque brain with kallisto, low RAM', 'rna_seq_de', 'macaque'],
  ['single nucleus RNA sequencing of human kidney', 'scrna_seq', 'human'],
  ['scrna seq PBMC covid patients vs healthy donors', 'scrna_seq', 'human'],
  ['call peaks on my CUT&Tag data from human cells', 'cut_and_run', 'human'],
  ['which enhancers are bound by p300 in human heart', 'chip_seq', 'human'],
  ['ChIP seq H3K4me3 human hg19', 'chip_seq', 'human'],
  ['how do promoter accessibility patterns differ between naive and activated T cells in mouse', 'atac_seq', 'mouse'],
  ['run an atac-seq pipeline for rat heart', 'atac_seq', 'rat'],
  ['whole genome sequnecing germline variants for human, paired-end', 'wgs_germline_variants', 'human'],
  ['pls map my reads to hg38 and tell me the SNPs', 'wgs_germline_variants', 'human'],
  ['call variants on exome data from patients, no docker, use singularity', 'wes_germline_variants', 'human'],
  ['map reads with bwa-mem2 and mark duplicates, human exome', 'wes_germline_variants', 'human'],
  ['somatic SNVs from tumor normal pairs of dog osteosarcoma', 'somatic_variants', 'dog'],
  ['we sequenced tumour DNA and blood DNA from 12 patients, what mutations did the tumour acquire', 'somatic_variants', 'human'],
  ['find big inversions and translocations in human genomes sequenced with illumina', 'structural_variants', 'human'],
  ['call structural variation in cattle short reads with manta', 'structural_variants', 'cow'],
  ['copy number alterations from exome of human tumors', 'cnv', 'human'],
  ["I'd like to know which loci gained or lost copies in these human tumours", 'cnv', 'human'],
  ['WGBS on mouse embryos', 'methylation_bisulfite', 'mouse'],
  ['RRBS of zebrafish fin', 'methylation_bisulfite', 'zebrafish'],
  ['I need a methylome for maize leaves', 'methylation_bisulfite', 'maize'],
  ['what bacteria are in my stool metagenome', 'metagenomics_taxonomic', null],
  ['are there bacteria in these honey bee samples, we did shotgun sequencing', 'metagenomics_taxonomic', null],
  ['what metabolic pathways does my soil metagenome encode', 'metagenomics_functional', null],
  ['bin MAGs from a wastewater metagenome', 'metagenomics_functional', null],
  // a microbiome's host is sample context (tissue 'chicken gut'), not the organism
  ['16S rRNA sequencing of chicken gut', 'amplicon_16s', null],
  ['ITS amplicon fungi from soil', 'amplicon_16s', null],
  ['HiC TAD calling in mouse', 'hic', 'mouse'],
  ['assemble the genome of a plant from ONT reads', 'long_read_assembly', null],
  ['assemble a 3 Gb plant genome with hifi reads', 'long_read_assembly', null],
  ['detect SVs from PacBio HiFi human genome', 'long_read_variants', 'human'],
  ['nanopore variant calling for human, gpu', 'long_read_variants', 'human'],
  ['long-read isoform sequencing human brain PacBio', 'long_read_rnaseq', 'human'],
  ['which isoforms are expressed in human retina, we have minion cdna reads', 'long_read_rnaseq', 'human'],
  ['hybrid assembly of a bacterial isolate', 'de_novo_genome_assembly', null],
  ['de novo assembly of transcriptome for a non-model fish', 'de_novo_transcriptome_assembly', null],
  ['miRNA-seq human plasma exosomes', 'small_rna_seq', 'human'],
  ['CRISPR knockout screen analysis with mageck, mouse', 'crispr_screen', 'mouse'],
  ['we did CRISPRi with a library of guides in K562, find hits', 'crispr_screen', 'human'],
  ['Visium spatial data from human heart', 'spatial_transcriptomics', 'human'],
  ['integrate scRNA and ATAC multiome data human', 'multi_omics_integration', 'human'],
  ['proteogenomics of human liver tumors', 'multi_omics_integration', 'human'],
  ['phylogenetic tree of influenza HA sequences', 'phylogenetics', null],
  ['alternative splicing analysis with rMATS in human cells', 'alternative_splicing', 'human'],
  ['fusion genes in leukemia RNA-seq', 'gene_fusion', null],
  ['SARS-CoV-2 lineage assignment with pangolin', 'viral_genomics', 'sars_cov_2'],
  ["what's the weather like today", 'unknown', null],
  ['bake a cake', 'unknown', null],
  ['Tell me a joke', 'unknown', null],
];

describe('paraphrases outside the golden set', () => {
  it.each(PARAPHRASES)('%s', (query, type, organism) => {
    const intent = parseIntent(query, kb);
    expect(intent.analysis_type).toBe(type);
    expect(intent.organism?.id ?? null).toBe(organism);
  });

  it('covers at least 30 queries and every analysis type', () => {
    expect(PARAPHRASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PARAPHRASES.map((p) => p[1]))).toEqual(new Set([...kb.analysisTypes.map((t) => t.id), 'unknown']));
  });
});
