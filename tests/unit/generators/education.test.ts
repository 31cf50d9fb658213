import { describe, expect, it } from 'vitest';
import { explainComparison, inSentence } from '../../../src-main/generators/education';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const tool = (id: string) => kb.toolById.get(id)!;

describe('tool comparison answers', () => {
  it('say how to choose: the analyses only one serves, differing outputs, memory', () => {
    expect(explainComparison(kb, tool('bwa'), tool('minimap2'))).toBe(
      [
        'Both **BWA** and **minimap2** are alignment tools. Both are used for: viral genome consensus and lineage.',
        '',
        '- **BWA**: Burrows-Wheeler aligner for short reads; bwa mem is the standard for Illumina DNA reads and Hi-C ends.',
        '- **minimap2**: Versatile aligner for long reads, spliced transcripts and assembly-to-reference mapping.',
        '',
        '**How to choose**',
        '- Choose **BWA** for: ChIP-seq peak calling, Hi-C chromatin conformation and WGS germline variant calling.',
        '- Choose **minimap2** for: long-read variant calling, long-read RNA-seq isoforms and long-read genome assembly.',
        '- Outputs: BWA writes SAM/BAM; minimap2 writes SAM/BAM or PAF.',
        '- Memory: both need about 8 GB.',
      ].join('\n'),
    );
  });

  it('write analysis names and categories as words inside sentences', () => {
    expect(['Gene fusion detection', 'RNA-seq differential expression', 'Hi-C chromatin conformation', 'De novo transcriptome assembly', 'WGS germline variant calling'].map(inSentence)).toEqual([
      'gene fusion detection',
      'RNA-seq differential expression',
      'Hi-C chromatin conformation',
      'de novo transcriptome assembly',
      'WGS germline variant calling',
    ]);
    expect(explainComparison(kb, tool('deepvariant'), tool('gatk_mutect2'))).toMatch(/^Both \*\*DeepVariant\*\* and \*\*GATK Mutect2\*\* are variant calling tools\./);
  });

  it('recommend the lighter tool when memory differs, and skip equal outputs', () => {
    const text = explainComparison(kb, tool('star'), tool('hisat2'));
    expect(text).toContain('- Memory: STAR needs about 32 GB, HISAT2 about 8 GB; on a small machine prefer **HISAT2**.');
    expect(text).not.toContain('Choose **HISAT2**'); // HISAT2 serves no analysis STAR does not
    const same = { ...tool('hisat2'), name: 'HISAT2-copy' };
    expect(explainComparison(kb, tool('hisat2'), same)).not.toContain('- Outputs:');
  });
});
