import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { selectTools } from '../../../src-main/tool-selector';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

/** Words that name one assay (or one group of analysis types): a catalogue sentence naming one belongs to those types only. */
const ASSAY_WORDS: [RegExp, string[]][] = [
  [/\bHi-C\b/, ['hic']],
  [/bisulfite/i, ['methylation_bisulfite']],
  [/\bChIP-seq\b/, ['chip_seq']],
  [/\bATAC-seq\b/, ['atac_seq']],
  [/\bCUT&(RUN|Tag)\b/, ['cut_and_run']],
  [/metagenom/i, ['metagenomics_functional', 'metagenomics_taxonomic']],
  [/\bsingle[- ]cells?\b/i, ['scrna_seq', 'spatial_transcriptomics', 'de_novo_genome_assembly']],
  [/\b(single|bacterial|archaeal)\b[^.]*\bgenomes?\b/i, ['de_novo_genome_assembly', 'long_read_assembly']],
];

describe("a rationale's sentences come from the tool's role in this analysis (review class 4)", () => {
  it("a tool's catalogue purpose, said in every analysis it serves, names this analysis's assay or none (not BWA's 'Hi-C ends' in a viral answer)", () => {
    const wrong: string[] = [];
    for (const type of kb.analysisTypes) {
      for (const step of type.steps) {
        for (const id of step.tools) {
          const tool = kb.toolById.get(id)!;
          const named = ASSAY_WORDS.filter(([re]) => re.test(tool.purpose));
          if (named.length && !named.some(([, types]) => types.includes(type.id))) wrong.push(`${id} in ${type.id}: ${tool.purpose}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('Bowtie2 aligns the two mates of a pair together; FastQC reads each mate file on its own', () => {
    const tools = selectTools(intentOf(kb, 'chip_seq', { read_layout: 'paired' }), kb, 'ChIP-seq, paired-end');
    const bowtie2 = tools.find((t) => t.tool === 'bowtie2')!.rationale;
    expect(bowtie2).toMatch(/both mates together/);
    expect(bowtie2).not.toMatch(/each mate/);
    expect(tools.find((t) => t.tool === 'fastqc')!.rationale).toMatch(/each mate on its own/);
  });

  it('BWA in a Hi-C chain says why -5SP; in a viral chain it says nothing of Hi-C', () => {
    const hic = selectTools(intentOf(kb, 'hic', { read_layout: 'paired' }), kb, 'Hi-C, paired-end').find((t) => t.tool === 'bwa')!.rationale;
    expect(hic).toMatch(/-5SP -T0 aligns each end of a Hi-C pair on its own/);
    const viral = selectTools(intentOf(kb, 'viral_genomics', { read_layout: 'paired' }), kb, 'SARS-CoV-2 amplicon sequencing, paired-end, align with BWA');
    expect(viral.find((t) => t.tool === 'bwa')?.rationale ?? '').not.toMatch(/Hi-C/);
  });
});
