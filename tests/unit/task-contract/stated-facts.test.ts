import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
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
    const said = ['Read length: 50 bp. Sequencing depth: about 50 million reads', 'The reads are 100 bp, from a NextSeq 2000.', 'reads are 50 bp, from a NextSeq 1000', 'Reads are 150 bp and we have 30M reads', 'read length 75', 'We sequenced 75bp single-end', '- Length: 100 bp'];
    expect(said.map((t) => requestReadLength(t))).toEqual([50, 100, 50, 150, 75, 75, 100]);
    // an insert or fragment size is not a read length
    expect(['Insert sizes are around 350 bp.', 'Fragments were sonicated to around 200 to 300 bp.', 'Fragment length: 200 bp'].map((t) => requestReadLength(t))).toEqual([null, null, null]);
  });

  it('a ChIP-seq request that states 50 bp reads is sized for 50 bp and never told the read length is not stated', () => {
    const text = 'ChIP-seq of human liver, H3K4me3, input controls. Read length: 50 bp.';
    const answer = workflowAnswerFor(kb, on('chip_seq', 'human'), text, 'chip_seq');
    expect(answer).not.toMatch(/read length is not stated/i);
    expect(answer).toMatch(/-g 2701495711 /);
  });
});

describe('a histone ChIP-seq is called as its mark needs (MACS2 --broad for broad marks)', () => {
  const macs2 = (text: string) => {
    const answer = workflowAnswerFor(kb, on('chip_seq', 'human'), text, 'chip_seq');
    return { answer, call: /macs2 callpeak[^\n]*/.exec(answer.slice(answer.indexOf('## Workflow')))?.[0] ?? '' };
  };

  it('H3K27me3, H3K36me3 and H3K9me3 get broad domains, and the answer says why', () => {
    for (const mark of ['H3K27me3', 'H3K36me3', 'H3K9me3']) {
      const { answer, call } = macs2(`${mark} ChIP-seq of human liver with input controls, paired-end 2x100`);
      expect(call).toMatch(/--broad --broad-cutoff 0\.1/);
      expect(answer).toMatch(/_peaks\.broadPeak/);
      expect(answer).not.toMatch(/_peaks\.narrowPeak|_summits\.bed/);
      expect(answer).toMatch(/MACS2 runs with --broad/);
    }
  });

  it('sharp marks keep narrow peaks', () => {
    for (const mark of ['H3K4me3', 'H3K27ac', 'CTCF']) {
      const { call } = macs2(`${mark} ChIP-seq of human liver with input controls, paired-end 2x100`);
      expect(call).not.toMatch(/--broad/);
      expect(call).toMatch(/-q 0\.05/);
    }
  });

  it('"histone ChIP-seq" without a mark asks which mark', () => {
    const text = 'histone ChIP-seq of human liver with input controls, paired-end 2x100';
    const intent = on('chip_seq', 'human');
    const missing = missingInformation(intent, kb, text);
    expect(missing).toContain('chip_target');
    const answer = workflowAnswerFor(kb, { ...intent, missing_information: missing }, text, 'chip_seq');
    expect(answer).toMatch(/the ChIP target is not stated/i);
  });
});

describe('the setup text describes the workflow it stands above (review class 2)', () => {
  it('a Canu workflow is told how Canu runs, not Flye', () => {
    const text = 'Oxford Nanopore genome assembly of rice, use Canu';
    const intent = { ...on('long_read_assembly', 'rice', { requested_tools: ['canu'] }), missing_information: ['ont_chemistry'] };
    const answer = workflowAnswerFor(kb, intent, text, 'assembly');
    const before = answer.slice(answer.indexOf('## Before you run'), answer.indexOf('## Workflow'));
    expect(answer).toMatch(/canu -p/);
    expect(before).toMatch(/Canu runs with -nanopore/);
    expect(before).not.toMatch(/Flye/);
  });
});

describe('a fact the knowledge base lacks is asked for, not stated as a fact about the world (review class 5)', () => {
  const wgs = (id: string, build?: string) => {
    const o = kb.organismById.get(id)!;
    const intent = intentOf(kb, 'wgs_germline_variants', { organism: { id, scientific_name: o.scientific_name, genome_build: build ?? o.genome_build }, missing_information: ['known_sites'] });
    return workflowAnswerFor(kb, intent, 'WGS germline variant calling, paired-end', 'variant_calling');
  };

  it('mouse GRCm39: asks for known sites and names the GRCm38 set nf-core/sarek uses', () => {
    const answer = wgs('mouse');
    expect(answer).not.toMatch(/facts hold/);
    expect(answer).toMatch(/no curated known-sites set for Mus musculus \(GRCm39\) is known here \(the one known here is for GRCm38: the Mouse Genomes Project release REL-1505/);
    expect(answer).toMatch(/which VCF of known variants of this species on this build do you have\?/);
  });

  it('rat: asks, and does not claim that no set exists', () => {
    const answer = wgs('rat');
    expect(answer).not.toMatch(/facts hold|no curated set is given/);
    expect(answer).toMatch(/which VCF of known variants/);
  });
});

describe('"annotation" asked of a single-cell workflow is answered for what the script does (review class 1)', () => {
  it('clustering and annotation: the chain names its step for what it does, and says no step assigns cell types', () => {
    const text = 'single-cell clustering and annotation for zebrafish macrophages, paired-end';
    const answer = workflowAnswerFor(kb, on('scrna_seq', 'zebrafish'), text, 'single_cell');
    const head = answer.slice(0, answer.indexOf('## Workflow'));
    expect(head).not.toMatch(/for clustering and annotation/);
    expect(head).toMatch(/\*\*annotated clusters\*\*: clusters are numbered, not named: no step of this workflow assigns cell types/);
  });
});
