import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { intentOf } from '../../support/intents';
import { projectFor } from '../../support/workflows';

const kb = loadKnowledge();

describe('multi-omics: each step reads what its tool is made for (review class 3)', () => {
  const text = 'integration of transcriptomics and proteomics of human brain, diabetic vs healthy, DESeq2 for the RNA layer';
  const intent = intentOf(kb, 'multi_omics_integration', { requested_tools: ['deseq2'], comparison: { groups: ['diabetic', 'healthy'], description: 'diabetic vs healthy' } });

  it("DESeq2 reads tximport's gene counts, not Salmon's folders, when tximport is in the chain", () => {
    const main = projectFor(kb, intent, text)['main.nf']!;
    expect(main).toMatch(/TXIMPORT\(SALMON\.out\.salmon_quant/);
    expect(main).toMatch(/DESEQ2\(TXIMPORT\.out\.gene_counts/);
    expect(main).not.toMatch(/DESEQ2\(SALMON\.out/);
  });

  it("MOFA+ log-transforms DESeq2's size-factor-normalised counts as it does tximport's counts (Gaussian views)", () => {
    const files = projectFor(kb, intent, text);
    expect(files['main.nf']).toMatch(/MOFA2\(DESEQ2\.out\.normalized_counts/);
    const py = files['modules/mofa2/templates/mofa2.py']!;
    expect(py).toMatch(/path\.endswith\(\("gene_counts\.tsv", "deseq2\.normalized_counts\.tsv"\)\)/);
  });

  it("Salmon's catalogue text claims no bias correction its command does not run", () => {
    const salmon = kb.toolById.get('salmon')!;
    const module = projectFor(kb, intent, text)['modules/salmon/main.nf']!;
    if (/--gcBias/.test(module)) return;
    expect(salmon.purpose).not.toMatch(/with GC and sequence bias correction/);
  });
});
