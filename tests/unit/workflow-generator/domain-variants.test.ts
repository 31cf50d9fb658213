import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();

/** The generated project for a request text and its intent, with the tools the selector picks for that text. */
function project(analysisType: string, text: string, over: Partial<Intent> = {}): Record<string, string> {
  return projectFor(kb, intentOf(kb, analysisType, over), text);
}


describe('single-nucleus RNA-seq counts introns (request_focus single_nucleus)', () => {
  it('STARsolo: --soloFeatures GeneFull, and the declared, gzipped and stubbed matrix folder is Solo.out/GeneFull/filtered', () => {
    const star = project('scrna_seq', 'snRNA-seq of frozen human brain nuclei, 10x 3prime v3')['modules/starsolo/main.nf']!;
    expect(scriptOf(star)).toContain(' --soloFeatures GeneFull --outSAMtype None --outFileNamePrefix ${meta.id}. ${args}\n    gzip ${meta.id}.Solo.out/GeneFull/filtered/*\n');
    expect(star).toContain('    tuple val(meta), path("${meta.id}.Solo.out/GeneFull/filtered"), emit: sc_matrix\n');
    expect(star).toContain('    mkdir -p ${meta.id}.Solo.out/GeneFull/filtered\n');
    expect(star).not.toContain('/Gene/');
  });

  it('whole cells keep exon-only Gene counts', () => {
    const star = project('scrna_seq', 'single-cell RNA-seq of human PBMCs, 10x 3prime v3')['modules/starsolo/main.nf']!;
    expect(scriptOf(star)).toContain(' --soloFeatures Gene --outSAMtype None');
    expect(star).toContain('path("${meta.id}.Solo.out/Gene/filtered"), emit: sc_matrix');
  });

  it('Cell Ranger on nuclei includes introns explicitly', () => {
    const text = 'single-nucleus RNA-seq of mouse heart with Cell Ranger';
    const cr = project('scrna_seq', text, { requested_tools: ['cellranger'] })['modules/cellranger/main.nf']!;
    expect(scriptOf(cr)).toContain('--create-bam=false --include-introns=true --localcores=${task.cpus}');
    expect(scriptOf(project('scrna_seq', 'scRNA-seq of mouse heart with Cell Ranger', { requested_tools: ['cellranger'] })['modules/cellranger/main.nf']!)).not.toContain('--include-introns');
  });
});

const dog = { id: 'dog', scientific_name: 'Canis lupus familiaris', genome_build: 'ROS_Cfam_1.0' };

/** A module's script and the project's lint result: every project here must pass the build's own check. */
function linted(files: Record<string, string>): Record<string, string> {
  const result = checkWorkflow(files);
  expect(result.errorCount, `${formatDiagnostics(result)}\n\n${files['main.nf']}`).toBe(0);
  return files;
}

describe('exomes and panels: BQSR and calling on the capture targets', () => {
  const files = linted(project('wes_germline_variants', 'germline variants from dog whole-exome sequencing, paired-end', { organism: dog }));

  it('BaseRecalibrator and HaplotypeCaller read the targets as a staged reference, padded by 100 bp', () => {
    const bqsr = files['modules/gatk_bqsr/main.nf']!;
    expect(scriptOf(bqsr)).toContain('BaseRecalibrator -R ${fasta} -I ${bam} --known-sites ${known_sites} --intervals ${target_bed} --interval-padding 100 -O ${meta.id}.recal.table ${args}\n');
    expect(bqsr).toContain('    path known_sites_tbi\n    path target_bed\n');
    const hc = files['modules/gatk_haplotypecaller/main.nf']!;
    expect(scriptOf(hc)).toContain('HaplotypeCaller -R ${fasta} -I ${bam} --intervals ${target_bed} --interval-padding 100 -O ${meta.id}.g.vcf.gz -ERC GVCF');
    expect(hc).toContain('    path dict\n    path target_bed\n');
    expect(files['main.nf']).toContain("params.target_bed = 'references/targets.bed'\n");
    expect(files['main.nf']).toContain('file(params.known_sites_tbi, checkIfExists: true), file(params.target_bed, checkIfExists: true))\n');
  });

  it('FreeBayes on an exome limits itself to the targets', () => {
    const fb = project('wes_germline_variants', 'dog exome variant calling with FreeBayes', { organism: dog, requested_tools: ['freebayes'] })['modules/freebayes/main.nf']!;
    expect(scriptOf(fb)).toContain('freebayes -f ${fasta} --targets ${target_bed} ${args} ${bam} | bgzip -c > ${meta.id}.freebayes.vcf.gz\n');
  });

  it('a whole genome keeps calling everywhere', () => {
    const wgs = project('wgs_germline_variants', 'germline variants from dog whole-genome sequencing', { organism: dog });
    expect(wgs['modules/gatk_bqsr/main.nf']).not.toContain('--intervals');
    expect(wgs['main.nf']).not.toContain('target_bed');
  });
});

