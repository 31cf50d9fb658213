import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

describe('multi-omics integration workflows', () => {
  it('give MOFA+ two views: the RNA-seq expression the workflow computes and the second layer the user stages', () => {
    const i = intentOf(kb, 'multi_omics_integration', { tissue: 'tumor' });
    const files = generateWorkflow(i, selectTools(i, kb), kb).files;
    expect(files['main.nf']).toContain("params.omics_layer = 'data/omics_layer.tsv'");
    expect(files['main.nf']).toContain('MOFA2(LIMMA.out.normalized_counts.collect(), file(params.omics_layer, checkIfExists: true))');
    expect(files['modules/mofa2/main.nf']).toContain('    input:\n    path views\n    path omics_layer\n');
    expect(files['modules/mofa2/templates/mofa2.R']).toContain('paths <- c(strsplit("${views}", " ")[[1]], "${omics_layer}")');
    expect(checkWorkflow(files).errorCount).toBe(0);
  });
});

describe('the multi-omics chain names each step for what it does (analysis_types.yaml, tools.yaml)', () => {
  it('Salmon, tximport to gene counts, limma-voom for expression and testing, MOFA+; no step calls limma normalization', () => {
    const i = intentOf(kb, 'multi_omics_integration');
    const tools = selectTools(i, kb);
    expect(tools.map((t) => t.tool)).toEqual(['salmon', 'tximport', 'limma', 'mofa2']);
    const type = kb.analysisTypeById.get('multi_omics_integration')!;
    expect(type.steps.map((s) => s.name)).not.toContain('Per-layer normalization');
    expect(tools.find((t) => t.tool === 'limma')!.rationale).toMatch(/^limma for RNA-seq expression and differential expression\. Linear models with empirical Bayes moderation/);
    expect(tools.find((t) => t.tool === 'tximport')!.rationale).toMatch(/^tximport for gene-level summary\. tximport sums Salmon's transcript estimates to genes/);
    // tximport reads Salmon's quantifications, not reads, and stages no genome
    expect(tools.find((t) => t.tool === 'tximport')!.rationale).not.toMatch(/reads\.|reference/);
  });
  it('limma-voom reads tximport\'s gene counts, not Salmon\'s transcript estimates, and the shipped script imports them with lengthScaledTPM', () => {
    const i = intentOf(kb, 'multi_omics_integration');
    const files = generateWorkflow(i, selectTools(i, kb), kb).files;
    expect(files['main.nf']).toContain('TXIMPORT(SALMON.out.salmon_quant.map { meta, f -> f }.collect(), file(params.tx2gene, checkIfExists: true))');
    expect(files['main.nf']).toContain('LIMMA(TXIMPORT.out.gene_counts.collect(), file(params.samplesheet, checkIfExists: true))');
    expect(files['modules/tximport/templates/tximport.R']).toContain('txi <- tximport(files, type = "salmon", tx2gene = tx2gene, countsFromAbundance = "lengthScaledTPM")');
    expect(files['modules/limma/templates/limma_voom.R']).toContain('if (startsWith(first[1], "gene_id")) {');
    expect(checkWorkflow(files).errorCount).toBe(0);
  });
});
