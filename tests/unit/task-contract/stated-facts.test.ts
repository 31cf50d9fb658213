import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { requestReadLength } from '../../../src-main/tool-selector/context';
import type { Intent } from '../../../src-preload/schemas/intent';
import { intentOf } from '../../support/intents';
import { workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const on = (type: string, id: string, over: Partial<Intent> = {}): Intent => {
  const o = kb.organismById.get(id)!;
  return intentOf(kb, type, { organism: { id, scientific_name: o.scientific_name, genome_build: o.genome_build }, ...over });
};

describe('a fact the request states is acted on, not asked for again (issue 16, review class 1)', () => {
  it('reads the read length however the request states it', () => {
    const said = ['Read length: 50 bp. Sequencing depth: about 50 million reads', 'The reads are 100 bp, from a NextSeq 2000.', 'reads are 50 bp, from a NextSeq 1000', 'Reads are 150 bp and we have 30M reads', 'read length 75', 'We sequenced 75bp single-end'];
    expect(said.map((t) => requestReadLength(t))).toEqual([50, 100, 50, 150, 75, 75]);
    // an insert or fragment size is not a read length
    expect(['Insert sizes are around 350 bp.', 'Fragments were sonicated to around 200 to 300 bp.'].map((t) => requestReadLength(t))).toEqual([null, null]);
  });

  it('a ChIP-seq request that states 50 bp reads is sized for 50 bp and never told the read length is not stated', () => {
    const text = 'ChIP-seq of human liver, H3K4me3, input controls. Read length: 50 bp.';
    const answer = workflowAnswerFor(kb, on('chip_seq', 'human'), text, 'chip_seq');
    expect(answer).not.toMatch(/read length is not stated/i);
    expect(answer).toMatch(/-g 2701495711 /);
  });
});
