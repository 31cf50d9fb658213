import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { constraintNotes, planSelection, selectTools } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();

function linted(files: Record<string, string>): Record<string, string> {
  const result = checkWorkflow(files);
  expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  return files;
}
const project = (type: string, text: string, over: Partial<Intent> = {}) => linted(projectFor(kb, intentOf(kb, type, over), text));

/** Steps that need every sample (or every sequence) together run once, over all of them (review rev1203 class 2). */
describe('steps over all samples run once, on what all samples made', () => {
  it('MAGs with metaSPAdes: one co-assembly of the pooled reads (nf-core/mag --coassemble_group), every sample mapped back, one MetaBAT2 on it', () => {
    const text = 'build MAGs from soil shotgun data with metaspades';
    const i = intentOf(kb, 'metagenomics_functional', { organism: null, requested_tools: ['spades'] });
    expect(selectTools(i, kb, text).map((t) => t.tool)).toContain('spades');
    const files = project('metagenomics_functional', text, { organism: null, requested_tools: ['spades'] });
    expect(files['main.nf']).toContain('    SPADES(FASTP.out.reads.map { meta, f -> f }.collect())\n');
    expect(files['main.nf']).toContain('    MINIMAP2(FASTP.out.reads.combine(SPADES.out.assembly))\n');
    expect(files['main.nf']).toContain('    METABAT2(SPADES.out.assembly.collect(), MINIMAP2.out.contig_bam.map { meta, f -> f }.collect()');
    const spades = scriptOf(files['modules/spades/main.nf']!);
    // metaSPAdes takes one paired library: the samples' mates are pooled first, as nf-core/mag's POOL_PAIRED_READS does
    expect(spades).toContain('cat ${reads_1} > metagenomics_functional.pooled_1.fastq.gz\n');
    expect(spades).toContain('spades.py --meta -1 metagenomics_functional.pooled_1.fastq.gz -2 metagenomics_functional.pooled_2.fastq.gz');
    expect(files['main.nf']).toContain('    // Co-assembly');
  });

  it('phylogenetics: every input FASTA goes into one alignment and one tree (MAFFT and IQ-TREE need all sequences in one file)', () => {
    const files = project('phylogenetics', 'maximum-likelihood phylogeny of 28 Plasmodium falciparum isolates', { organism: null, read_layout: 'unknown' });
    expect(files['main.nf']).toContain('    MAFFT(reads.map { meta, f -> f }.collect())\n');
    expect(files['main.nf']).toMatch(/IQTREE\(MAFFT\.out\.alignment\.map \{ f -> \[\[id: 'phylogenetics'/);
    const mafft = scriptOf(files['modules/mafft/main.nf']!);
    // one file per isolate or one multi-FASTA: both become one input, each file ending in a newline (awk 1)
    expect(mafft).toContain('awk 1 ${sequences} > phylogenetics.sequences.fasta\n');
    expect(mafft).toContain('mafft --auto --thread ${task.cpus} ${args} phylogenetics.sequences.fasta > phylogenetics.aln.fasta\n');
    expect(files['modules/mafft/main.nf']).toContain('    input:\n    path sequences\n');
  });

  it('germline cohorts are genotyped jointly: HaplotypeCaller GVCFs per sample, then one CombineGVCFs + GenotypeGVCFs over all of them', () => {
    const files = project('wgs_germline_variants', 'germline variant calling of 10 mouse WGS samples', {});
    expect(scriptOf(files['modules/gatk_haplotypecaller/main.nf']!)).not.toContain('GenotypeGVCFs');
    expect(files['main.nf']).toContain('    GATK_HAPLOTYPECALLER_JOINT(GATK_HAPLOTYPECALLER.out.gvcf.map { meta, f -> f }.collect(), GATK_HAPLOTYPECALLER.out.gvcf_tbi.map { meta, f -> f }.collect()');
    const joint = files['modules/gatk_haplotypecaller_joint/main.nf']!;
    expect(joint).toContain('    def variants = (gvcf instanceof List ? gvcf : [gvcf]).collect { g -> "-V ${g}" }.join(" ")\n');
    expect(scriptOf(joint)).toContain('CombineGVCFs -R ${fasta} ${variants} -O wgs_germline_variants.cohort.g.vcf.gz\n');
    expect(scriptOf(joint)).toContain('GenotypeGVCFs -R ${fasta} -V wgs_germline_variants.cohort.g.vcf.gz -O wgs_germline_variants.vcf.gz\n');
    // the hard filters still follow HaplotypeCaller's annotations (variant_callers.yaml), on the cohort VCF
    expect(files['main.nf']).toMatch(/BCFTOOLS\(GATK_HAPLOTYPECALLER_JOINT\.out\.vcf\.map \{ f -> \[\[id: 'wgs_germline_variants', single_end: false\], f\] \}\.combine\(GATK_HAPLOTYPECALLER_JOINT\.out\.tbi\)/);
    expect(scriptOf(files['modules/bcftools/main.nf']!)).toContain('snp_hard_filter');
    const wes = project('wes_germline_variants', 'germline exome calling of a family of 5', {});
    expect(scriptOf(wes['modules/gatk_haplotypecaller_joint/main.nf']!)).toContain('GenotypeGVCFs -R ${fasta} -V wes_germline_variants.cohort.g.vcf.gz --intervals ${target_bed} --interval-padding 100');
  });

  it('de novo transcriptome: the Salmon index of the assembly is built once, as its own process, and every sample quantifies against it', () => {
    const files = project('de_novo_transcriptome_assembly', 'de novo transcriptome of a non-model snail, 6 samples', { organism: null });
    expect(files['main.nf']).toContain('    SALMON_INDEX(TRINITY.out.assembly.collect())\n');
    expect(files['main.nf']).toContain('    SALMON(FASTP.out.reads.combine(SALMON_INDEX.out.salmon_index))\n');
    expect(scriptOf(files['modules/salmon_index/main.nf']!)).toContain('salmon index --threads ${task.cpus} -t ${transcripts} -i de_novo_transcriptome_assembly.salmon_index\n');
    const quant = scriptOf(files['modules/salmon/main.nf']!);
    expect(quant).not.toContain('salmon index');
    expect(quant).toContain('salmon quant --threads ${task.cpus} --libType=A -i ${salmon_index} -1 ${reads[0]} -2 ${reads[1]}');
  });

  it('no collect step that needs one file for all samples is fed one per sample (a per-sample assembly into one MetaBAT2)', () => {
    const bad: string[] = [];
    for (const t of kb.analysisTypes)
      for (const requested of [[], ...[...t.required_tools, ...t.recommended_tools, ...t.optional_tools].map((x) => [x])]) {
        const organism = t.typical_organisms.length ? {} : { organism: null };
        for (const text of ['', 'recover MAGs by binning']) {
          const main = projectFor(kb, intentOf(kb, t.id, { requested_tools: requested, ...organism }), text)['main.nf'] ?? '';
          for (const m of main.matchAll(/METABAT2\((\w+)\.out\.assembly\.map \{ meta, f -> f \}\.collect\(\)/g)) bad.push(`${t.id} [${requested}] '${text}': ${m[0]}`);
        }
      }
    expect(bad).toEqual([]);
  });
});

describe('constraint swaps look at the data (review rev1203 #49)', () => {
  it('a bacterial isolate keeps SPAdes under low memory: an isolate assembly fits in a few GB; metagenomes still get MEGAHIT', () => {
    const isolate = intentOf(kb, 'de_novo_genome_assembly', { organism: null, constraints: ['low_memory'] });
    const ids = planSelection(isolate, kb, 'assemble a Bacillus subtilis isolate on a laptop with 16 GB')!.choices.map((c) => c.id);
    expect(ids).toContain('spades');
    expect(ids).not.toContain('megahit');
    const notes = constraintNotes(isolate, planSelection(isolate, kb)!, kb).map((n) => n.text).join(' ');
    expect(notes).toContain('SPAdes stays');
    expect(notes).not.toMatch(/MEGAHIT instead of SPAdes/);
    const soil = intentOf(kb, 'metagenomics_functional', { organism: null, constraints: ['low_memory'] });
    expect(planSelection(soil, kb, 'soil metagenome assembly')!.choices.map((c) => c.id)).not.toContain('spades');
  });

  it('isolate assemblies run SPAdes in its isolate mode (--isolate, SPAdes manual: recommended for high-coverage isolate data)', () => {
    const files = project('de_novo_genome_assembly', 'assemble a Bacillus subtilis isolate', { organism: null });
    expect(files['nextflow.config']).toContain("    withName: 'SPADES' {\n        ext.args = '--isolate'\n");
  });
});

describe('prerequisites a tool\'s own docs name (review rev1203 class 7)', () => {
  it('rMATS counts on the library\'s strand: --libType fr-firststrand for a reverse-stranded (dUTP) library, fr-unstranded when unstranded', () => {
    const text = 'differential splicing, treated vs control, reverse-stranded dUTP library';
    const rev = project('alternative_splicing', text, { strandedness: 'reverse', comparison: { groups: ['treated', 'control'], description: 'treated vs control' } });
    expect(scriptOf(rev['modules/rmats/main.nf']!)).toContain('-t paired --libType fr-firststrand --readLength ${read_length} --variable-read-length');
    const un = project('alternative_splicing', 'differential splicing, treated vs control', { strandedness: 'unstranded', comparison: { groups: ['treated', 'control'], description: 'treated vs control' } });
    expect(scriptOf(un['modules/rmats/main.nf']!)).toContain('--libType fr-unstranded');
  });
});
