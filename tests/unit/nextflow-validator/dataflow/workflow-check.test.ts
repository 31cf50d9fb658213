import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../../../src-main/nextflow-validator/workflow-check';

const files = {
  'main.nf': "include { SORT } from './modules/sort'\n\nworkflow {\n    SORT(channel.of([[id: 'a'], file('a.bam')]))\n}\n",
  'modules/sort.nf': `process SORT {
    input:
    tuple val(meta), path(bam)

    output:
    tuple val(meta), path("*.sorted.bam"), emit: bam

    script:
    def prefix = "\${meta.id}"
    """
    samtools sort -o \${prefix}.bam \${bam}
    """
}
`,
};

describe('checkWorkflow: the validity check of the build, generation and edits', () => {
  it('counts a dataflow finding as an error when dataflow gates', () => {
    const r = checkWorkflow(files, true);
    expect(r.errorCount).toBe(1);
    expect(r.diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([['modules/sort.nf', 'output-not-written', 'error']]);
  });

  it('shows it as a warning while the gate is off, and never hides syntax errors', () => {
    const r = checkWorkflow(files, false);
    expect(r.errorCount).toBe(0);
    expect(r.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['output-not-written', 'warning']]);
    const broken = checkWorkflow({ ...files, 'main.nf': files['main.nf'].replace('workflow {', 'workflow {{') }, false);
    expect(broken.errorCount).toBeGreaterThan(0);
  });
});
