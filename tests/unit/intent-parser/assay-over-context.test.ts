import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

// A named assay outranks the words that describe the study's design or its samples: a design cue ('a time course',
// 'stranded libraries') decides the analysis only when no assay is named, a tumour named as the sample of another
// assay is context, and a long-read RNA assay named ('full-length transcripts') makes a splicing goal its long-read
// analysis. Wordings written for this file, none from a labelled set.
const kb = loadKnowledge();
const analysis = (q: string) => parseIntent(q, kb).analysis_type;

describe('a named assay outranks design cues', () => {
  it.each([
    ['single-cell RNA-seq of zebrafish fins over a time course, build me a pipeline', 'scrna_seq'],
    ['spatial workflow for a time course of mouse wound healing', 'spatial_transcriptomics'],
    ['splicing changes in a time course experiment on human cells', 'alternative_splicing'],
  ])('%s', (q, type) => expect(analysis(q)).toBe(type));

  it('design cues alone still name bulk RNA-seq', () => {
    expect(analysis('stranded libraries, a time course, mouse liver, please build the pipeline')).toBe('rna_seq_de');
  });
});

describe('a tumour named as the sample of another assay is context', () => {
  it.each([
    ['spatial workflow for human tumour sections', 'spatial_transcriptomics'],
    ['could you set up a spatial pipeline for mouse tumor tissue', 'spatial_transcriptomics'],
  ])('%s', (q, type) => expect(analysis(q)).toBe(type));

  it.each([
    ['call variants on tumour exomes', 'somatic_variants'],
    ['a tumour sample, call somatic variants with mutect2', 'somatic_variants'],
  ])('variant calling on a tumour stays somatic: %s', (q, type) => expect(analysis(q)).toBe(type));
});

describe('a long-read RNA assay named makes a splicing goal its long-read analysis', () => {
  it('full-length transcripts with isoform switching', () => {
    expect(analysis('full-length transcripts of fly heads, we want isoform switching')).toBe('long_read_rnaseq');
  });
});

describe("'small' misspelt too short for the corrector is unambiguous before RNA", () => {
  it.each(['smll RNA-seq of mouse testis, build the workflow', 'we did sall rna sequencing on zebrafish embryos', 'smal rna from human plasma, miRNA counts please'])('%s', (q) =>
    expect(analysis(q)).toBe('small_rna_seq'));
});
