import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

describe('each BAM reader gets the order and duplicate marking it needs (tools.yaml bam_needs)', () => {
  it('short-read DELLY reads a duplicate-marked BAM: Picard MarkDuplicates is added before it, as DELLY\'s README recommends', () => {
    for (const layout of ['paired', 'single'] as const) {
      const i = intentOf(kb, 'structural_variants', { read_layout: layout });
      const files = generateWorkflow(i, selectTools(i, kb, 'structural variants from short reads'), kb).files;
      const main = files['main.nf']!;
      expect(main, layout).toContain('    // Picard MarkDuplicates added: DELLY reads a BAM with duplicates marked, which no chosen step marks\n    PICARD(BWA_MEM2.out.bam.join(BWA_MEM2.out.bai)');
      expect(main, layout).toContain('    DELLY(PICARD.out.bam.join(PICARD.out.bai)');
      expect(main.indexOf('    PICARD('), layout).toBeLessThan(main.indexOf('    DELLY('));
      expect(checkWorkflow(files).errorCount).toBe(0);
    }
  });

  it('a reader whose BAM has the wrong order is left out and says why, never wired to it (pairtools after a sorting aligner)', () => {
    const i = intentOf(kb, 'hic');
    // bwa_mem2 sorts by coordinate; pairtools parse needs the mates of each read together (read-name order)
    const files = generateWorkflow(i, [{ tool: 'bwa_mem2', rationale: 'x' }, { tool: 'pairtools', rationale: 'x' }] as never, kb).files;
    expect(files['main.nf']).toContain('// pairtools is left out: it reads a BAM in read-name order, and BWA-MEM2 writes it sorted by coordinate');
    expect(files['main.nf']).not.toContain('PAIRTOOLS(');
  });
});
