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
