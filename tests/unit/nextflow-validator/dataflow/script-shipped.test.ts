import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../../src-main/nextflow-validator/index';
import { errors, findings } from './support';

const RULES = ['script-not-shipped', 'bin-script-shebang'];

/** A DESeq2 module whose command is `run`. */
const deseq2 = (run: string, extraInput = '') => `process DESEQ2 {
    label 'process_medium'
    container 'quay.io/biocontainers/bioconductor-deseq2:1.42.0--r43hf17093f_2'

    input:
    path counts
    path samplesheet${extraInput}

    output:
    path "deseq2.results.tsv", emit: results
    path "versions.yml", emit: versions

    script:
    """
    ${run}

    cat <<-END_VERSIONS > versions.yml
    "\${task.process}":
        deseq2: \\$(Rscript -e "cat(as.character(packageVersion('DESeq2')))")
    END_VERSIONS
    """
}
`;

const SHEBANG = '#!/usr/bin/env Rscript\nlibrary(DESeq2)\n';

describe('dataflow: script-not-shipped', () => {
  it('reports Rscript on a script the project does not ship', () => {
    const files = { 'modules/deseq2.nf': deseq2('Rscript deseq2.R --counts $counts --samples $samplesheet') };
    expect(findings(files, RULES)).toEqual([['script-not-shipped', 'modules/deseq2.nf', 15, 13]]);
    expect(lintProject(files).diagnostics.find((d) => d.rule === 'script-not-shipped')!.message).toBe(
      "process DESEQ2: 'Rscript deseq2.R' runs 'deseq2.R' from the task directory, but no input stages it and the script does not write it; ship it as bin/deseq2.R (called by name), as a template, or inline the code",
    );
  });

  it('reports Rscript on a bin/ script: the interpreter looks in the task directory, not on PATH', () => {
    const files = { 'modules/deseq2.nf': deseq2('Rscript deseq2.R --counts $counts'), 'bin/deseq2.R': SHEBANG };
    expect(findings(files, RULES)).toEqual([['script-not-shipped', 'modules/deseq2.nf', 15, 13]]);
    expect(lintProject(files).diagnostics.find((d) => d.rule === 'script-not-shipped')!.message).toMatch(/bin\/deseq2.R is on PATH: call it by its name/);
  });

  it('reports ${projectDir}/bin/x and a template that are not in the project', () => {
    const dir = { 'modules/deseq2.nf': deseq2('Rscript ${projectDir}/bin/deseq2.R --counts $counts') };
    expect(findings(dir, RULES)).toEqual([['script-not-shipped', 'modules/deseq2.nf', 15, 13]]);
    const template = { 'modules/deseq2.nf': deseq2('').replace(/"""\n {4}\n[\s\S]*?"""\n/, "template 'deseq2.R'\n") };
    expect(findings(template, RULES)).toEqual([['script-not-shipped', 'modules/deseq2.nf', 14, 5]]);
  });

  it('reports a bin/ script called by name that has no shebang', () => {
    const files = { 'modules/deseq2.nf': deseq2('deseq2.R --counts $counts'), 'bin/deseq2.R': 'library(DESeq2)\n' };
    expect(findings(files, RULES)).toEqual([['bin-script-shebang', 'modules/deseq2.nf', 15, 5]]);
  });

  it('accepts the fixed modules: bin/ script by name, ${projectDir}/bin, template, staged input, inline code', () => {
    expect(errors({ 'modules/deseq2.nf': deseq2('deseq2.R --counts $counts'), 'bin/deseq2.R': SHEBANG })).toEqual([]);
    expect(errors({ 'modules/deseq2.nf': deseq2('Rscript ${projectDir}/bin/deseq2.R --counts $counts'), 'bin/deseq2.R': SHEBANG })).toEqual([]);
    const template = deseq2('').replace(/"""\n {4}\n[\s\S]*?"""\n/, "template 'deseq2.R'\n");
    expect(errors({ 'modules/deseq2.nf': template, 'modules/templates/deseq2.R': SHEBANG })).toEqual([]);
    expect(errors({ 'modules/deseq2.nf': deseq2('Rscript $script --counts $counts', '\n    path script') })).toEqual([]);
    expect(errors({ 'modules/deseq2.nf': deseq2("Rscript -e 'library(DESeq2); sessionInfo()'") })).toEqual([]);
    expect(errors({ 'modules/deseq2.nf': deseq2('Rscript - <<-EOF\n    library(DESeq2)\n    EOF') })).toEqual([]);
    expect(errors({ 'modules/deseq2.nf': deseq2('cat <<-EOF > run.R\n    library(DESeq2)\n    EOF\n    Rscript run.R') })).toEqual([]);
  });
});
