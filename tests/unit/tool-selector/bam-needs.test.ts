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
    expect(chainProblems(['fastqc', 'bowtie2', 'pairtools', 'cooler', 'hicexplorer'], ctx('hic'), kb)).toEqual([
      'pairtools needs one of bwa/bwa_mem2 before it',
      'pairtools reads a BAM in read-name order, and bowtie2 writes it sorted by coordinate',
    ]);
    expect(chainProblems(['fastqc', 'bwa_mem2', 'pairtools', 'cooler', 'hicexplorer'], ctx('hic'), kb)).toEqual([]);
  });

  it('a named aligner whose BAM is in the wrong order for the reader after it is refused with why, and the default aligner stays (a BWA-MEM2 without its Hi-C command sorts; pairtools parse reads name order)', () => {
    // the knowledge base as it was before BWA-MEM2 got its Hi-C command: its BAM sorted by coordinate
    const bwaMem2 = kb.toolById.get('bwa_mem2')!;
    const { hic: _hic, ...overrides } = bwaMem2.process.overrides;
    const tool = { ...bwaMem2, process: { ...bwaMem2.process, overrides } };
    const sorting = { ...kb, tools: kb.tools.map((t) => (t.id === tool.id ? tool : t)), toolById: new Map(kb.toolById).set(tool.id, tool) };
    const sel = planSelection(intentOf(sorting, 'hic', { requested_tools: ['bwa_mem2'] }), sorting, 'Hi-C with bwa-mem2')!;
    expect(sel.choices.map((c) => c.id)).toEqual(['fastqc', 'bwa', 'pairtools', 'cooler', 'hicexplorer']);
    expect(sel.refused).toEqual([{ id: 'bwa_mem2', why: 'BWA-MEM2 writes its BAM sorted by coordinate, and pairtools reads a BAM in read-name order' }]);
  });

  it('BWA-MEM2 named for Hi-C takes the aligner step: bwa-mem2 mem -5SP -T0 streams its unsorted, name-grouped BAM to pairtools parse, as bwa mem does', () => {
    const sel = planSelection(intentOf(kb, 'hic', { requested_tools: ['bwa_mem2'] }), kb, 'Hi-C with bwa-mem2')!;
    expect(sel.choices.map((c) => `${c.id}:${c.reason}`)).toEqual(['fastqc:default', 'bwa_mem2:requested', 'pairtools:default', 'cooler:default', 'hicexplorer:default']);
    expect(sel.refused).toEqual([]);
  });
});
