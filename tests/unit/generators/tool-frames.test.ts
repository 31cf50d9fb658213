import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { Rng } from '../../../src-main/generators/rng';
import type { Slots } from '../../../src-main/generators/slots';
import { TOOL_FRAMES } from '../../../src-main/generators/tool-frames';
import { planPerGolden, TOOL_SELECTION_PER_GOLDEN, toolSelectionSeed } from '../../../src-main/generators/tool-selection';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { diffIntents } from '../../../src-main/review/intent-diff';
import { mentionsWorkflow } from '../../../src-main/task-contract/asks';

const kb = loadKnowledge();
const FULL: Slots = {
  analysis: 'differential gene expression analysis',
  analysisShort: 'RNA-seq DE',
  organism: 'mouse',
  organismFormal: 'Mus musculus (GRCm39)',
  tissue: 'liver',
  cellType: null,
  sample: 'mouse liver',
  samples: 'mouse liver samples',
  source: 'liver samples',
  layout: 'paired-end',
  strand: 'reverse-stranded',
  comparison: 'treated vs control',
  tools: 'STAR and DESeq2',
  constraints: 'without Docker',
  constraintsAreLimits: true,
  context: 'unused',
  wording: kb.requestWording,
  study: { cohort: null, background: null, sequencing: null, library: null, location: 'unused', outputs: null, practical: 'unused', interest: null, timeCourse: null, sex: null, facts: { total: '12 samples', perGroup: null, instrument: null, depth: null, readLength: null, strain: null, interest: null, times: null, outputs: null } },
};
const BARE: Slots = { ...FULL, analysis: 'ATAC-seq analysis', analysisShort: 'ATAC-seq', organism: null, organismFormal: null, tissue: null, sample: null, samples: null, source: null, layout: null, strand: null, comparison: null, tools: null, constraints: null };

describe('tool-selection user frames', () => {
  it('read typed slots as English: sample noun phrases, adjectives, adverbials after run, no shorthand', () => {
    expect(TOOL_FRAMES.map((f) => f(FULL, Rng.of(1)))).toEqual([
      'Which tools should I use for differential gene expression analysis on mouse liver samples with paired-end reads from a reverse-stranded library, comparing treated vs control, if I want to keep STAR and DESeq2, given that it has to run without Docker?',
      'What tools would you pick, in order, for an RNA-seq DE project on mouse liver samples (paired-end reads) comparing treated vs control that includes STAR and DESeq2, running without Docker?',
      'Recommend a tool chain for differential gene expression analysis of mouse liver samples sequenced paired-end to compare treated vs control; I would like to keep STAR and DESeq2; it must run without Docker. Why each tool?',
      'I need to choose software for differential gene expression analysis with mouse liver samples (paired-end reads), comparing treated vs control. Where should STAR and DESeq2 go in the chain? Everything has to run without Docker. Which tool should I use at each step?',
      'Tool advice please: differential gene expression analysis for mouse liver samples, paired-end reads, reverse-stranded library, treated vs control, with STAR and DESeq2, to run without Docker. Which tools, and why?',
      'quick one: which tools would you use for an RNA-seq DE project on my mouse liver samples, paired-end reads, treated vs control, ideally with STAR and DESeq2 - it has to run without Docker?',
      'For differential gene expression analysis on mouse liver samples (paired-end reads) with the contrast treated vs control, what is the right set of tools? We already use STAR and DESeq2. It has to run without Docker.',
      'Can you list the tools, step by step, for differential gene expression analysis of mouse liver samples from paired-end reads (treated vs control), keeping STAR and DESeq2, running without Docker, and say why you chose each?',
      'Reference: Mus musculus (GRCm39). Which tools fit differential gene expression analysis of liver samples with paired-end reads, comparing treated vs control, if STAR and DESeq2 should stay in and everything runs without Docker?',
    ]);
    expect(TOOL_FRAMES.map((f) => f(BARE, Rng.of(1)))).toEqual([
      'Which tools should I use for ATAC-seq analysis?',
      'What tools would you pick, in order, for an ATAC-seq project?',
      'Recommend a tool chain for ATAC-seq analysis. Why each tool?',
      'I need to choose software for ATAC-seq analysis. Which tool should I use at each step?',
      'Tool advice please: ATAC-seq analysis. Which tools, and why?',
      'quick one: which tools would you use for an ATAC-seq project?',
      'For ATAC-seq analysis, what is the right set of tools?',
      'Can you list the tools, step by step, for ATAC-seq analysis, and say why you chose each?',
      'Which tools fit ATAC-seq analysis?',
    ]);
  });

  it('generated questions never use the bare ids or shorthand, never ask for a workflow, and read back as their intent', () => {
    const specs = planPerGolden(kb, TOOL_SELECTION_PER_GOLDEN, 2000);
    const seeds = specs.map((s) => toolSelectionSeed(kb, 42, s));
    const odd = seeds.filter((s) => /\bw\/|\b(pbmc|hek293|k562|hela|t cells|b cells|nk cells)\b/.test(s.input) || mentionsWorkflow(s.input));
    expect(odd.map((s) => s.input)).toEqual([]);
    // the parser reads every one of the 2,000 questions back as the intent it states
    expect(seeds.filter((s) => diffIntents(s.groundTruth!, parseIntent(s.input, kb)).mismatches > 0).map((s) => s.input)).toEqual([]);
    expect(seeds.length).toBe(2000);
    expect(makeExample(seeds[0]!).kind).toBe('tool_selection');
  });
});
