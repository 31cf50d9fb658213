import { describe, expect, it } from 'vitest';
import { countArtefacts, findArtefacts } from '../../../src-main/generators/artefacts';

const kinds = (t: string, names?: Set<string>) => findArtefacts(t, names).map((a) => `${a.kind} ${a.match}`);

describe('the query artefact detector', () => {
  it('finds each artefact quoted in issue 17, with what matched', () => {
    const cases: [string, string[]][] = [
      ['call variantts / grch37 / / /', ['empty_slot / /', 'empty_slot /']],
      ['RNA-seq for mouse liver, paired-end reads reads', ['doubled_word reads reads']],
      ['i need a assemble pipeline', ['article a assemble', 'not_noun_phrase a assemble pipeline']],
      ['Background: There are three replicates. We are studying. Request: ChIP-seq', ['missing_object studying.']],
      ['It needs to run that fits in 16 GB of RAM.', ['slot_misfit run that fits']],
      ['16S amplicon tissue soil ;', ['empty_slot ;']],
      ['workflow atac mouse w/', ['empty_slot /', 'dangling_preposition w/']],
      ['crispr screen human MAeCK', ['mixed_case_typo MAeCK']],
      ['small rna DEkLY for mouse', ['mixed_case_typo DEkLY']],
      ['Design a reproducible downregulated pipeline for mouse liver', ['not_noun_phrase a reproducible downregulated pipeline']],
      ['Please perform integrate on human liver samples.', ['not_noun_phrase perform integrate']],
      ['Nanopore assembly of yeast. The libraries were sequenced on an Illumina NovaSeq 6000.', ['platform_conflict short-read and long-read platform in one request']],
      ['Until now I have never run ONT variant calling. The HiFi reads have a median length of about 15 kb.', ['platform_conflict Oxford Nanopore and PacBio in one request']],
      ['Can a pipeline be set up for HiFi variant calling for murine blood samples, with Medaka and Clair3?', ['platform_conflict Oxford Nanopore and PacBio in one request']],
      ['Please generate a workflow for ChIP-seq with .', ['empty_slot .', 'dangling_preposition with .']],
      ['Implement ATAC-seq for () in Nextflow.', ['empty_slot ()']],
      ['GIVE ME AN RECIPE FOR BANANA BREAD', ['article AN RECIPE']],
      ['16S of pig stool samples, with the contrast treated vs. control,; the run has to work using conda.', ['empty_slot ,;']],
    ];
    for (const [text, expected] of cases) expect(kinds(text), text).toEqual(expected);
  });

  it('passes well-formed requests, real names and correct articles', () => {
    const names = new Set(['MAGeCK', 'GRCh38']);
    for (const t of [
      'Please generate a Nextflow DSL2 workflow for RNA-seq differential expression in mouse liver, treated vs control.',
      'an RNA-seq pipeline for an SV call set and a ChIP-seq run on a Hi-C library',
      'CRISPR screen analysis with MAGeCK for human K562 cells on GRCh38',
      'scRNA-seq of human PBMCs, 10x Chromium, NovaSeq run, about 8,000 cells per sample.',
      'a unique sample and an hour of compute, a WGS run, an ATAC-seq library',
      'hey, can you help me run 16S amplicon analysis on soil samples?',
      'my supervisor asked for microRNA profiling of a containerized pipeline to call variants',
      'STAR-Fusion fusion calling mouse lung',
      // shouted: capitals are words, not acronyms read letter by letter
      'GIVE ME A RECIPE FOR BANANA BREAD...',
    ])
      expect(findArtefacts(t, names), t).toEqual([]);
  });

  it('counts per kind over many texts and keeps examples', () => {
    const c = countArtefacts(['a assemble pipeline', 'fine text here', 'reads reads']);
    expect(c).toEqual({
      total: 3,
      byKind: { article: 1, not_noun_phrase: 1, doubled_word: 1 },
      examples: ["article 'a assemble', not_noun_phrase 'a assemble pipeline': a assemble pipeline", "doubled_word 'reads reads': reads reads"],
    });
  });
});
