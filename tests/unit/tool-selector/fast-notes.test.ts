import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { constraintNotes, planSelection } from '../../../src-main/tool-selector';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const fastNote = (type: string, text: string) => {
  const intent = intentOf(kb, type, { constraints: ['fast'] });
  return constraintNotes(intent, planSelection(intent, kb, text)!, kb).find((n) => n.constraint === 'fast')!.text;
};
const CORES_ONLY = "Each process takes the CPUs the executor gives it (task.cpus goes to every tool's thread option), so more cores shorten the run.";

describe('a request that must run fast is told more than "more cores" (review class 1)', () => {
  it('every analysis type says what in its chain is faster, or what the parallel run already gives', () => {
    for (const type of kb.analysisTypes) expect(fastNote(type.id, `${type.name}, it has to be fast`).trim(), type.id).not.toBe(CORES_ONLY);
  });

  it('names the slow step and its documented faster setting', () => {
    expect(fastNote('rna_seq_de', 'RNA-seq DE, fast')).toMatch(/Salmon, the alternative quantifier/);
    expect(fastNote('gene_fusion', 'gene fusion detection, fast')).not.toMatch(/Salmon/);
    expect(fastNote('long_read_assembly', 'nanopore assembly, fast')).toMatch(/--asm-coverage 40/);
    expect(fastNote('de_novo_transcriptome_assembly', 'transcriptome assembly, fast')).toMatch(/--min_kmer_cov 2/);
    expect(fastNote('methylation_bisulfite', 'WGBS, fast')).toMatch(/--parallel N/);
    expect(fastNote('wgs_germline_variants', 'WGS germline, fast')).toMatch(/scattered over intervals/);
  });
});
