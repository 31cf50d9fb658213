import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { selectTools } from '../../../src-main/tool-selector';

const kb = loadKnowledge();
const why = (text: string, tool: string) => {
  const r = selectTools(parseIntent(text, kb), kb, text).find((t) => t.tool === tool)?.rationale;
  if (!r) throw new Error(`${tool} not chosen for ${text}`);
  return r;
};

describe('a step many analyses share says why it runs in this request, not its catalogue sentence', () => {
  it('FastQC, MultiQC, SAMtools, deepTools and Bowtie2 are tied to the reads and the chain around them', () => {
    const chip = 'ChIP-seq of H3K27ac in mouse liver, paired-end, with input controls';
    const rna = 'RNA-seq differential expression of human liver, treated vs control, single-end';
    const wgs = 'germline variant calling from human whole genomes, paired-end';
    for (const [text, tool] of [[chip, 'fastqc'], [chip, 'multiqc'], [chip, 'samtools'], [chip, 'deeptools'], [chip, 'bowtie2'], [wgs, 'samtools'], [rna, 'fastqc']] as const)
      expect(why(text, tool), `${tool}: ${text}`).not.toContain(kb.toolById.get(tool)!.purpose.replace(/\.$/, ''));
    expect(why(chip, 'fastqc')).toContain('read pairs');
    expect(why(rna, 'fastqc')).toContain('single-end reads');
    expect(why(chip, 'multiqc')).toMatch(/logs and reports of FastQC, .*Bowtie2/);
    expect(why(chip, 'deeptools')).toContain('effective genome size of the Mus musculus');
    expect(why(chip, 'deeptools')).toContain('. bamCoverage turns');
    expect(why(chip, 'samtools')).toContain('MAPQ 30');
    expect(why(wgs, 'samtools')).toMatch(/how the (BWA|BWA-MEM2) alignments of each sample came out/);
  });

  it('a tool a focus adds (Bowtie2 removing host reads) is explained by the focus, not as a ChIP-seq aligner', () => {
    const r = why('shotgun metagenomics taxonomic profiling of pig stool', 'bowtie2');
    expect(r).not.toContain('ChIP-seq');
    expect(r).toContain('host');
  });

  it('a why_here with an unknown slot or key is refused at load', async () => {
    const { checkSelection } = await import('../../../src-main/knowledge/selection');
    const problems: string[] = [];
    const rules = [...kb.selection.toolRules.values()].map((r) => (r.tool === 'fastqc' ? { ...r, why_here: { default: 'reads {sample} first', rnaseq: 'x'.repeat(30) } } : r));
    checkSelection({ platforms: kb.selection.platforms, toolRules: rules, alternatives: kb.selection.alternatives, focus: kb.selection.focus, categories: [...kb.selection.categoryRank.keys()], ampliconRegions: kb.selection.ampliconRegions }, kb.toolById, kb.analysisTypeById, problems);
    expect(problems).toEqual(expect.arrayContaining(['tool_rules.yaml: fastqc: why_here.default: unknown slot {sample}', "tool_rules.yaml: fastqc: why_here.rnaseq: 'rnaseq' is neither default nor an analysis type"]));
  });
});