describe('tumour/normal: Manta in somatic mode feeds Strelka2, VEP annotates SNVs and indels', () => {
  const text = 'somatic SNV and indel calling on tumor/normal pairs with Strelka2';
  const files = linted(project('somatic_variants', text, { requested_tools: ['strelka2'], comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } }));

  it('the selector puts Manta before Strelka2 (its candidate indels)', () => {
    const i = intentOf(kb, 'somatic_variants', { requested_tools: ['strelka2'] });
    const ids = selectTools(i, kb, text).map((t) => t.tool);
    expect(ids.indexOf('manta')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('manta')).toBeLessThan(ids.indexOf('strelka2'));
  });

  it('Manta runs on the pair (--tumorBam, --normalBam) and keeps somaticSV and candidateSmallIndels', () => {
    const manta = files['modules/manta/main.nf']!;
    expect(manta).toContain('    tuple val(meta), path(tumor_bam), path(tumor_bai), path(normal_bam), path(normal_bai)\n');
    expect(scriptOf(manta)).toContain('configManta.py --tumorBam ${tumor_bam} --normalBam ${normal_bam} --referenceFasta ${fasta} ${args} --runDir manta\n');
    expect(scriptOf(manta)).toContain('mv manta/results/variants/somaticSV.vcf.gz ${meta.id}.manta.somaticSV.vcf.gz\n');
    expect(manta).toContain('    tuple val(meta), path("${meta.id}.manta.candidateSmallIndels.vcf.gz"), emit: manta_indels\n');
    expect(manta).not.toContain('diploidSV');
  });

  it('Strelka2 takes the candidate indels of its own pair (--indelCandidates)', () => {
    const strelka = files['modules/strelka2/main.nf']!;
    expect(strelka).toContain('    tuple val(meta), path(tumor_bam), path(tumor_bai), path(normal_bam), path(normal_bai), path(manta_indels), path(manta_indels_tbi)\n');
    expect(scriptOf(strelka)).toContain('--referenceFasta ${fasta} --indelCandidates ${manta_indels} ${args} --runDir strelka\n');
    expect(files['main.nf']).toContain('    ch_strelka2_pairs = ch_strelka2_pairs.join(MANTA.out.manta_indels).join(MANTA.out.manta_indels_tbi)\n    STRELKA2(ch_strelka2_pairs,');
  });

  it('VEP annotates the indel VCF as an item of its own beside the SNVs', () => {
    expect(files['main.nf']).toContain(
      '    VEP(STRELKA2.out.vcf.join(STRELKA2.out.tbi).mix(STRELKA2.out.indels_vcf.join(STRELKA2.out.indels_tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_indels"], vcf, tbi] }), file(params.fasta',
    );
    // Mutect2 writes one VCF: nothing to mix
    const m2 = project('somatic_variants', 'somatic calling on tumour/normal pairs');
    expect(m2['main.nf']).toContain('    VEP(GATK_MUTECT2.out.vcf.join(GATK_MUTECT2.out.tbi), file(params.fasta');
  });

  it('Mutect2 and Strelka2 together: VEP annotates each caller\'s calls as items of their own (nf-core/sarek), none dropped', () => {
    const both = linted(project('somatic_variants', 'somatic SNV calling on human tumor/normal pairs with Mutect2 and Strelka2', { requested_tools: ['gatk_mutect2', 'strelka2'] }));
    expect(both['main.nf']).toContain(
      '    VEP(GATK_MUTECT2.out.vcf.join(GATK_MUTECT2.out.tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_gatk_mutect2", variantcaller: \'gatk_mutect2\'], vcf, tbi] }' +
        '.mix(STRELKA2.out.vcf.join(STRELKA2.out.tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_strelka2", variantcaller: \'strelka2\'], vcf, tbi] }, ' +
        'STRELKA2.out.indels_vcf.join(STRELKA2.out.indels_tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_strelka2_indels", variantcaller: \'strelka2\'], vcf, tbi] }), file(params.fasta, checkIfExists: true), file(params.vep_cache, checkIfExists: true))\n',
    );
    expect(scriptOf(both['modules/vep/main.nf']!)).toContain(
      'vep -i ${vcf} -o ${meta.id}.vep.vcf.gz --vcf --compress_output bgzip --stats_file ${meta.id}.vep.summary.html --species homo_sapiens --assembly GRCh38 --cache --offline --cache_version 112 --dir_cache ${vep_cache} --fasta ${fasta} --fork ${task.cpus} ${args}\n',
    );
    // both callers' VCFs leave the workflow, each under its caller's name
    expect(both['main.nf']).toContain('    gatk_mutect2_vcf = GATK_MUTECT2.out.vcf\n');
    expect(both['main.nf']).toContain('    strelka2_vcf = STRELKA2.out.vcf\n');
  });

  it('structural variants from Manta and DELLY: bcftools keeps the PASS calls of each caller, the BCF and its .csi too', () => {
    const sv = linted(project('structural_variants', 'structural variant calling on human whole genomes with Manta and Delly', { requested_tools: ['manta', 'delly'] }));
    expect(sv['main.nf']).toContain(
      '    BCFTOOLS(MANTA.out.sv_vcf.join(MANTA.out.sv_tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_manta", variantcaller: \'manta\'], vcf, tbi] }' +
        '.mix(DELLY.out.sv_bcf.join(DELLY.out.sv_csi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_delly", variantcaller: \'delly\'], vcf, tbi] }))\n',
    );
  });

  it('short-read structural variants end in MultiQC, as the other short-read chains do: FastQC, samtools, Picard and bcftools stats reports', () => {
    const text = 'structural variant calling on human whole genomes with Manta and Delly';
    const intent = intentOf(kb, 'structural_variants', { requested_tools: ['manta', 'delly'] });
    expect(selectTools(intent, kb, text).map((t) => t.tool)).toEqual(['fastqc', 'bwa_mem2', 'samtools', 'picard', 'manta', 'delly', 'bcftools', 'multiqc']);
    const sv = linted(projectFor(kb, intent, text));
    expect(sv['main.nf']).toContain(
      '    MULTIQC(FASTQC.out.fastqc_zip.map { meta, f -> f }.mix(SAMTOOLS.out.flagstat.map { meta, f -> f }, SAMTOOLS.out.samtools_stats.map { meta, f -> f }, PICARD.out.markdup_metrics.map { meta, f -> f }, BCFTOOLS.out.bcftools_stats.map { meta, f -> f }).collect())\n',
    );
  });

  it('SnpEff annotates each caller\'s calls too', () => {
    const both = linted(project('somatic_variants', 'somatic calling on human tumor/normal pairs with Mutect2 and Strelka2, annotated with SnpEff', { requested_tools: ['gatk_mutect2', 'strelka2', 'snpeff'] }));
    expect(both['main.nf']).toContain('    SNPEFF(GATK_MUTECT2.out.vcf.join(GATK_MUTECT2.out.tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_gatk_mutect2", variantcaller: \'gatk_mutect2\'], vcf, tbi] }.mix(STRELKA2.out.vcf.join(STRELKA2.out.tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_strelka2", variantcaller: \'strelka2\'], vcf, tbi] }, STRELKA2.out.indels_vcf.join(STRELKA2.out.indels_tbi).map { meta, vcf, tbi -> [meta + [id: "${meta.id}_strelka2_indels", variantcaller: \'strelka2\'], vcf, tbi] }), file(params.snpeff_cache');
  });

  it('a step that reads a caller\'s VCF and writes one (the germline hard filter) stands for it: VEP annotates the filtered calls only', () => {
    const g = linted(project('wgs_germline_variants', 'germline variant calling of human whole genomes with GATK and VEP annotation', { requested_tools: ['gatk_haplotypecaller', 'bcftools', 'vep'] }));
    // the cohort's jointly genotyped VCF (HaplotypeCaller's joint stage), one item for all samples
    expect(g['main.nf']).toContain("    BCFTOOLS(GATK_HAPLOTYPECALLER_JOINT.out.vcf.map { f -> [[id: 'wgs_germline_variants', single_end: false], f] }.combine(GATK_HAPLOTYPECALLER_JOINT.out.tbi))\n");
    expect(g['main.nf']).toContain('    VEP(BCFTOOLS.out.vcf.join(BCFTOOLS.out.tbi), file(params.fasta, checkIfExists: true), file(params.vep_cache, checkIfExists: true))\n');
  });

  it('a tumour/normal exome: intervals for BQSR and Mutect2, --exome and --callRegions for Manta and Strelka2', () => {
    const exome = linted(project('somatic_variants', 'tumour/normal whole-exome somatic calling in dog with Strelka2 and Mutect2', { organism: dog, requested_tools: ['strelka2', 'gatk_mutect2'] }));
    expect(scriptOf(exome['modules/gatk_bqsr/main.nf']!)).toContain('--intervals ${target_bed} --interval-padding 100');
    expect(scriptOf(exome['modules/gatk_mutect2/main.nf']!)).toContain('-normal ${meta.normal_id} --intervals ${target_bed} --interval-padding 100 --f1r2-tar-gz ${meta.id}.f1r2.tar.gz --native-pair-hmm-threads');
    expect(scriptOf(exome['modules/manta/main.nf']!)).toContain('configManta.py --tumorBam ${tumor_bam} --normalBam ${normal_bam} --referenceFasta ${fasta} --exome --callRegions ${target_bed_gz} ${args}');
    expect(scriptOf(exome['modules/strelka2/main.nf']!)).toContain('--indelCandidates ${manta_indels} --exome --callRegions ${target_bed_gz} ${args}');
    expect(exome['modules/strelka2/main.nf']).toContain('    path target_bed_gz\n    path target_bed_gz_tbi\n');
    expect(exome['main.nf']).toContain("params.target_bed_gz = 'references/targets.bed.gz'\nparams.target_bed_gz_tbi = 'references/targets.bed.gz.tbi'\n");
  });

  it('germline Strelka2 runs its germline workflow on one sample with that sample\'s Manta candidates', () => {
    const g = linted(project('wgs_germline_variants', 'germline calling of human genomes with Strelka2', { requested_tools: ['strelka2'] }));
    expect(g['modules/strelka2/main.nf']).toContain('    tuple val(meta), path(bam), path(bai), path(manta_indels), path(manta_indels_tbi)\n');
    expect(scriptOf(g['modules/strelka2/main.nf']!)).toContain('configureStrelkaGermlineWorkflow.py --bam ${bam} --referenceFasta ${fasta} --indelCandidates ${manta_indels} ${args} --runDir strelka\n');
    expect(g['main.nf']).toContain('STRELKA2(GATK_BQSR.out.bam.join(GATK_BQSR.out.bai).join(MANTA.out.manta_indels).join(MANTA.out.manta_indels_tbi)');
  });
});

