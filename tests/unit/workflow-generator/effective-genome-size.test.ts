import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import type { Intent } from '../../../src-preload/schemas/intent';
import { requestReadLength } from '../../../src-main/tool-selector/context';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf, workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const on = (type: string, id: string, build?: string, over: Partial<Intent> = {}): Intent => {
  const o = kb.organismById.get(id)!;
  return intentOf(kb, type, { organism: { id, scientific_name: o.scientific_name, genome_build: build ?? o.genome_build }, ...over });
};
const sizes = (i: Intent, text = '') => {
  const files = projectFor(kb, i, text);
  // CUT&RUN calls peaks with SEACR, which takes no genome size
  const macs2 = files['modules/macs2/main.nf'] && /-g (\S+)/.exec(scriptOf(files['modules/macs2/main.nf']))?.[1];
  const deeptools = /--effectiveGenomeSize (\S+)/.exec(scriptOf(files['modules/deeptools/main.nf']!))?.[1];
  return { macs2, deeptools };
};

describe('MACS2 -g and deepTools --effectiveGenomeSize: the mappable size for the read length, since the reads are MAPQ-filtered', () => {
  it('reads the read length from the request (2x150, PE100, 1x75, 50 bp reads, read length is 150 bp)', () => {
    expect(
      ['2x150 paired-end', 'PE100 paired-end', 'single-end 1x75', '50 bp single-end reads', 'Read length is 150 bp and each sample has 30M reads', 'insert sizes around 350 bp', 'no length'].map((t) =>
        requestReadLength(t),
      ),
    ).toEqual([150, 100, 75, 50, 150, null, null]);
  });

  it("deepTools' read-length table, not the non-N count (which holds only with multimappers kept); the row at or below the read length", () => {
    // GRCh38, 150-base reads: 2862010428 (non-N bases: 2913022398)
    expect(sizes(on('chip_seq', 'human'), 'H3K27ac ChIP-seq, 2x150 paired-end')).toEqual({ macs2: '2862010428', deeptools: '2862010428' });
    // 125-base reads take the 100 row
    expect(sizes(on('chip_seq', 'human'), 'ChIP-seq, 2x125')).toEqual({ macs2: '2805636231', deeptools: '2805636231' });
    // dm6 for BDGP6, 50-base reads; WBcel235 75; GRCz11 100; TAIR10 150; GRCm38 50
    expect(sizes(on('atac_seq', 'fly'), 'ATAC-seq, 2x50').macs2).toBe('125464678');
    expect(sizes(on('atac_seq', 'worm', undefined, { read_layout: 'single' }), 'ATAC-seq, 1x75').macs2).toBe('96945370');
    expect(sizes(on('chip_seq', 'zebrafish'), 'ChIP-seq, 2x100').deeptools).toBe('1280354977');
    expect(sizes(on('chip_seq', 'arabidopsis'), 'ChIP-seq, PE150').deeptools).toBe('118504138');
    expect(sizes(on('cut_and_run', 'mouse', 'GRCm38'), 'CUT&RUN, 2x50')).toEqual({ macs2: undefined, deeptools: '2308125299' });
    for (const f of Object.values(projectFor(kb, on('chip_seq', 'human'), 'ChIP-seq'))) expect(f).not.toMatch(/-g (hs|mm|dm|ce)\b|2913022398/);
  });

  it("no read length named: the table's shortest row (50 bases), said in 'Before you run'", () => {
    expect(sizes(on('chip_seq', 'human'), 'H3K4me3 ChIP-seq of human liver with input controls')).toEqual({ macs2: '2701495711', deeptools: '2701495711' });
    const answer = workflowAnswerFor(kb, on('chip_seq', 'human'), 'H3K4me3 ChIP-seq of human liver with input controls', 'chromatin');
    expect(answer).toContain(
      "- The read length is not stated: MACS2 -g and deepTools --effectiveGenomeSize use GRCh38's mappable size for 50-base reads (2701495711, deepTools' table for MAPQ-filtered reads); longer reads have a larger one (150 bases: 2862010428), so say the read length.\n",
    );
    expect(workflowAnswerFor(kb, on('chip_seq', 'human'), 'H3K4me3 ChIP-seq of human liver with input controls, 2x150', 'chromatin')).not.toContain('read length is not stated');
  });

  it('a build deepTools lists no mappable size for (GRCm39, rice, pig) asks for it, with the computation deepTools recommends, never a guess', () => {
    for (const [id, build] of [['mouse', 'GRCm39'], ['rice', 'IRGSP-1.0'], ['pig', 'Sscrofa11.1']] as const) {
      const files = projectFor(kb, on('chip_seq', id, build), 'ChIP-seq, 2x100');
      expect(scriptOf(files['modules/macs2/main.nf']!)).toContain('-g ${mappable_genome_size}');
      expect(scriptOf(files['modules/deeptools/main.nf']!)).toContain('--effectiveGenomeSize ${mappable_genome_size}');
      expect(files['main.nf']).toContain(
        "params.mappable_genome_size = null // no mappable genome size is known for this build: give --mappable_genome_size, the number of unique k-mers of the genome FASTA for k = the read length (khmer's unique-kmers.py -k 100 genome.fa, as deepTools recommends for MAPQ-filtered reads)\n",
      );
    }
  });
});
