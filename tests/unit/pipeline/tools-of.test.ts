import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { toolsOf } from '../../../src-main/pipeline/facts';

const kb = loadKnowledge();
const diagnosis = (input: string) =>
  makeExample({ id: 'e', kind: 'error_diagnosis', groupId: 'g', baseId: null, engine: 'template', category: 'amplicon', analysisType: 'amplicon_16s', difficulty: 2, input, output: { diagnosis: 'x', fix_steps: ['y'] } });

describe('the tools an example teaches (metadata.tools)', () => {
  it('are named as whole words: "reads still start with the primer" names DADA2, not STAR', () => {
    expect(toolsOf(diagnosis('[ab/cdef12] process > DADA2 (all)\nError in filterAndTrim(...): reads still start with the primer'), kb)).toEqual(['dada2']);
    expect(toolsOf(diagnosis('EXITING because of fatal ERROR in STAR: could not open genome file'), kb)).toEqual(['star']);
  });
});