describe('metagenomes: MAG binning and host-read removal (nf-core/mag wiring)', () => {
  const soil = 'recover metagenome-assembled genomes (MAGs) from soil shotgun metagenomes';

  it('MAGs: one co-assembly, every sample\'s reads mapped back to it, depth from all BAMs, MetaBAT2 bins, CheckM2 on the bins', () => {
    const i = intentOf(kb, 'metagenomics_functional', { organism: null });
    const ids = selectTools(i, kb, soil).map((t) => t.tool);
    expect(ids).toEqual(['fastqc', 'fastp', 'metaphlan', 'humann', 'megahit', 'minimap2', 'metabat2', 'checkm2', 'prokka', 'multiqc']);
    const files = linted(project('metagenomics_functional', soil, { organism: null }));
    // co-assembly (nf-core/mag --coassemble_group with every sample in one group): MEGAHIT takes all samples' reads
    expect(files['main.nf']).toContain('    MEGAHIT(FASTP.out.reads.map { meta, f -> f }.collect())\n');
    expect(files['modules/megahit/main.nf']).toContain('    path reads\n');
    expect(scriptOf(files['modules/megahit/main.nf']!)).toContain('    megahit -1 ${reads_1} -2 ${reads_2} -t ${task.cpus} ${args} -o megahit_out\n    mv megahit_out/final.contigs.fa metagenomics_functional.megahit.contigs.fa\n');
    expect(files['modules/megahit/main.nf']).toContain("    def read_files = reads instanceof List ? reads : [reads]\n    def reads_1 = read_files.findAll { f -> f.name.contains('_1.') }.sort { f -> f.name.replace('_1.', '.') }.join(',')\n");
    expect(files['main.nf']).toContain('    // Co-assembly');
    // each sample's reads against the one assembly; the depth table has a column per sample's BAM
    expect(files['main.nf']).toContain('    MINIMAP2(FASTP.out.reads.combine(MEGAHIT.out.assembly))\n');
    expect(files['main.nf']).toContain('    METABAT2(MEGAHIT.out.assembly.collect(), MINIMAP2.out.contig_bam.map { meta, f -> f }.collect(), MINIMAP2.out.contig_bai.map { meta, f -> f }.collect())\n');
    expect(files['main.nf']).toContain("    CHECKM2(METABAT2.out.bins.map { f -> [[id: 'metagenomics_functional', single_end: false], f] }, file(params.checkm2_db, checkIfExists: true))\n");
    expect(scriptOf(files['modules/minimap2/main.nf']!)).toContain('minimap2 -ax sr -t ${task.cpus} ${args} ${contigs} ${reads[0]} ${reads[1]} | samtools sort -@ ${task.cpus} -o ${meta.id}.contigs.bam -\n');
    const metabat = scriptOf(files['modules/metabat2/main.nf']!);
    expect(files['modules/metabat2/main.nf']).toContain('    path contigs\n    path contig_bam\n    path contig_bai\n');
    expect(metabat).toContain('    jgi_summarize_bam_contig_depths --outputDepth metagenomics_functional.metabat2.depth.txt ${contig_bam}\n');
    expect(metabat).toContain('    metabat2 -i ${contigs} -a metagenomics_functional.metabat2.depth.txt -o metagenomics_functional.metabat2_bins/metagenomics_functional.bin -t ${task.cpus} ${args}\n');
    expect(files['modules/metabat2/main.nf']).toContain('    path("metagenomics_functional.metabat2_bins"), emit: bins\n');
    expect(files['modules/metabat2/main.nf']).toContain('    mkdir -p metagenomics_functional.metabat2_bins\n    touch metagenomics_functional.metabat2.depth.txt\n');
    expect(scriptOf(files['modules/checkm2/main.nf']!)).toContain('checkm2 predict --threads ${task.cpus} --input ${bins} --extension fa --database_path ${checkm2_db} ${args} --output-directory ${meta.id}.checkm2\n');
    expect(files['nextflow.config']).toContain("    withName: 'METABAT2' {\n        ext.args = '--minContig 1500'\n");
    // a soil metagenome has no host
    expect(files['modules/bowtie2/main.nf']).toBeUndefined();
  });

  it('single-end MAGs: MEGAHIT co-assembles every sample\'s reads as one -r list', () => {
    const files = linted(project('metagenomics_functional', 'MAGs from soil shotgun metagenomes, single-end', { organism: null, read_layout: 'single' }));
    expect(scriptOf(files['modules/megahit/main.nf']!)).toContain('    megahit -r ${reads_all} -t ${task.cpus} ${args} -o megahit_out\n');
  });

  it('a functional profile without MAGs has no binning', () => {
    const files = project('metagenomics_functional', 'functional profiling of soil metagenomes', { organism: null });
    // and no co-assembly: each sample is assembled on its own
    expect(files['main.nf']).toContain('    MEGAHIT(FASTP.out.reads)\n');
    expect(files['modules/metabat2/main.nf']).toBeUndefined();
    expect(files['modules/checkm2/main.nf']).toBeUndefined();
  });

  it('host-associated MAGs: host pairs dropped with Bowtie2 before profiling and assembly', () => {
    const files = linted(project('metagenomics_functional', 'MAGs from human stool shotgun metagenomes'));
    const bt2 = scriptOf(files['modules/bowtie2/main.nf']!);
    expect(bt2).toContain(
      'bowtie2 -p ${task.cpus} -x \\$INDEX -1 ${reads[0]} -2 ${reads[1]} ${args} 2> ${meta.id}.bowtie2.log | samtools fastq -@ ${task.cpus} -f 12 -1 ${meta.id}_1.host_removed.fastq.gz -2 ${meta.id}_2.host_removed.fastq.gz -0 /dev/null -s /dev/null -\n',
    );
    expect(files['modules/bowtie2/main.nf']).toContain('    tuple val(meta), path(reads)\n    path host_bowtie2_index\n');
    expect(files['main.nf']).toContain("params.host_bowtie2_index = 'references/host_GRCh38_bowtie2'\n");
    expect(files['main.nf']).toContain('    BOWTIE2(FASTP.out.reads, file(params.host_bowtie2_index, checkIfExists: true))\n');
    expect(files['main.nf']).toContain('    MEGAHIT(BOWTIE2.out.reads.map { meta, f -> f }.collect())\n');
    expect(files['main.nf']).toContain('    MINIMAP2(BOWTIE2.out.reads.combine(MEGAHIT.out.assembly))\n');
  });

  it('host-associated taxonomic profiling: Kraken2 classifies the host-free reads; an environmental sample keeps all reads', () => {
    const gut = linted(project('metagenomics_taxonomic', 'taxonomic profiling of mouse gut microbiome shotgun reads', { organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' } }));
    expect(gut['main.nf']).toContain('    KRAKEN2(BOWTIE2.out.reads, file(params.kraken2_db, checkIfExists: true))\n');
    expect(gut['main.nf']).toContain("params.host_bowtie2_index = 'references/host_GRCm39_bowtie2'\n");
    const single = scriptOf(project('metagenomics_taxonomic', 'stool metagenomes, single-end', { organism: null, read_layout: 'single' })['modules/bowtie2/main.nf']!);
    expect(single).toContain('-U ${reads} ${args} 2> ${meta.id}.bowtie2.log | samtools fastq -@ ${task.cpus} -f 4 -0 ${meta.id}.host_removed.fastq.gz -\n');
    const ocean = project('metagenomics_taxonomic', 'taxonomic profiling of ocean water metagenomes', { organism: null });
    expect(ocean['modules/bowtie2/main.nf']).toBeUndefined();
    expect(ocean['main.nf']).toContain('    KRAKEN2(FASTP.out.reads, file(params.kraken2_db, checkIfExists: true))\n');
  });
});
