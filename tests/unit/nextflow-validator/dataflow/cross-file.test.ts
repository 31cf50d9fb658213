import { describe, expect, it } from 'vitest';
import { lintProject } from '../../../../src-main/nextflow-validator/index';
import { errors, findings } from './support';

/** nf-core style modules: a per-sample aligner and a counter over all samples. */
const HISAT2 = `process HISAT2_ALIGN {
    tag "\${meta.id}"
    input:
    tuple val(meta), path(reads)
    path index

    output:
    tuple val(meta), path("*.bam"), emit: bam
    tuple val(meta), path("*.log"), emit: summary

    script:
    def prefix = task.ext.prefix ?: "\${meta.id}"
    """
    hisat2 -x \${index} -U \${reads} --summary-file \${prefix}.hisat2.log | samtools view -b -o \${prefix}.bam -
    """
}
`;

const FEATURECOUNTS = `process FEATURECOUNTS {
    input:
    path bams
    path gtf

    output:
    path "counts.tsv", emit: counts

    script:
    """
    featureCounts -a \${gtf} -o counts.tsv \${bams}
    """
}
`;

const main = (body: string) => `include { HISAT2_ALIGN } from './modules/hisat2'
include { FEATURECOUNTS } from './modules/featurecounts'

workflow {
    ch_reads = channel.fromPath(params.reads).map { fq -> [[id: fq.simpleName, single_end: true], fq] }
    ${body}
}
`;

const project = (body: string) => ({ 'main.nf': main(body), 'modules/hisat2.nf': HISAT2, 'modules/featurecounts.nf': FEATURECOUNTS });

describe('dataflow: unknown-emit (across included files)', () => {
  it('reports NAME.out.x when the included process has no emit x', () => {
    const files = project("HISAT2_ALIGN(ch_reads, file(params.index))\n    FEATURECOUNTS(HISAT2_ALIGN.out.bams.map { meta, bam -> bam }.collect(), file(params.gtf))");
    expect(findings(files, ['unknown-emit'])).toEqual([['unknown-emit', 'main.nf', 7, 36]]);
    expect(lintProject(files).diagnostics.find((d) => d.rule === 'unknown-emit')!.message).toBe(
      "HISAT2_ALIGN.out.bams: process HISAT2_ALIGN has no output named 'bams'; its emits are bam, summary",
    );
  });
  it('accepts the fixed name, and operators on the single output of a process', () => {
    expect(errors(project("HISAT2_ALIGN(ch_reads, file(params.index))\n    FEATURECOUNTS(HISAT2_ALIGN.out.bam.map { meta, bam -> bam }.collect(), file(params.gtf))\n    FEATURECOUNTS.out.view()"))).toEqual([]);
  });
});

describe('dataflow: input-shape-mismatch', () => {
  it('reports a tuple with meta passed where the process takes files, and files where it takes a tuple', () => {
    const files = project(
      "HISAT2_ALIGN(ch_reads, file(params.index))\n    FEATURECOUNTS(HISAT2_ALIGN.out.bam.collect(), file(params.gtf))\n    HISAT2_ALIGN(channel.fromPath(params.reads), file(params.index))",
    );
    // collect() of tuples flattens them (not judged); the bare bam channel and the fromPath channel are
    const broken = project("HISAT2_ALIGN(ch_reads, file(params.index))\n    FEATURECOUNTS(HISAT2_ALIGN.out.bam, file(params.gtf))");
    expect(findings(broken, ['input-shape-mismatch'])).toEqual([['input-shape-mismatch', 'main.nf', 7, 19]]);
    expect(lintProject(broken).diagnostics.find((d) => d.rule === 'input-shape-mismatch')!.message).toBe(
      'FEATURECOUNTS input 1 (path bams) takes files but is given a tuple of 2 (val, path): drop the meta map (e.g. .map { meta, f -> f })',
    );
    expect(findings(files, ['input-shape-mismatch'])).toEqual([['input-shape-mismatch', 'main.nf', 8, 18]]);
  });
  it('accepts the fixed wiring: meta dropped before collecting, tuples into tuple inputs', () => {
    expect(errors(project("HISAT2_ALIGN(ch_reads, file(params.index))\n    FEATURECOUNTS(HISAT2_ALIGN.out.bam.map { meta, bam -> bam }.collect(), file(params.gtf))"))).toEqual([]);
  });
});

describe('dataflow: collected-name-collision', () => {
  const perSampleCounts = FEATURECOUNTS.replace('path bams', 'tuple val(meta), path(bams)').replace('path "counts.tsv"', 'tuple val(meta), path("counts.tsv")');
  const files = (counts: string, summary: string) => ({
    'main.nf': `include { FEATURECOUNTS } from './modules/featurecounts'
include { SUMMARY } from './modules/summary'

workflow {
    ch_bams = channel.fromPath(params.bams).map { b -> [[id: b.simpleName], b] }
    FEATURECOUNTS(ch_bams, file(params.gtf))
    SUMMARY(FEATURECOUNTS.out.counts.map { meta, c -> c }.collect())
}
`,
    'modules/featurecounts.nf': counts,
    'modules/summary.nf': summary,
  });
  const SUMMARY = 'process SUMMARY {\n    input:\n    path counts\n\n    output:\n    path "summary.tsv", emit: tsv\n\n    script:\n    """\n    paste ${counts} > summary.tsv\n    """\n}\n';
  it("reports every sample's counts.tsv collected into one task", () => {
    expect(findings(files(perSampleCounts, SUMMARY), ['collected-name-collision'])).toEqual([['collected-name-collision', 'main.nf', 7, 13]]);
  });
  it('accepts sample-named outputs, and an input that stages them apart', () => {
    const named = perSampleCounts.replace('path("counts.tsv")', 'path("*.counts.tsv")').replace('-o counts.tsv', '-o ${meta.id}.counts.tsv');
    expect(errors(files(named, SUMMARY))).toEqual([]);
    expect(errors(files(perSampleCounts, SUMMARY.replace('path counts', "path counts, stageAs: 'in?/*'")))).toEqual([]);
  });
  it("knows STAR's fixed default BAM name (no --outFileNamePrefix)", () => {
    const star = `process FEATURECOUNTS {
    input:
    tuple val(meta), path(reads)
    path index

    output:
    tuple val(meta), path("*.bam"), emit: counts

    script:
    """
    STAR --genomeDir \${index} --readFilesIn \${reads} --outSAMtype BAM SortedByCoordinate
    """
}
`;
    expect(findings(files(star, SUMMARY), ['collected-name-collision'])).toEqual([['collected-name-collision', 'main.nf', 7, 13]]);
    expect(lintProject(files(star, SUMMARY)).diagnostics.find((d) => d.rule === 'collected-name-collision')!.message).toContain("named 'Aligned.sortedByCoord.out.bam'");
    const prefixed = star.replace('SortedByCoordinate', 'SortedByCoordinate --outFileNamePrefix ${meta.id}.');
    expect(errors(files(prefixed, SUMMARY))).toEqual([]);
  });
});
