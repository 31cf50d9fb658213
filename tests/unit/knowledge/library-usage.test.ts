import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

const kb = loadKnowledge();

describe('library_usage.yaml agrees with the script the workflow ships', () => {
  it('refuses a library call in another language than the tool\'s template (education would show R the workflow never runs)', () => {
    const dir = knowledgeCopyWith('library_usage.yaml', (t) => t.replace('- tool: deseq2\n  language: R', '- tool: deseq2\n  language: Python'));
    expect(loadProblemsOf(dir)).toEqual([
      "library_usage.yaml: entry 'deseq2': language Python, but the workflow's process runs the R template deseq2.R (tools.yaml process.template)",
      "library_usage.yaml: entry 'deseq2': language Python, but the workflow's process runs the R template deseq2_binding.R (tools.yaml process.template)",
    ]);
  });

  it('MOFA+ is shown as the workflow trains it: mofapy2\'s Python entry point, no run_mofa(use_basilisk = TRUE) and its run-time download', () => {
    const mofa = kb.libraryUsage.get('mofa2')!;
    expect(mofa.language).toBe('Python');
    expect(mofa.install).toBe('pip install mofapy2');
    expect(mofa.code).toContain('from mofapy2.run.entry_point import entry_point');
    for (const call of ['set_data_matrix(', 'set_model_options(', 'set_train_options(', '.build()', '.run()', '.save(']) expect(mofa.code).toContain(call);
    expect(mofa.code).not.toMatch(/basilisk|run_mofa/);
  });
});
