import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { constraintNotes, planSelection } from '../../../src-main/tool-selector';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const gpuNote = (type: string, text: string) => {
  const intent = intentOf(kb, type, { constraints: ['gpu'] });
  const sel = planSelection(intent, kb, text)!;
  return constraintNotes(intent, sel, kb).filter((n) => n.constraint === 'gpu');
};

describe('GPU notes say what the pinned versions do, as each tool documents it (review class 3)', () => {
  it('long-read variants: Clair3 1.0.10 as pinned runs on CPUs, Clair3 1.2+ calls on GPUs; never "the GPU cannot be used"', () => {
    const notes = gpuNote('long_read_variants', 'nanopore variant calling, must use the GPU');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.met).toBe(false);
    expect(notes[0]!.text).toMatch(/Clair3 1\.2 and later call on GPUs \(run_clair3\.py --use_gpu/);
    expect(notes[0]!.text).not.toMatch(/cannot be used/);
  });

  it('Medaka says what its GPU use depends on', () => {
    const notes = gpuNote('long_read_assembly', 'nanopore genome assembly with medaka polishing, on a GPU node');
    expect(notes.map((n) => n.text).join(' ')).toMatch(/Medaka runs its consensus network on a GPU when its TensorFlow/);
  });

  it('a chain with no GPU-capable step says so of this workflow, not of the world', () => {
    for (const n of gpuNote('rna_seq_de', 'RNA-seq DE on a GPU node')) expect(n.text).not.toMatch(/cannot be used/);
  });
});
