import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../../src-main/nextflow-validator/index';
import { errors, findings } from './support';

const RULE = ['params-in-script'];

/** A MACS2 callpeak module; the broken one reads the control BAM from params inside the script. */
const macs2 = (control: { input: string; arg: string }) => `process MACS2_CALLPEAK {
    tag "\${meta.id}"
    label 'process_medium'
    container 'quay.io/biocontainers/macs2:2.2.9.1--py39hf95cd2a_0'

    input:
    tuple val(meta), path(bam)${control.input}
    val gsize

    output:
    tuple val(meta), path("*_peaks.narrowPeak"), emit: peaks
    path "versions.yml", emit: versions

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "\${meta.id}"
    """
    macs2 callpeak $args -t $bam ${control.arg} -f BAM -g $gsize -n $prefix

    cat <<-END_VERSIONS > versions.yml
    "\${task.process}":
        macs2: \\$(macs2 --version | sed 's/macs2 //')
    END_VERSIONS
    """
}
`;

describe('dataflow: params-in-script', () => {
  it('reports params.x in the command text (the control BAM is never staged)', () => {
    const files = { 'modules/macs2.nf': macs2({ input: '', arg: '-c ${params.control}' }) };
    expect(findings(files, RULE)).toEqual([['params-in-script', 'modules/macs2.nf', 18, 37]]);
    expect(lintProject(files).diagnostics.find((d) => d.rule === 'params-in-script')!.message).toBe(
      'process MACS2_CALLPEAK reads params.control in its script: block; pass it in as an input (path for a file, so it is staged; val for a value) or through task.ext.args',
    );
  });

  it('reports $params.x and params.x in the Groovy code of the section', () => {
    const dollar = macs2({ input: '', arg: '-c $params.control' });
    const groovy = macs2({ input: '', arg: '$ctrl' }).replace('def args', 'def ctrl = params.control ? "-c ${params.control}" : ""\n    def args');
    expect(findings({ 'a.nf': dollar, 'b.nf': groovy }, RULE)).toEqual([
      ['params-in-script', 'a.nf', 18, 37],
      ['params-in-script', 'b.nf', 15, 16],
      ['params-in-script', 'b.nf', 15, 37],
    ]);
  });

  it('accepts the fixed module: the control comes in as a staged path input', () => {
    expect(errors({ 'modules/macs2.nf': macs2({ input: ', path(control)', arg: '-c $control' }) })).toEqual([]);
  });

  it('does not report params in a workflow or in directives (only the script: block)', () => {
    const wf = `${macs2({ input: ', path(control)', arg: '-c $control' }).replace("label 'process_medium'", "label 'process_medium'\n    publishDir params.outdir")}
workflow {
    ch = channel.of([[id: 'a'], file(params.bam), file(params.control)])
    MACS2_CALLPEAK(ch, params.gsize)
}
`;
    expect(findings({ 'main.nf': wf }, RULE)).toEqual([]);
  });
});
