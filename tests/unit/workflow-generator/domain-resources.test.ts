import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();

/** The generated project for a request, which must pass the build's own check (syntax and dataflow). */
function linted(analysisType: string, text: string, over: Partial<Intent> = {}): Record<string, string> {
  const files = projectFor(kb, intentOf(kb, analysisType, over), text);
  const result = checkWorkflow(files);
  expect(result.errorCount, `${formatDiagnostics(result)}\n\n${files['main.nf']}`).toBe(0);
  return files;
}

const somatic = { comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } };
const dog = { id: 'dog', scientific_name: 'Canis lupus familiaris', genome_build: 'ROS_Cfam_1.0' };
const mutect2Rationale = (text: string, over: Partial<Intent>) => selectTools(intentOf(kb, 'somatic_variants', { ...somatic, ...over }), kb, text).find((t) => t.tool === 'gatk_mutect2')!.rationale;

describe('Mutect2 filters germline variants and artefacts with the GATK somatic bundle where one exists', () => {
  const text = 'somatic SNV and indel calling on human whole-exome tumor/normal pairs';
  const files = linted('somatic_variants', text, somatic);
  const m2 = files['modules/gatk_mutect2/main.nf']!;
  const script = scriptOf(m2);

  it('human GRCh38: the af-only gnomAD germline resource, the 1000 Genomes panel of normals and the contamination sites are staged inputs named as the bundle names them', () => {
    expect(m2).toContain('    path germline_resource\n    path germline_resource_tbi\n');
    expect(m2).toContain('    path panel_of_normals\n    path panel_of_normals_tbi\n');
    expect(m2).toContain('    path contamination_variants\n    path contamination_variants_tbi\n');
    const main = files['main.nf']!;
    expect(main).toContain("params.germline_resource = 'references/af-only-gnomad.hg38.vcf.gz'");
    expect(main).toContain("params.germline_resource_tbi = 'references/af-only-gnomad.hg38.vcf.gz.tbi'");
    expect(main).toContain("params.panel_of_normals = 'references/1000g_pon.hg38.vcf.gz'");
    expect(main).toContain("params.contamination_variants = 'references/small_exac_common_3.hg38.vcf.gz'");
    expect(main).toContain("params.germline_resource = 'references/af-only-gnomad.hg38.vcf.gz' // GATK best-practices bundle (gs://gatk-best-practices/somatic-hg38, with its .tbi): contigs named as in Broad's Homo_sapiens_assembly38 (chr1, chrM), which the genome FASTA must share\n");
    expect(main).toContain("params.germline_resource_tbi = 'references/af-only-gnomad.hg38.vcf.gz.tbi'\n");
    expect(main).toContain('file(params.germline_resource, checkIfExists: true)');
    expect(script).not.toContain('params.');
  });

  it('Mutect2 reads them; contamination is estimated from tumour and normal pileups; FilterMutectCalls uses it and the orientation model', () => {
    expect(script).toContain(' --germline-resource ${germline_resource} --panel-of-normals ${panel_of_normals} --f1r2-tar-gz ${meta.id}.f1r2.tar.gz ');
    expect(script).toContain('LearnReadOrientationModel -I ${meta.id}.f1r2.tar.gz -O ${meta.id}.read-orientation-model.tar.gz\n');
    expect(script).toContain('GetPileupSummaries -I ${tumor_bam} -V ${contamination_variants} -L ${contamination_variants} -L ${target_bed} --interval-set-rule INTERSECTION -O ${meta.id}.tumor.pileups.table\n');
    expect(script).toContain('GetPileupSummaries -I ${normal_bam} -V ${contamination_variants} -L ${contamination_variants} -L ${target_bed} --interval-set-rule INTERSECTION -O ${meta.id}.normal.pileups.table\n');
    expect(script).toContain('CalculateContamination -I ${meta.id}.tumor.pileups.table -matched ${meta.id}.normal.pileups.table -O ${meta.id}.contamination.table --tumor-segmentation ${meta.id}.segments.table\n');
    expect(script).toContain(
      'FilterMutectCalls -R ${fasta} -V ${meta.id}.mutect2.unfiltered.vcf.gz --contamination-table ${meta.id}.contamination.table --tumor-segmentation ${meta.id}.segments.table --ob-priors ${meta.id}.read-orientation-model.tar.gz -O ${meta.id}.mutect2.vcf.gz\n',
    );
    expect(script.match(/ Mutect2 /g)).toHaveLength(1);
    expect(script.match(/FilterMutectCalls/g)).toHaveLength(1);
    expect(script).not.toContain('{with');
  });

  it('a genome with no published resource (dog, or human GRCh37 here) runs Mutect2 without them, keeps the orientation filter, and the rationale says what is lost', () => {
    for (const organism of [dog, { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh37' }]) {
      const other = linted('somatic_variants', 'somatic variant calling on tumor/normal whole genomes', { ...somatic, organism });
      const m = other['modules/gatk_mutect2/main.nf']!;
      expect(m).not.toMatch(/germline_resource|panel_of_normals|contamination_variants/);
      expect(other['main.nf']).not.toMatch(/germline_resource|panel_of_normals|contamination_variants/);
      const s = scriptOf(m);
      expect(s).toContain(' -normal ${meta.normal_id} --f1r2-tar-gz ${meta.id}.f1r2.tar.gz --native-pair-hmm-threads ${task.cpus} ${args} -O ${meta.id}.mutect2.unfiltered.vcf.gz\n');
      expect(s).toContain('FilterMutectCalls -R ${fasta} -V ${meta.id}.mutect2.unfiltered.vcf.gz --ob-priors ${meta.id}.read-orientation-model.tar.gz -O ${meta.id}.mutect2.vcf.gz\n');
      expect(s).not.toContain('GetPileupSummaries');
      expect(s.match(/ Mutect2 /g)).toHaveLength(1);
    }
    const why = mutect2Rationale('somatic variant calling on dog tumor/normal whole genomes', { organism: dog });
    expect(why).toContain('No germline resource for Canis lupus familiaris ROS_Cfam_1.0');
    expect(why).toContain('is known here, so Mutect2 runs without --germline-resource unless you give one');
    expect(why).toContain('germline variants at sites the matched normal covers poorly can pass as somatic');
    expect(why).toContain('No panel of normals for Canis lupus familiaris ROS_Cfam_1.0 is known here');
    expect(mutect2Rationale(text, {})).not.toContain('No germline resource');
  });
});

describe('MethylDackel reports the cytosine contexts the organism methylates', () => {
  it('a plant (Arabidopsis) gets CpG, CHG and CHH bedGraphs, declared, stubbed and written', () => {
    const files = linted('methylation_bisulfite', 'whole-genome bisulfite sequencing of Arabidopsis leaves', {
      organism: { id: 'arabidopsis', scientific_name: 'Arabidopsis thaliana', genome_build: 'TAIR10' },
    });
    const md = files['modules/methyldackel/main.nf']!;
    expect(scriptOf(md)).toContain('MethylDackel extract -@ ${task.cpus} --CHG --CHH ${args} -o ${meta.id} ${fasta} ${bam}\n');
    for (const context of ['CpG', 'CHG', 'CHH']) {
      expect(md).toContain(`path("\${meta.id}_${context}.bedGraph")`);
      expect(md).toContain(`    touch \${meta.id}_${context}.bedGraph\n`);
    }
  });

  it("the plant's MethylDackel rationale says why it reports CHG and CHH", () => {
    const intent = intentOf(kb, 'methylation_bisulfite', { organism: { id: 'rice', scientific_name: 'Oryza sativa', genome_build: 'IRGSP-1.0' } });
    const why = selectTools(intent, kb, 'WGBS of rice leaves').find((t) => t.tool === 'methyldackel')!.rationale;
    expect(why).toContain('Plants methylate cytosines in CHG and CHH contexts as well as CpG');
    expect(why).toContain('--CHG --CHH');
    expect(selectTools(intentOf(kb, 'methylation_bisulfite'), kb, 'WGBS of human blood').find((t) => t.tool === 'methyldackel')!.rationale).not.toContain('CHH');
  });

  it('a mammal keeps CpG only', () => {
    const md = linted('methylation_bisulfite', 'whole-genome bisulfite sequencing of human blood')['modules/methyldackel/main.nf']!;
    expect(md).not.toMatch(/CHG|CHH/);
    expect(md).toContain('path("${meta.id}_CpG.bedGraph"), emit: methylation_calls');
  });
});

describe('Clair3 finds its bundled model under every profile, with the preset of the data', () => {
  it('ONT: the r941_prom_sup_g5014 model from the image (/opt/models) or the Bioconda package ($CONDA_PREFIX/bin/models)', () => {
    const files = linted('long_read_variants', 'germline variant calling on human Oxford Nanopore whole-genome reads with Clair3');
    const s = scriptOf(files['modules/clair3/main.nf']!);
    expect(s).toContain('model=/opt/models/r941_prom_sup_g5014\n');
    expect(s).toContain('[ -d \\$model ] || model=\\${CONDA_PREFIX}/bin/models/r941_prom_sup_g5014\n');
    expect(s).toContain(' --platform=ont --model_path=\\$model ');
  });

  it('PacBio HiFi: --platform=hifi with the hifi_revio model', () => {
    const files = linted('long_read_variants', 'germline variant calling from human PacBio HiFi whole-genome reads');
    const s = scriptOf(files['modules/clair3/main.nf']!);
    expect(s).toContain('model=/opt/models/hifi_revio\n');
    expect(s).toContain('[ -d \\$model ] || model=\\${CONDA_PREFIX}/bin/models/hifi_revio\n');
    expect(s).toContain(' --platform=hifi --model_path=\\$model ');
  });
});

describe('tumour-only somatic calling (request_focus tumor_only): Mutect2 without a matched normal', () => {
  const tumourOnly = (text: string, over: Partial<Intent> = {}) => linted('somatic_variants', text, { comparison: null, ...over });
  const text = 'tumour-only somatic variant calling on human whole genomes, no matched normal available';
  const files = tumourOnly(text);
  const m2 = files['modules/gatk_mutect2/main.nf']!;
  const script = scriptOf(m2);

  it('runs once per tumour sample: its BAM alone, with the germline resource and the panel of normals, no -normal', () => {
    expect(m2).toContain('    tuple val(meta), path(bam), path(bai)\n');
    expect(m2).not.toContain('normal_bam');
    expect(script).toContain('Mutect2 -R ${fasta} -I ${bam} --germline-resource ${germline_resource} --panel-of-normals ${panel_of_normals} --f1r2-tar-gz ${meta.id}.f1r2.tar.gz --native-pair-hmm-threads ${task.cpus} ${args} -O ${meta.id}.mutect2.unfiltered.vcf.gz\n');
    expect(script).not.toContain(' -normal ');
  });

  it('contamination from the tumour pileups alone (CalculateContamination without -matched), then FilterMutectCalls with it and the orientation model', () => {
    expect(script).toContain('GetPileupSummaries -I ${bam} -V ${contamination_variants} -L ${contamination_variants} -O ${meta.id}.tumor.pileups.table\n');
    expect(script.match(/GetPileupSummaries/g)).toHaveLength(1);
    expect(script).toContain('CalculateContamination -I ${meta.id}.tumor.pileups.table -O ${meta.id}.contamination.table --tumor-segmentation ${meta.id}.segments.table\n');
    expect(script).not.toContain('-matched');
    expect(script).toContain('FilterMutectCalls -R ${fasta} -V ${meta.id}.mutect2.unfiltered.vcf.gz --contamination-table ${meta.id}.contamination.table --tumor-segmentation ${meta.id}.segments.table --ob-priors ${meta.id}.read-orientation-model.tar.gz -O ${meta.id}.mutect2.vcf.gz\n');
  });

  it('main.nf pairs nothing: no role filter, no tumour/normal naming', () => {
    const main = files['main.nf']!;
    expect(main).not.toContain("meta.role == 'normal'");
    expect(main).not.toContain('P1_normal');
    expect(main).toContain('GATK_MUTECT2(GATK_BQSR.out.bam.join(GATK_BQSR.out.bai), ');
  });

  it('the Mutect2 rationale says what a tumour-only run cannot do', () => {
    const why = selectTools(intentOf(kb, 'somatic_variants', { comparison: null }), kb, text).find((t) => t.tool === 'gatk_mutect2')!.rationale;
    expect(why).toContain('tumour-only mode');
    expect(why).toContain('rare germline variants');
    expect(why).not.toContain('Strelka2 is the alternative');
  });

  it('Strelka2 needs a normal: a request naming it is refused with the reason', () => {
    const sel = selectTools(intentOf(kb, 'somatic_variants', { comparison: null, requested_tools: ['strelka2'] }), kb, `${text}, with Strelka2`);
    expect(sel.map((t) => t.tool)).not.toContain('strelka2');
  });

  it('exome tumour-only: calls and pileups on the capture targets, still without a normal', () => {
    const s = scriptOf(tumourOnly('tumor-only somatic calling on human whole-exome data')['modules/gatk_mutect2/main.nf']!);
    expect(s).toContain('Mutect2 -R ${fasta} -I ${bam} --intervals ${target_bed} --interval-padding 100 --germline-resource ${germline_resource} --panel-of-normals ${panel_of_normals} ');
    expect(s).toContain('GetPileupSummaries -I ${bam} -V ${contamination_variants} -L ${contamination_variants} -L ${target_bed} --interval-set-rule INTERSECTION -O ${meta.id}.tumor.pileups.table\n');
    expect(s).not.toMatch(/ -normal |normal_bam|normal\.pileups/);
  });

  it('a genome without the bundle (dog) runs tumour-only Mutect2 without them and says what is lost', () => {
    const s = scriptOf(tumourOnly('tumour-only somatic calling on dog whole genomes', { organism: dog })['modules/gatk_mutect2/main.nf']!);
    expect(s).toContain('Mutect2 -R ${fasta} -I ${bam} --f1r2-tar-gz ${meta.id}.f1r2.tar.gz ');
    expect(s).not.toContain('GetPileupSummaries');
  });
});
