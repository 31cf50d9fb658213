import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { chainProblems, planSelection, selectTools } from '../../../src-main/tool-selector';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const ids = (i: Intent, text = '') => planSelection(i, kb, text)!.choices.map((c) => c.id);
const why = (i: Intent, tool: string, text = '') => selectTools(i, kb, text).find((t) => t.tool === tool)?.rationale ?? '';
const ctx = (type: string) => {
  const sel = planSelection(intentOf(kb, type), kb)!;
  return { type: sel.type, platform: sel.platform, focus: sel.focus };
};

describe('the tool selector gives each BAM reader the BAM it needs (tools.yaml bam_needs)', () => {
  it("short-read SV calling: Picard MarkDuplicates joins the chain before Manta and DELLY, and says it is there for DELLY (its README asks for duplicate-marked BAMs)", () => {
    for (const layout of ['paired', 'single', 'unknown'] as const) {
      const i = intentOf(kb, 'structural_variants', { read_layout: layout });
      expect(ids(i), layout).toEqual(['fastqc', 'bwa_mem2', 'samtools', 'picard', 'manta', 'delly', 'bcftools', 'multiqc']);
      expect(why(i, 'picard'), layout).toBe(
        "Picard MarkDuplicates for duplicate marking. Flags PCR and optical duplicate reads in coordinate-sorted alignments (the SAM duplicate flag, which GATK's tools skip), or removes them with --REMOVE_DUPLICATES true. It is added because DELLY reads a BAM with its duplicates marked, which no earlier step of this chain marks.",
      );
    }
  });

  it('a Picard the user names takes that place once, as asked; chains that mark duplicates already get no second step', () => {
    const named = planSelection(intentOf(kb, 'structural_variants', { requested_tools: ['picard'] }), kb)!;
    expect(named.choices.map((c) => `${c.id}:${c.reason}`)).toEqual(['fastqc:default', 'bwa_mem2:default', 'samtools:default', 'picard:requested', 'manta:default', 'delly:default', 'bcftools:default', 'multiqc:default']);
    expect(ids(intentOf(kb, 'somatic_variants')).filter((t) => t === 'picard')).toEqual(['picard']);
    // no reader of an ONT chain needs marked duplicates (DELLY is not run on long reads here)
    expect(ids(intentOf(kb, 'structural_variants'), 'nanopore structural variants')).not.toContain('picard');
  });

  it('chainProblems names a reader whose BAM lacks its duplicate marking or has the wrong order', () => {
    expect(chainProblems(['fastqc', 'bwa_mem2', 'samtools', 'manta', 'delly', 'bcftools'], ctx('structural_variants'), kb)).toEqual([
      'delly reads a BAM with its duplicates marked, and no tool before it marks them',
    ]);
    expect(chainProblems(['fastqc', 'bwa_mem2', 'samtools', 'picard', 'manta', 'delly', 'bcftools'], ctx('structural_variants'), kb)).toEqual([]);
    expect(chainProblems(['fastqc', 'bwa_mem2', 'pairtools', 'cooler', 'hicexplorer'], ctx('hic'), kb)).toEqual([
      'pairtools reads a BAM in read-name order, and bwa_mem2 writes it sorted by coordinate',
    ]);
  });

  it('a named aligner whose BAM is in the wrong order for the reader after it is refused with why, and the default aligner stays (BWA-MEM2 sorts; pairtools parse reads name order)', () => {
    const sel = planSelection(intentOf(kb, 'hic', { requested_tools: ['bwa_mem2'] }), kb, 'Hi-C with bwa-mem2')!;
    expect(sel.choices.map((c) => c.id)).toEqual(['fastqc', 'bwa', 'pairtools', 'cooler', 'hicexplorer']);
    expect(sel.refused).toEqual([{ id: 'bwa_mem2', why: 'BWA-MEM2 writes its BAM sorted by coordinate, and pairtools reads a BAM in read-name order' }]);
  });
});
