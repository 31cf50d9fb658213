import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { educationSeed } from '../../../src-main/generators/education';

const kb = loadKnowledge();
const toolCard = (id: string, question: number) => educationSeed(kb, 1, { kind: 'tool', tool: kb.toolById.get(id)!, question }).output.explanation!;
const analysisCard = (id: string, question: number) => educationSeed(kb, 1, { kind: 'analysis', analysis: kb.analysisTypeById.get(id)!, question }).output.explanation!;

describe('education cards say which inputs are required, which optional, and when', () => {
  it('HaplotypeCaller needs no known sites (only --dbsnp for rsIDs); CNVkit needs a target BED for exomes only', () => {
    const hc = toolCard('gatk_haplotypecaller', 2);
    expect(hc).toContain('- **Inputs**: recalibrated BAM and reference\n');
    expect(hc).toContain('- **Optional inputs**: known sites VCF (dbSNP), only to fill the ID column with rsIDs (--dbsnp)');
    expect(toolCard('cnvkit', 2)).toContain('- **Inputs**: BAM and reference\n- **Optional inputs**: target BED, for exome or panel data (the hybrid method, --targets); whole genomes run with --method wgs and need none');
    expect(toolCard('gatk_mutect2', 0)).toContain('- **Takes** tumor BAM and reference (optional: matched normal BAM, for tumour-normal calling (-normal)');
    expect(analysisCard('cnv', 2)).toContain('Input data: FASTQ reads and reference genome.\nOptional: target BED, for exome or panel data only');
  });
  it('WGS calling lists known sites as required for BQSR, and ATAC-seq names the blacklist it needs and the GTF TSS enrichment reads', () => {
    expect(analysisCard('wgs_germline_variants', 2)).toContain('Input data: paired-end FASTQ reads, reference genome FASTA and known sites VCFs (dbSNP, known indels) (for base recalibration: BaseRecalibrator --known-sites');
    const atac = analysisCard('atac_seq', 2);
    expect(atac).toContain('ENCODE blacklist BED (the alignment filter drops reads in the build');
    expect(atac).toContain("Optional: GTF annotation, for TSS enrichment (deepTools computeMatrix and plotProfile around the transcription start sites)");
  });
});
