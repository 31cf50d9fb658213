import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../../src-main/nextflow-validator/index';
import { errors, findings } from './support';

const RULES = ['read-layout-mismatch', 'platform-preset-mismatch'];

const FASTP = (command: string) => `process FASTP {
    tag "\${meta.id}"
    input:
    tuple val(meta), path(reads)

    output:
    tuple val(meta), path("*.trim.fastq.gz"), emit: reads

    script:
    def prefix = "\${meta.id}"
    """
    ${command}
    """
}
`;

const MINIMAP2 = (preset: string) => `process MINIMAP2 {
    tag "\${meta.id}"
    input:
    tuple val(meta), path(reads)
    path reference

    output:
    tuple val(meta), path("*.bam"), emit: bam

    script:
    def prefix = "\${meta.id}"
    """
    minimap2 -ax ${preset} -t \${task.cpus} \${reference} \${reads} | samtools sort -o \${prefix}.bam
    """
}
`;

const entry = (header: string, factory: string, call: string) => `${header}
include { ${call.split('(')[0]} } from './modules/${call.split('(')[0]!.toLowerCase()}'

workflow {
    ch_reads = ${factory}
    ${call}
}
`;
const PAIRS = "channel.fromFilePairs(params.reads).map { id, files -> [[id: id, single_end: false], files] }";
const SINGLE = 'channel.fromPath(params.reads).map { fq -> [[id: fq.simpleName, single_end: true], fq] }';

describe('dataflow: read-layout-mismatch', () => {
  it('reports paired-only fastp options and ${reads[1]} on single-end data', () => {
    const files = {
      'main.nf': entry('// ChIP-seq, single-end', SINGLE, 'FASTP(ch_reads)'),
      'modules/fastp.nf': FASTP('fastp -i ${reads[0]} -I ${reads[1]} -o ${prefix}_1.trim.fastq.gz -O ${prefix}_2.trim.fastq.gz'),
    };
    expect(findings(files, RULES)).toEqual([
      ['read-layout-mismatch', 'modules/fastp.nf', 12, 26],
      ['read-layout-mismatch', 'modules/fastp.nf', 12, 29],
      ['read-layout-mismatch', 'modules/fastp.nf', 12, 70],
    ]);
    expect(lintProject(files).diagnostics.find((d) => d.rule === 'read-layout-mismatch')!.message).toBe(
      "process FASTP uses fastp -I, which needs paired-end reads, but the data are single-end ('ChIP-seq, single-end' (main.nf))",
    );
  });

  it('reports fromFilePairs for single-end and for long-read data', () => {
    const single = { 'main.nf': entry('// single-end reads', PAIRS, 'FASTP(ch_reads)'), 'modules/fastp.nf': FASTP('fastp -i ${reads} -o ${prefix}.trim.fastq.gz') };
    expect(findings(single, RULES)).toEqual([['read-layout-mismatch', 'main.nf', 5, 24]]);
    const ont = { 'main.nf': entry('// Long-read variant calling', PAIRS, 'MINIMAP2(ch_reads, file(params.fasta))'), 'modules/minimap2.nf': MINIMAP2('map-ont') };
    expect(findings(ont, RULES)).toEqual([['read-layout-mismatch', 'main.nf', 5, 24]]);
  });

  it('accepts the fixed single-end module, and paired options chosen by meta.single_end', () => {
    expect(errors({ 'main.nf': entry('// single-end reads', SINGLE, 'FASTP(ch_reads)'), 'modules/fastp.nf': FASTP('fastp -i ${reads} -o ${prefix}.trim.fastq.gz') })).toEqual([]);
    const conditional = FASTP('').replace(
      /"""\n {4}\n {4}"""/,
      '    if (meta.single_end) {\n        """\n        fastp -i ${reads} -o ${prefix}.trim.fastq.gz\n        """\n    } else {\n        """\n        fastp -i ${reads[0]} -I ${reads[1]} -o ${prefix}_1.trim.fastq.gz -O ${prefix}_2.trim.fastq.gz\n        """\n    }',
    );
    expect(errors({ 'main.nf': entry('// single-end reads', SINGLE, 'FASTP(ch_reads)'), 'modules/fastp.nf': conditional })).toEqual([]);
  });
});

describe('dataflow: platform-preset-mismatch', () => {
  it('reports an ONT preset on PacBio HiFi data and a genomic preset on RNA', () => {
    const hifi = { 'main.nf': entry('// Platform: PacBio HiFi', SINGLE, 'MINIMAP2(ch_reads, file(params.fasta))'), 'modules/minimap2.nf': MINIMAP2('map-ont') };
    expect(findings(hifi, RULES)).toEqual([['platform-preset-mismatch', 'modules/minimap2.nf', 13, 14]]);
    expect(lintProject(hifi).diagnostics.find((d) => d.rule === 'platform-preset-mismatch')!.message).toBe(
      "process MINIMAP2 uses minimap2 -x map-ont, a preset for Oxford Nanopore reads, but the data are PacBio HiFi reads ('Platform: PacBio HiFi' (main.nf))",
    );
    const rna = { 'main.nf': entry('// Long-read RNA-seq isoforms, Oxford Nanopore', SINGLE, 'MINIMAP2(ch_reads, file(params.fasta))'), 'modules/minimap2.nf': MINIMAP2('map-ont') };
    expect(lintProject(rna).diagnostics.filter((d) => RULES.includes(d.rule)).map((d) => d.message)).toEqual([
      "process MINIMAP2 uses minimap2 -x map-ont, a preset for genomic DNA, but the data are RNA ('Long-read RNA-seq isoforms, Oxford Nanopore' (main.nf)): spliced reads against a genome need -x splice (or splice:hq for HiFi)",
    ]);
  });

  it('reads the platform from params.platform, and accepts matching presets', () => {
    const declared = { 'main.nf': `params.platform = 'ont'\n${entry('', SINGLE, 'MINIMAP2(ch_reads, file(params.fasta))')}`, 'modules/minimap2.nf': MINIMAP2('map-hifi') };
    expect(findings(declared, RULES)).toEqual([['platform-preset-mismatch', 'modules/minimap2.nf', 13, 14]]);
    expect(errors({ ...declared, 'modules/minimap2.nf': MINIMAP2('map-ont') })).toEqual([]);
    expect(errors({ 'main.nf': entry('// Long-read RNA-seq isoforms, Oxford Nanopore', SINGLE, 'MINIMAP2(ch_reads, file(params.fasta))'), 'modules/minimap2.nf': MINIMAP2('splice') })).toEqual([]);
  });
});
