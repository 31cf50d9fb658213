import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../../src-main/nextflow-validator/index';
import { errors, findings } from './support';

/** A samtools sort module on nf-core conventions; `output` and `command` vary. */
const samtoolsSort = (output: string, command: string) => `process SAMTOOLS_SORT {
    tag "\${meta.id}"
    label 'process_medium'
    container 'quay.io/biocontainers/samtools:1.21--h50ea8bc_0'

    input:
    tuple val(meta), path(bam)

    output:
    tuple val(meta), path("${output}"), emit: bam
    path "versions.yml", emit: versions

    script:
    def args = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "\${meta.id}"
    """
    ${command}

    cat <<-END_VERSIONS > versions.yml
    "\${task.process}":
        samtools: \\$(samtools --version | sed '1!d; s/samtools //')
    END_VERSIONS
    """
}
`;

const RULE = ['output-not-written'];

describe('dataflow: output-not-written', () => {
  it('reports a declared output the command never writes (samtools writes ${prefix}.bam, the module declares *.sorted.bam)', () => {
    const files = { 'modules/samtools_sort.nf': samtoolsSort('*.sorted.bam', 'samtools sort $args -@ $task.cpus -o ${prefix}.bam $bam') };
    expect(findings(files, RULE)).toEqual([['output-not-written', 'modules/samtools_sort.nf', 10, 22]]);
    const d = lintProject(files).diagnostics.find((x) => x.rule === 'output-not-written')!;
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      "process SAMTOOLS_SORT declares output '*.sorted.bam' (emit: bam), but its script never writes such a file: it writes '${prefix}.bam' (-o, line 17)",
    );
  });

  it('accepts the fixed module: the declared pattern and the -o file agree', () => {
    expect(errors({ 'modules/samtools_sort.nf': samtoolsSort('*.sorted.bam', 'samtools sort $args -@ $task.cpus -o ${prefix}.sorted.bam $bam') })).toEqual([]);
    expect(errors({ 'modules/samtools_sort.nf': samtoolsSort('*.bam', 'samtools sort $args -@ $task.cpus -o ${prefix}.bam $bam') })).toEqual([]);
  });

  it('reads the prefix a def gives the file: "${meta.id}.sorted" + ".bam" is *.sorted.bam', () => {
    const m = samtoolsSort('*.sorted.bam', 'samtools sort -o ${out}.bam $bam').replace('def args', 'def out = "${meta.id}.sorted"\n    def args');
    expect(errors({ 'modules/s.nf': m })).toEqual([]);
  });

  it('reports picard O=, a > redirection and gatk -O alike', () => {
    const picard = samtoolsSort('*.markdup.bam', 'picard MarkDuplicates I=${bam} O=${prefix}.bam M=${prefix}.metrics.txt');
    const redirect = samtoolsSort('*.trim.fastq.gz', 'zcat ${bam} | gzip -c > ${prefix}.fastq.gz');
    const gatk = samtoolsSort('*.recal.bam', 'gatk BaseRecalibrator -I ${bam} -O recal.table && gatk ApplyBQSR -I ${bam} --bqsr-recal-file recal.table -O ${prefix}.bam');
    expect(findings({ 'a.nf': picard, 'b.nf': redirect, 'c.nf': gatk }, RULE).map((f) => f[1])).toEqual(['a.nf', 'b.nf', 'c.nf']);
  });

  it('does not guess at files a tool names itself (FastQC reports, STAR BAMs) or at globs the script writes', () => {
    const fastqc = samtoolsSort('*.html', 'fastqc --threads $task.cpus $bam');
    const star = samtoolsSort('*Aligned.sortedByCoord.out.bam', 'STAR --genomeDir idx --readFilesIn $bam --outFileNamePrefix ${prefix}. --outSAMtype BAM SortedByCoordinate');
    const glob = samtoolsSort('*.contigs.fa.gz', 'megahit -r $bam -o out\n    gzip out/*.fa');
    expect(errors({ 'a.nf': fastqc, 'b.nf': star, 'c.nf': glob })).toEqual([]);
  });

  it('leaves alone a pattern whose alternatives are named elsewhere ({html,zip}) and a written file another output declares', () => {
    const both = samtoolsSort('*.{sorted.bam,txt}', 'samtools sort -o ${prefix}.sorted.bam $bam');
    expect(errors({ 'a.nf': both })).toEqual([]);
    const declared = samtoolsSort('${prefix}.bam', 'tool -o ${prefix}.bam --extra-out ${prefix}_filtered.bam $bam').replace(
      'path "versions.yml", emit: versions',
      'path "versions.yml", emit: versions\n    tuple val(meta), path("${prefix}_filtered.bam"), emit: filtered',
    ).replace('def prefix', 'prefix');
    expect(errors({ 'a.nf': declared })).toEqual([]);
  });
});
