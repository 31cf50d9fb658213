import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { intentOf } from '../../support/intents';
import { projectFor, workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();

/** Every group-testing step of these chains, with the request that picks it and the file that holds its test. */
const CASES: [string, string[], string, string][] = [
  ['rna_seq_de', [], 'DESEQ2', 'modules/deseq2/templates/deseq2.R'],
  ['rna_seq_de', ['edger'], 'EDGER', 'modules/edger/templates/edger.R'],
  ['rna_seq_de', ['limma'], 'LIMMA', 'modules/limma/templates/limma_voom.R'],
  ['crispr_screen', [], 'MAGECK', 'modules/mageck/main.nf'],
  ['alternative_splicing', [], 'RMATS', 'modules/rmats/main.nf'],
];

describe('a request that names no groups gets no invented ones (treated/control): the groups are required parameters', () => {
  for (const [type, requested, name, file] of CASES)
    it(`${type}: ${name} tests the groups given as --case_group / --control_group`, () => {
      const files = projectFor(kb, intentOf(kb, type, { missing_information: ['comparison'], requested_tools: requested }));
      const main = files['main.nf']!;
      const step = files[file]!;
      expect(step, file).toBeDefined();
      expect(Object.values(files).join('\n')).not.toMatch(/"treated"|"control"|== "treated"|\btreated against control\b/);
      expect(main).toMatch(/^params\.case_group = null \/\/ the request names no comparison: /m);
      expect(main).toMatch(/^params\.control_group = null \/\/ the request names no comparison: /m);
      expect(main).toContain('    if (params.case_group == null) {\n        error("');
      // other value inputs follow the groups (rMATS: --read_length when the request states none)
      expect(main).toMatch(new RegExp(`    ${name}\\(.*params\\.case_group, params\\.control_group(, params\\.\\w+)*\\)\\n`));
      expect(files[`modules/${file.split('/')[1]}/main.nf`]).toContain('    val case_group\n    val control_group\n');
      expect(step).toContain('${case_group}');
      expect(checkWorkflow(files).errorCount).toBe(0);
    });

  it('named groups are written in as before (no parameters)', () => {
    const files = projectFor(kb, intentOf(kb, 'rna_seq_de', { comparison: { groups: ['knockout', 'wildtype'], description: 'knockout vs wildtype' } }), 'RNA-seq DE');
    expect(files['modules/deseq2/templates/deseq2.R']).toContain('fit <- fit_deseq2(counts, samples, "knockout", "wildtype")');
    expect(files['main.nf']).not.toContain('case_group');
  });

  it('the answer says the workflow stops until the two groups are given, and asks no one to label samples treated/control', () => {
    const i = intentOf(kb, 'rna_seq_de', { tissue: 'liver', missing_information: ['comparison'] });
    const answer = workflowAnswerFor(kb, i, 'RNA-seq differential expression in human liver');
    expect(answer).toContain('- The comparison is not stated: the workflow tests no groups it was not given');
    expect(answer).toContain('`--case_group` and `--control_group`');
    expect(answer).not.toMatch(/`treated`|label the samples so/);
  });
});
