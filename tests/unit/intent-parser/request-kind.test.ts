import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { IntentSchema } from '../../../src-preload/schemas/intent';

const kb = loadKnowledge();
const kind = (q: string) => parseIntent(q, kb).request_kind;

describe('request kind', () => {
  it('is workflow for analysis requests', () => {
    expect(kind('RNA-seq differential expression for mouse liver')).toBe('workflow');
    expect(kind('analyze my sequencing data')).toBe('workflow');
  });

  it.each([
    ['how does salmon quantify transcripts without alignment?', 'explanation'],
    ['what is the difference between a TAD and a loop in Hi-C', 'explanation'],
    ['which aligner should I use for nanopore cDNA reads?', 'tool_advice'],
    ['find public datasets of human liver scRNA-seq', 'data_search'],
    ['STAR fails with "EXITING because of FATAL ERROR in reads input: quality string length is not equal to sequence length"', 'troubleshooting'],
    ['how do I bake a chocolate cake', 'off_topic'],
    // cues added after the held-out requests of issue 18 were first parsed
    ['picard MarkDuplicates throws an exception on my merged BAM', 'troubleshooting'],
    ['java.lang.IllegalArgumentException: contig chr1 not found', 'troubleshooting'],
    ['the duplication rate in my WGS is 60%, should I be worried?', 'troubleshooting'],
    ['samples cluster by batch on the PCA, what should I do?', 'troubleshooting'],
    ['the ATAC fragment sizes look flat, bad library?', 'troubleshooting'],
    ['FFPE artefacts everywhere in my variant calls, how to fix', 'troubleshooting'],
    ['can anyone explain what a UMI is?', 'explanation'],
    ['bowtie2 or something else for CUT&RUN?', 'tool_advice'],
    ['what do people align nanopore cDNA with?', 'tool_advice'],
    ['best assembler for a plant genome from HiFi reads?', 'tool_advice'],
    ['Could you prepare a standardized ChIP-seq analysis for mouse liver?', 'workflow'],
    ['so I got some mouse data and need to do ATAC-seq, any ideas?', 'workflow'],
    ['Hi-C on our fly embryos, where do I start?', 'workflow'],
  ] as const)('%s -> %s', (q, expected) => {
    expect(kind(q)).toBe(expected);
  });

  it('defaults to workflow when an intent stored before the field existed is read back', () => {
    const { request_kind: _k, ...old } = parseIntent('ChIP-seq peak calling for H3K27ac in human liver', kb);
    expect(IntentSchema.parse(old).request_kind).toBe('workflow');
  });
});

describe('request kind of the generated examples', () => {
  it('reads every generated query variation, tool-selection and workflow question as the kind its target carries', async () => {
    const { planTemplateItems } = await import('../../../src-main/generators/template-engine');
    const { makeExample } = await import('../../../src-main/generators/example-factory');
    for (const k of ['query_variation', 'tool_selection', 'workflow'] as const) {
      const plan = planTemplateItems(kb, k, 300, 11);
      const off = plan.specs
        .map((_, i) => makeExample(plan.render(i)))
        .filter((e) => e.output.intent && e.output.intent.analysis_type !== 'unknown' && parseIntent(e.input, kb).request_kind !== e.output.intent.request_kind)
        .map((e) => e.input);
      expect(off, k).toEqual([]);
    }
  });
});
