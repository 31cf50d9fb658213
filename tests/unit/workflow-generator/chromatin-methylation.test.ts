import { describe, expect, it } from 'vitest';
import type { Example } from '../../../src-preload/schemas/example';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { constraintNotes, planSelection, selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();
const organism = (id: string, build?: string) => {
  const o = kb.organismById.get(id)!;
  return { id, scientific_name: o.scientific_name, genome_build: build ?? o.genome_build };
};
const intent = (type: string, over: Partial<Intent> = {}) => intentOf(kb, type, over);
const project = (i: Intent, text = '') => projectFor(kb, i, text);
const tools = (i: Intent, text = '') => selectTools(i, kb, text).map((t) => t.tool);

describe('ChIP-seq, ATAC-seq and CUT&RUN filter alignments before peak calling', () => {
  it('paired-end ChIP-seq: MAPQ 30, at most 4 mismatches, inserts up to 2 kb, proper pairs, ENCODE blacklist as a staged reference, orphans removed, then Picard removes duplicates', () => {
    const files = project(intent('chip_seq'));
    const main = files['main.nf']!;
    expect(main).toContain("params.blacklist = 'references/GRCh38.blacklist.bed' // hg38-blacklist.v2.bed.gz, unzipped (UCSC contig names, as the GRCh38 genome's)\n");
    expect(main).toContain('    SAMTOOLS(BOWTIE2.out.bam.join(BOWTIE2.out.bai), file(params.blacklist, checkIfExists: true))\n');
    expect(main).toContain('    PICARD(SAMTOOLS.out.bam.join(SAMTOOLS.out.bai), file(params.fasta, checkIfExists: true), file(params.fai, checkIfExists: true))\n');
    expect(main).toContain("ch_macs2_chip = PICARD.out.bam.filter { meta, bam -> meta.role == 'chip' }");
    const samtools = files['modules/samtools/main.nf']!;
    expect(samtools).toContain('    tuple val(meta), path(bam), path(bai)\n    path blacklist\n');
    expect(scriptOf(samtools)).toContain(
      [
        "    samtools view -@ ${task.cpus} -b -q 30 -f 2 -F 1804 -e '[NM] <= 4 && tlen >= -2000 && tlen <= 2000' ${args} -o ${meta.id}.kept.bam ${bam}",
        // the list checked against the BAM's contig names (renamed first where the genome is Ensembl-named: blacklist-naming.test.ts)
        "    samtools view -H ${bam} | awk -F '\\\\t' -v OFS='\\\\t' 'NR == FNR { for (i = 2; i <= NF; i++) if (\\$1 == \"@SQ\" && \\$i ~ /^SN:/) seen[substr(\\$i, 4)] = 1; next } { if (\\$1 in seen) found = 1; print } END { if (!found) { print \"no contig of the blacklist is in the BAM header: the blacklist and the genome name their contigs differently\" > \"/dev/stderr\"; exit 1 } }' - ${blacklist} > ${meta.id}.blacklist.bed",
        '    samtools view -@ ${task.cpus} -b -L ${meta.id}.blacklist.bed -U ${meta.id}.clean.bam -o /dev/null ${meta.id}.kept.bam && mv ${meta.id}.clean.bam ${meta.id}.kept.bam',
        '    samtools sort -n -@ ${task.cpus} ${meta.id}.kept.bam | samtools fixmate -@ ${task.cpus} - - | samtools view -u -f 2 -F 1804 - | samtools sort -@ ${task.cpus} -o ${meta.id}.filtered.bam -',
        '    samtools index ${meta.id}.filtered.bam ${meta.id}.filtered.bam.bai',
      ].join('\n'),
    );
    expect(samtools).toContain('    tuple val(meta), path("${meta.id}.filtered.bam"), emit: bam\n');
    expect(files['nextflow.config']).toContain("withName: 'PICARD' {\n        ext.args = '--REMOVE_DUPLICATES true'");
  });

  it('what the answer says of duplicates is what the commands do: Picard removes them (ChIP, ATAC), MACS2 then keeps every read left; CUT&RUN keeps them', () => {
    const why = (type: string, tool: string) => selectTools(intent(type), kb, '').find((t) => t.tool === tool)!.rationale;
    for (const type of ['chip_seq', 'atac_seq']) {
      expect(project(intent(type))['nextflow.config']).toContain("withName: 'PICARD' {\n        ext.args = '--REMOVE_DUPLICATES true'");
      expect(why(type, 'picard')).toContain('--REMOVE_DUPLICATES true removes');
      expect(why(type, 'picard')).not.toContain('Marks PCR and optical duplicate reads');
      expect(why(type, 'macs2')).toContain('--keep-dup all');
    }
    // the filter before Picard cannot drop duplicate-flagged reads: none are flagged yet
    expect(why('chip_seq', 'samtools')).not.toContain('duplicate-flagged');
    expect(why('chip_seq', 'samtools')).toContain('duplicates go at the next step');
    // germline calling marks them only, as GATK expects (its tools skip flagged reads)
    expect(why('wgs_germline_variants', 'picard')).toContain('Flags PCR and optical duplicate reads');
    expect(project(intent('wgs_germline_variants'))['nextflow.config']).not.toContain('REMOVE_DUPLICATES');
    expect(why('cut_and_run', 'samtools')).toContain('duplicates stay');
  });

  it('single-end ChIP-seq: at most 4 mismatches, no insert size, no proper-pair flag and no mate fixing', () => {
    const s = scriptOf(project(intent('chip_seq', { read_layout: 'single' }))['modules/samtools/main.nf']!);
    expect(s).toContain("    samtools view -@ ${task.cpus} -b -q 30 -F 1804 -e '[NM] <= 4' ${args} -o ${meta.id}.filtered.bam ${bam}\n");
    expect(s).not.toContain('tlen');
    expect(s).not.toContain('-f 2');
    expect(s).not.toContain('fixmate');
  });

  it("ATAC-seq also drops mitochondrial reads, by the organism's own contig names (UCSC and Ensembl)", () => {
    const s = scriptOf(project(intent('atac_seq'))['modules/samtools/main.nf']!);
    expect(s).toContain(
      `    samtools view -@ \${task.cpus} -b -q 30 -f 2 -F 1804 -e '[NM] <= 4 && tlen >= -2000 && tlen <= 2000 && rname !~ "^(chrM|MT)\\$"' \${args} -o \${meta.id}.kept.bam \${bam}\n`,
    );
    const single = scriptOf(project(intent('atac_seq', { read_layout: 'single' }))['modules/samtools/main.nf']!);
    expect(single).toContain(`    samtools view -@ \${task.cpus} -b -q 30 -F 1804 -e '[NM] <= 4 && rname !~ "^(chrM|MT)\\$"' \${args} -o \${meta.id}.filtered.bam \${bam}\n`);
  });

  it("a fly's BDGP6 names its mitochondrial contig mitochondrion_genome, a worm's MtDNA, yeast's Mito: chrM/MT would remove nothing there", () => {
    const contigs = (id: string) => scriptOf(project(intent('atac_seq', { organism: organism(id) }))['modules/samtools/main.nf']!).match(/rname !~ "\^\(([^)]*)\)/)?.[1];
    expect([contigs('fly'), contigs('worm'), contigs('yeast'), contigs('arabidopsis')]).toEqual(['chrM|mitochondrion_genome', 'chrM|MtDNA', 'chrM|Mito', 'ChrM|Mt|ChrC|Pt']);
  });

  it("a plant's ATAC-seq drops chloroplast reads as it drops mitochondrial ones: TAIR10 names its plastid ChrC (Ensembl Pt)", () => {
    const files = project(intent('atac_seq', { organism: organism('arabidopsis') }));
    const samtools = scriptOf(files['modules/samtools/main.nf']!);
    expect(samtools).toContain(`-e '[NM] <= 4 && tlen >= -2000 && tlen <= 2000 && rname !~ "^(ChrM|Mt|ChrC|Pt)\\$"' \${args}`);
    const single = scriptOf(project(intent('atac_seq', { organism: organism('arabidopsis'), read_layout: 'single' }))['modules/samtools/main.nf']!);
    expect(single).toContain(`-e '[NM] <= 4 && rname !~ "^(ChrM|Mt|ChrC|Pt)\\$"' \${args}`);
    // animals have no plastid: their filter is unchanged
    expect(scriptOf(project(intent('atac_seq'))['modules/samtools/main.nf']!)).toContain('rname !~ "^(chrM|MT)\\$"');
  });

  it('an organism with no known mitochondrial contig names asks for them instead of assuming chrM/MT', () => {
    const files = project(intent('atac_seq', { organism: organism('rice') }));
    expect(files['main.nf']!).toContain('params.mito_contigs = null');
    expect(files['modules/samtools/main.nf']!).not.toContain('chrM');
  });

  it('a genome build without an ENCODE blacklist (GRCm39, zebrafish) stages none and filters none; GRCm38 has mm10', () => {
    for (const o of [organism('mouse'), organism('zebrafish')]) {
      const files = project(intent('chip_seq', { organism: o }));
      // said where the filter would have read it (and in the answer's 'Before you run', from this line)
      expect(files['main.nf']).toContain(`    // No ENCODE blacklist v2 is published for ${o.scientific_name} ${o.genome_build}, so alignments are not filtered against one\n    SAMTOOLS(`);
      expect(files['main.nf']).not.toContain('params.blacklist');
      expect(files['main.nf']).toContain('    SAMTOOLS(BOWTIE2.out.bam.join(BOWTIE2.out.bai))\n');
      expect(files['modules/samtools/main.nf']).not.toContain('blacklist');
      expect(scriptOf(files['modules/samtools/main.nf']!)).toContain("-b -q 30 -f 2 -F 1804 -e '[NM] <= 4 && tlen >= -2000 && tlen <= 2000' ${args} -o ${meta.id}.kept.bam ${bam}\n    samtools sort -n");
    }
    expect(project(intent('atac_seq', { organism: organism('mouse', 'GRCm38') }))['main.nf']).toContain(
      "params.blacklist = 'references/GRCm38.blacklist.bed' // mm10-blacklist.v2.bed.gz, unzipped (UCSC contig names, renamed to the Ensembl names of the GRCm38 genome before filtering)\n",
    );
  });

  it('CUT&RUN filters on MAPQ and pairing only (nf-core/cutandrun: no mismatch or insert-size filter)', () => {
    const s = scriptOf(project(intent('cut_and_run'))['modules/samtools/main.nf']!);
    expect(s).toContain('    samtools view -@ ${task.cpus} -b -q 30 -f 2 -F 1804 ${args} -o ${meta.id}.kept.bam ${bam}\n');
  });

  it('CUT&RUN: filtered alignments feed SEACR (paired) and MACS2 (single-end)', () => {
    expect(project(intent('cut_and_run'))['main.nf']).toContain('    SEACR(SAMTOOLS.out.bam.join(SAMTOOLS.out.bai))\n');
    expect(project(intent('cut_and_run', { read_layout: 'single' }))['main.nf']).toContain('    MACS2(SAMTOOLS.out.bam)\n');
  });

  it('Bowtie2 pairing and fragment-length options only on read pairs (ATAC -X 2000, CUT&RUN 10-700 bp concordant pairs)', () => {
    const pairedCnr = project(intent('cut_and_run'));
    expect(pairedCnr['modules/bowtie2/main.nf']).toContain('--rg SM:${meta.id} --no-mixed --no-discordant -I 10 -X 700 ${args} 2>');
    expect(pairedCnr['nextflow.config']).toContain("withName: 'BOWTIE2' {\n        ext.args = '--end-to-end --very-sensitive --phred33'\n");
    expect(project(intent('atac_seq'))['modules/bowtie2/main.nf']).toContain('--rg SM:${meta.id} -X 2000 ${args} 2>');
    for (const type of ['cut_and_run', 'atac_seq']) {
      const single = project(intent(type, { read_layout: 'single' }));
      for (const flag of ['-I 10', '-X ', '--no-mixed', '--no-discordant'])
        expect(single['modules/bowtie2/main.nf']! + single['nextflow.config']!, `${type} ${flag}`).not.toContain(flag);
    }
  });
});

describe('ChIP-seq, ATAC-seq and CUT&RUN with groups test differential binding on consensus peaks', () => {
  const groups = { groups: ['treated', 'control'], description: 'treated vs control' };
  it('single-end ChIP-seq: featureCounts counts ChIP (not input) reads in the merged peaks of all samples, DESeq2 tests the groups', () => {
    const i = intent('chip_seq', { comparison: groups, read_layout: 'single' });
    expect(tools(i)).toEqual(['fastqc', 'trim_galore', 'bowtie2', 'samtools', 'picard', 'macs2', 'featurecounts', 'deseq2', 'deeptools', 'multiqc']);
    const files = project(i);
    expect(files['main.nf']).toContain(
      "    FEATURECOUNTS(PICARD.out.bam.filter { meta, f -> meta.role == 'chip' }.map { meta, f -> f }.collect(), MACS2.out.peaks.filter { meta, f -> meta.role == 'chip' }.map { meta, f -> f }.collect())\n",
    );
    expect(files['main.nf']).toContain('    DESEQ2(FEATURECOUNTS.out.peak_counts.collect(), file(params.samplesheet, checkIfExists: true))\n');
    const fc = scriptOf(files['modules/featurecounts/main.nf']!);
    expect(fc).toContain(
      [
        `    cut -f 1-3 \${peaks} | sort -k1,1 -k2,2n | awk 'BEGIN{OFS="\\\\t"} \\$1 != chr || \\$2 > end {if (chr != "") print chr, start, end; chr = \\$1; start = \\$2; end = \\$3; next} \\$3 > end {end = \\$3} END {if (chr != "") print chr, start, end}' > chip_seq.consensus_peaks.bed`,
        `    awk 'BEGIN{OFS="\\\\t"; print "GeneID", "Chr", "Start", "End", "Strand"} {print \\$1 ":" \\$2 + 1 "-" \\$3, \\$1, \\$2 + 1, \\$3, "+"}' chip_seq.consensus_peaks.bed > chip_seq.consensus_peaks.saf`,
        '    featureCounts -T ${task.cpus} -F SAF -O --fracOverlap 0.2 -a chip_seq.consensus_peaks.saf ${args} -o chip_seq.consensus_peaks.featureCounts.tsv ${bam}',
      ].join('\n'),
    );
    expect(fc).not.toContain(' -s ');
    const r = files['modules/deseq2/templates/deseq2_binding.R']!;
    expect(r).toContain('fit <- fit_deseq2(counts, samples, "treated", "control")\n');
    expect(r).toContain('    res <- results(dds, contrast = c("condition", case, control), alpha = 0.05)\n');
    expect(r).toContain('"chip_seq.deseq2.differential_binding.tsv"');
    // the comparison note says which step tests the groups, and that it is met
    expect(constraintNotes(i, planSelection(i, kb)!, kb).filter((n) => n.constraint === 'comparison').map((n) => n.met)).toEqual([true]);
  });

  it('paired ATAC-seq counts fragments (-p --countReadPairs) and, without input controls, takes every sample', () => {
    const files = project(intent('atac_seq', { comparison: groups, organism: organism('mouse') }));
    expect(files['main.nf']).toContain('    FEATURECOUNTS(PICARD.out.bam.map { meta, f -> f }.collect(), MACS2.out.peaks.map { meta, f -> f }.collect())\n');
    expect(scriptOf(files['modules/featurecounts/main.nf']!)).toContain(
      '    featureCounts -T ${task.cpus} -F SAF -O --fracOverlap 0.2 -p --countReadPairs -a atac_seq.consensus_peaks.saf ${args} -o atac_seq.consensus_peaks.featureCounts.tsv ${bam}\n',
    );
  });

  it('CUT&RUN counts in SEACR peaks; without groups no chromatin workflow counts or tests', () => {
    expect(project(intent('cut_and_run', { comparison: groups }))['main.nf']).toContain('    FEATURECOUNTS(SAMTOOLS.out.bam.map { meta, f -> f }.collect(), SEACR.out.peaks.map { meta, f -> f }.collect())\n');
    for (const type of ['chip_seq', 'atac_seq', 'cut_and_run']) expect(tools(intent(type))).not.toContain('featurecounts');
  });
});

describe('single-end CUT&RUN: the tool choice and the workflow agree', () => {
  it('SEACR needs read pairs: MACS2 takes its step for single-end reads, and nothing is left out', () => {
    const single = intent('cut_and_run', { read_layout: 'single' });
    expect(tools(single)).toEqual(['fastqc', 'trim_galore', 'bowtie2', 'samtools', 'macs2', 'deeptools', 'multiqc']);
    const macs2 = selectTools(single, kb).find((t) => t.tool === 'macs2')!;
    expect(macs2.rationale).toContain('It replaces SEACR, which needs read pairs: these reads are single-end.');
    expect(project(single)['main.nf']).not.toContain('left out');
    expect(tools(intent('cut_and_run'))).toEqual(['fastqc', 'trim_galore', 'bowtie2', 'samtools', 'seacr', 'deeptools', 'multiqc']);
  });

  it('SEACR named on single-end reads is refused with the reason', () => {
    const i = intent('cut_and_run', { read_layout: 'single', requested_tools: ['seacr'] });
    expect(tools(i)).not.toContain('seacr');
    const notes = constraintNotes(i, planSelection(i, kb)!, kb);
    expect(notes.find((n) => n.constraint === 'requested_tool')?.text).toBe('SEACR has no command for single-end reads: it needs read pairs, so it is left out.');
  });
});

describe('Bismark runs one instance with Bowtie 2 threads from task.cpus', () => {
  it('no --parallel/--multicore (N instances, and Bismark refuses --basename with --multicore); -p for each Bowtie 2 process', () => {
    const m = project(intent('methylation_bisulfite'))['modules/bismark/main.nf']!;
    expect(m).toContain('    def bowtie2_threads = task.cpus >= 5 ? "-p ${(task.cpus - 1).intdiv(2)}" : ""\n');
    expect(m).toContain('    bismark --genome ${bismark_index} -1 ${reads[0]} -2 ${reads[1]} --basename ${meta.id} ${bowtie2_threads} ${args}\n');
    expect(m).not.toMatch(/--parallel|--multicore/);
  });
});

describe('Bismark stubs create the files Bismark writes', () => {
  const stubOf = (m: string) => m.slice(m.indexOf('    stub:'));
  it('paired: --basename X writes X_pe.bam and X_PE_report.txt; deduplicate_bismark on X_pe.bam writes X_pe.deduplication_report.txt', () => {
    const stub = stubOf(project(intent('methylation_bisulfite'))['modules/bismark/main.nf']!);
    expect(stub).toContain('    touch ${meta.id}_PE_report.txt\n');
    expect(stub).toContain('    touch ${meta.id}_pe.deduplication_report.txt\n');
    expect(stub).not.toMatch(/_E_report|\$\{meta\.id\}\.deduplication_report/);
  });
  it('single-end: X_SE_report.txt and X.deduplication_report.txt; RRBS has no deduplication report', () => {
    const stub = stubOf(project(intent('methylation_bisulfite', { read_layout: 'single' }))['modules/bismark/main.nf']!);
    expect(stub).toContain('    touch ${meta.id}_SE_report.txt\n');
    expect(stub).toContain('    touch ${meta.id}.deduplication_report.txt\n');
    const rrbs = stubOf(project(intent('methylation_bisulfite', { read_layout: 'single' }), 'RRBS of mouse liver')['modules/bismark/main.nf']!);
    expect(rrbs).toContain('    touch ${meta.id}_SE_report.txt\n');
    expect(rrbs).not.toContain('deduplication_report');
  });
  it('FastQC and Trim Galore stubs name files as the tools do: X_1_fastqc.html, X_val_1.fq.gz, <input>_trimming_report.txt', () => {
    const files = project(intent('methylation_bisulfite'));
    const fastqc = stubOf(files['modules/fastqc/main.nf']!);
    expect(fastqc).toContain('    touch ${meta.id}_1_fastqc.html\n    touch ${meta.id}_2_fastqc.html\n    touch ${meta.id}_1_fastqc.zip\n    touch ${meta.id}_2_fastqc.zip\n');
    const trim = stubOf(files['modules/trim_galore/main.nf']!);
    expect(trim).toContain('    echo "" | gzip > ${meta.id}_val_1.fq.gz\n    echo "" | gzip > ${meta.id}_val_2.fq.gz\n    touch ${reads[0]}_trimming_report.txt\n    touch ${reads[1]}_trimming_report.txt\n');
    const single = project(intent('methylation_bisulfite', { read_layout: 'single' }));
    expect(stubOf(single['modules/trim_galore/main.nf']!)).toContain('    echo "" | gzip > ${meta.id}_trimmed.fq.gz\n    touch ${reads}_trimming_report.txt\n');
    expect(stubOf(single['modules/fastqc/main.nf']!)).toContain('    touch ${meta.id}_fastqc.html\n    touch ${meta.id}_fastqc.zip\n');
  });
});

describe('RRBS and WGBS with a comparison test differential methylation', () => {
  const groups = { groups: ['young', 'old'], description: 'young vs old' };
  it('RRBS: Trim Galore --rrbs, DSS on the MethylDackel calls without smoothing', () => {
    const text = 'RRBS DNA methylation of mouse liver, young vs old';
    const i = intent('methylation_bisulfite', { organism: organism('mouse'), comparison: groups, read_layout: 'single' });
    expect(tools(i, text)).toEqual(['fastqc', 'trim_galore', 'bismark', 'methyldackel', 'dss', 'multiqc']);
    const files = project(i, text);
    expect(files['nextflow.config']).toContain("withName: 'TRIM_GALORE' {\n        ext.args = '--rrbs'\n    }");
    expect(files['main.nf']).toContain('    DSS(METHYLDACKEL.out.methylation_calls.map { meta, f -> f }.collect(), file(params.samplesheet, checkIfExists: true))\n');
    expect(files['modules/dss/main.nf']).toContain("    template 'dss_rrbs.R'\n");
    const r = files['modules/dss/templates/dss_rrbs.R']!;
    expect(r).toContain('    group1 <- ids[condition == "young"]\n    group2 <- ids[condition == "old"]\n');
    expect(r).toContain('    test <- DMLtest(bs, group1 = group1, group2 = group2, smoothing = smoothing)\n');
    expect(r).toContain('run_dss(smoothing = FALSE)');
    expect(r).toContain('"methylation_bisulfite.dss.dml.tsv"');
    expect(files['modules/dss/main.nf']).toContain('    path("methylation_bisulfite.dss.dmr.tsv"), emit: dmr_results\n');
    expect(constraintNotes(i, planSelection(i, kb, text)!, kb).filter((n) => n.constraint === 'comparison')).toEqual([
      { constraint: 'comparison', met: true, text: expect.stringMatching(/^DSS tests .+ against .+: DMLtest on the per-CpG methylated and total counts/) },
    ]);
    // RRBS fragments share their MspI ends by design: no deduplication
    const bismark = scriptOf(files['modules/bismark/main.nf']!);
    expect(bismark).not.toContain('deduplicate_bismark');
    expect(bismark).toContain('    samtools sort -@ ${task.cpus} -o ${meta.id}.sorted.bam ${meta.id}.bam\n');
  });

  it('WGBS: no --rrbs, smoothed DSS; without a comparison no DSS', () => {
    const text = 'Whole genome bisulfite sequencing of human blood, young vs old';
    const files = project(intent('methylation_bisulfite', { comparison: groups }), text);
    expect(files['nextflow.config']).not.toContain('--rrbs');
    expect(files['modules/dss/templates/dss.R']).toContain('run_dss(smoothing = TRUE)');
    // whole-genome libraries are deduplicated on Bismark's unsorted BAM, before sorting
    expect(scriptOf(files['modules/bismark/main.nf']!)).toContain(
      '    deduplicate_bismark -p --bam ${meta.id}_pe.bam\n    samtools sort -@ ${task.cpus} -o ${meta.id}.sorted.bam ${meta.id}_pe.deduplicated.bam\n',
    );
    expect(files['main.nf']).toContain('BISMARK.out.bismark_dedup_report.map { meta, f -> f }');
    expect(tools(intent('methylation_bisulfite'), 'Whole genome bisulfite sequencing methylation analysis for human blood')).not.toContain('dss');
  });
});

describe('FASTA input has no read layout', () => {
  it('phylogenetics says FASTA sequences in the header, the rationale and the answer, whatever the intent says of reads', () => {
    const i = intent('phylogenetics', { read_layout: 'single', organism: null });
    expect(project(i)['main.nf']!.split('\n')[0]).toBe('// Phylogenetic analysis on FASTA sequence data');
    for (const t of selectTools(i, kb)) expect(t.rationale).not.toContain('single-end');
    const text = 'Build a maximum likelihood tree of these FASTA sequences';
    const tools = selectTools(i, kb, text);
    const example = { kind: 'workflow', input: text, output: { intent: i, tools, workflow: generateWorkflow(i, tools, kb, { text }) } } as unknown as Example;
    const answer = renderTaskAnswer(example, kb);
    expect(answer).toContain('\n- **Input**: FASTA sequences\n');
    expect(answer).not.toContain('**Reads**');
  });
});

describe('reads from a two-colour instrument (NovaSeq, NextSeq)', () => {
  const trimArgs = (files: Record<string, string>) => files['nextflow.config']!.match(/withName: 'TRIM_GALORE' \{\n {8}ext\.args = '([^']*)'/)?.[1];

  it('Trim Galore trims with --2colour 20 when the request names the instrument, and not otherwise', () => {
    expect(trimArgs(project(intent('chip_seq'), 'ChIP-seq of H3K27ac, sequenced on a NovaSeq X Plus'))).toBe('--2colour 20');
    expect(trimArgs(project(intent('chip_seq'), 'ChIP-seq of H3K27ac, sequenced on a NextSeq 2000'))).toBe('--2colour 20');
    expect(trimArgs(project(intent('chip_seq'), 'ChIP-seq of H3K27ac, sequenced on a HiSeq 4000'))).toBeUndefined();
    expect(trimArgs(project(intent('chip_seq'), 'ChIP-seq of H3K27ac'))).toBeUndefined();
  });

  it('an RRBS library on a NextSeq keeps --rrbs beside --2colour 20', () => {
    expect(trimArgs(project(intent('methylation_bisulfite'), 'RRBS of mouse liver on a NextSeq 500'))).toBe('--rrbs --2colour 20');
  });

  // fastp 0.23.4 (the pinned version) turns poly-G trimming on by itself only for read names of a NextSeq 500/550
  // (@NS, @NB, @NDX) or a NovaSeq 6000 (@A0): src/evaluator.cpp isTwoColorSystem at v0.23.4
  const fastpArgs = (files: Record<string, string>) => files['nextflow.config']!.match(/withName: 'FASTP' \{\n {8}ext\.args = '([^']*)'/)?.[1];
  it('fastp trims poly-G tails with --trim_poly_g on every two-colour instrument, and gets nothing on a four-colour one', () => {
    for (const instrument of ['NovaSeq X Plus', 'NextSeq 2000', 'NextSeq 1000', 'NovaSeq 6000', 'NextSeq 550', 'iSeq 100', 'MiniSeq']) {
      expect(fastpArgs(project(intent('rna_seq_de'), `RNA-seq DE of mouse liver, paired-end, sequenced on a ${instrument}`)), instrument).toBe('--trim_poly_g');
    }
    expect(fastpArgs(project(intent('rna_seq_de'), 'RNA-seq DE of mouse liver, paired-end, sequenced on a HiSeq 4000'))).toBeUndefined();
    expect(fastpArgs(project(intent('rna_seq_de'), 'RNA-seq DE of mouse liver, paired-end'))).toBeUndefined();
  });

  it('one fact per trimmer: fastp --trim_poly_g, Trim Galore --2colour 20, each with why', () => {
    expect(kb.toolById.get('fastp')!.process.two_colour).toEqual({
      args: '--trim_poly_g',
      why: expect.stringMatching(/^fastp 0\.23\.4 turns poly-G trimming on by itself only /),
    });
    expect(kb.toolById.get('trim_galore')!.process.two_colour?.args).toBe('--2colour 20');
    const withFact = kb.tools.filter((t) => t.process.two_colour).map((t) => t.id);
    expect(withFact).toEqual(['fastp', 'trim_galore']);
  });
});
