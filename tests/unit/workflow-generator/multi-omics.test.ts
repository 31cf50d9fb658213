import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';
import { workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();

describe('multi-omics integration workflows', () => {
  it('give MOFA+ two views: the RNA-seq expression the workflow computes and the second layer the user stages', () => {
    const i = intentOf(kb, 'multi_omics_integration', { tissue: 'tumor', comparison: { groups: ['treated', 'control'], description: 'treated vs control' } });
    const files = generateWorkflow(i, selectTools(i, kb), kb).files;
    expect(files['main.nf']).toContain("params.omics_layer = 'data/omics_layer.tsv'");
    expect(files['main.nf']).toContain('MOFA2(LIMMA.out.normalized_counts.collect(), file(params.omics_layer, checkIfExists: true))');
    expect(files['modules/mofa2/main.nf']).toContain('    input:\n    path views\n    path omics_layer\n');
    expect(files['modules/mofa2/templates/mofa2.py']).toContain('paths = "${views}".split() + ["${omics_layer}"]');
    expect(checkWorkflow(files).errorCount).toBe(0);
  });

  it('a request that states no comparison gets no group labels: no limma test before MOFA+, whose RNA view is tximport\'s gene counts as log2 CPM (review rev1203 #53)', () => {
    const i = intentOf(kb, 'multi_omics_integration', { tissue: 'tumor' });
    const tools = selectTools(i, kb, 'integrate RNA-seq and proteomics with MOFA');
    expect(tools.map((t) => t.tool)).toEqual(['salmon', 'tximport', 'mofa2']);
    const files = generateWorkflow(i, tools, kb).files;
    expect(files['main.nf']).toContain('MOFA2(TXIMPORT.out.gene_counts.collect(), file(params.omics_layer, checkIfExists: true))');
    expect(files['main.nf']).not.toMatch(/treated|control|LIMMA/);
    expect(files['modules/mofa2/templates/mofa2.py']).toContain('values = np.log2(values / values.sum(axis=0) * 1e6 + 1)');
    expect(checkWorkflow(files).errorCount).toBe(0);
  });

  it('the answer to a request without a comparison says no groups are tested or assumed, and how to have them tested', () => {
    const i = intentOf(kb, 'multi_omics_integration', { tissue: 'liver', missing_information: ['comparison'] });
    const answer = workflowAnswerFor(kb, i, 'Integrate RNA-seq and proteomics data from human liver with MOFA', 'multi_omics');
    expect(answer).toContain('no groups are tested or assumed: MOFA+ learns its factors from all samples');
    expect(answer).not.toMatch(/`treated`|label the samples so/);
  });

  it('MOFA+ trains in mofapy2\'s own container, so nothing is downloaded or written under HOME at run time (no basilisk)', () => {
    const i = intentOf(kb, 'multi_omics_integration');
    const files = generateWorkflow(i, selectTools(i, kb), kb).files;
    expect(files['modules/mofa2/main.nf']).toContain("    container 'quay.io/biocontainers/mofapy2:0.7.2--pyh7e72e81_0'\n");
    const py = files['modules/mofa2/templates/mofa2.py']!;
    expect(py).toContain('from mofapy2.run.entry_point import entry_point');
    expect(py).toContain('ent.save("multi_omics_integration.mofa2.hdf5")');
    expect(py).not.toContain('basilisk');
  });
});

describe('the multi-omics chain names each step for what it does (analysis_types.yaml, tools.yaml)', () => {
  it('Salmon, tximport to gene counts, limma-voom for expression and testing, MOFA+; no step calls limma normalization', () => {
    const i = intentOf(kb, 'multi_omics_integration', { comparison: { groups: ['treated', 'control'], description: 'treated vs control' } });
    const tools = selectTools(i, kb);
    expect(tools.map((t) => t.tool)).toEqual(['salmon', 'tximport', 'limma', 'mofa2']);
    const type = kb.analysisTypeById.get('multi_omics_integration')!;
    expect(type.steps.map((s) => s.name)).not.toContain('Per-layer normalization');
    expect(tools.find((t) => t.tool === 'limma')!.rationale).toMatch(/^limma for RNA-seq expression and differential expression, to test treated against control, which needs biological replicates in each group\. Linear models with empirical Bayes moderation/);
    expect(tools.find((t) => t.tool === 'tximport')!.rationale).toMatch(/^tximport for gene-level summary\. tximport sums Salmon's transcript estimates to genes/);
    // tximport reads Salmon's quantifications, not reads, and stages no genome
    expect(tools.find((t) => t.tool === 'tximport')!.rationale).not.toMatch(/reads\.|reference/);
  });
  it('limma-voom reads tximport\'s gene counts, not Salmon\'s transcript estimates, and the shipped script imports them with lengthScaledTPM', () => {
    const i = intentOf(kb, 'multi_omics_integration', { comparison: { groups: ['treated', 'control'], description: 'treated vs control' } });
    const files = generateWorkflow(i, selectTools(i, kb), kb).files;
    expect(files['main.nf']).toContain('TXIMPORT(SALMON.out.salmon_quant.map { meta, f -> f }.collect(), file(params.tx2gene, checkIfExists: true))');
    expect(files['main.nf']).toContain('LIMMA(TXIMPORT.out.gene_counts.collect(), file(params.samplesheet, checkIfExists: true))');
    expect(files['modules/tximport/templates/tximport.R']).toContain('txi <- tximport(files, type = "salmon", tx2gene = tx2gene, countsFromAbundance = "lengthScaledTPM")');
    expect(files['modules/limma/templates/limma_voom.R']).toContain('if (startsWith(first[1], "gene_id")) {');
    expect(checkWorkflow(files).errorCount).toBe(0);
  });
});
