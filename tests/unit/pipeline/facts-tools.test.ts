import { describe, expect, it } from 'vitest';
import { errorSeed } from '../../../src-main/generators/error-diagnosis';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { toolsOf } from '../../../src-main/pipeline/facts';
import type { Example } from '../../../src-preload/schemas/example';

const kb = loadKnowledge();

describe('the tools an example is about', () => {
  it('a tool name counts only as a whole word: "start" does not name STAR, "samtools" is not "SAMtools sort" twice', () => {
    const example = (input: string) => ({ kind: 'education', input, output: {} }) as unknown as Example;
    expect(toolsOf(example('The reads still start with the primer.'), kb)).toEqual([]);
    expect(toolsOf(example('STAR --runThreadN 8 failed'), kb)).toEqual(['star']);
    for (const id of ['dada2_trunclen_too_long', 'dada2_primers_left']) {
      const seed = errorSeed(kb, 42, { situation: kb.errorSituations.find((s) => s.id === id)!, variant: 0 });
      expect(toolsOf({ ...seed, output: seed.output } as unknown as Example, kb), id).not.toContain('star');
    }
  });

  it('an error example is about the tool of its failing process, even when the log never spells its name', () => {
    for (const [id, tool] of [['cellranger_swapped_reads', 'cellranger'], ['gatk_hc_dict_not_staged', 'gatk_haplotypecaller'], ['picard_oom', 'picard']] as const) {
      const seed = errorSeed(kb, 42, { situation: kb.errorSituations.find((s) => s.id === id)!, variant: 0 });
      expect(toolsOf({ ...seed, output: seed.output } as unknown as Example, kb), id).toContain(tool);
    }
  });
});
