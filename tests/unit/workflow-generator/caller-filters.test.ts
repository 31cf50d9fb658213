import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { resolveProcess } from '../../../src-main/knowledge/process-schema';
import { infoTagsOf } from '../../../src-main/knowledge/tool-facts';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import type { Intent } from '../../../src-preload/schemas/intent';
import { intentOf } from '../../support/intents';
import { scriptOf } from '../../support/workflows';

const kb = loadKnowledge();
const rat = { id: 'rat', scientific_name: 'Rattus norvegicus', genome_build: 'mRatBN7.2' };

/** The bcftools module of a germline workflow whose chain has these callers (and what the selector adds). */
function bcftoolsOf(analysisType: string, callers: string[], over: Partial<Intent> = {}, text = ''): { files: Record<string, string>; script: string } {
  const intent = intentOf(kb, analysisType, { requested_tools: [...callers, 'bcftools'], ...over });
  const files = generateWorkflow(intent, selectTools(intent, kb, text), kb, { text }).files;
  const result = checkWorkflow(files);
  expect(result.errorCount, `${formatDiagnostics(result)}\n\n${files['main.nf']}`).toBe(0);
  return { files, script: scriptOf(files['modules/bcftools/main.nf'] ?? '') };
}

/** Each caller's filter text in a bcftools script: the `case` branch of that caller, or the whole script for one caller. */
function filterOf(script: string, caller: string, callers: string[]): string {
  if (callers.length === 1) return script;
  const m = new RegExp(`\\n\\s*${caller}\\) ([^\\n]*) ;;`).exec(script);
  expect(m, `${caller} branch in\n${script}`).not.toBeNull();
  return m![1]!;
}

/** Analysis types whose bcftools step filters each caller's calls by that caller's tags. */
const filtered = Object.entries(kb.toolById.get('bcftools')!.process.overrides)
  .filter(([, o]) => Object.values(o.command ?? {}).some((c) => c?.includes('{caller_filter}')))
  .map(([type]) => type);

/** The tools whose output bcftools reads (its first slot's kinds): every caller it can follow, when a request names it. */
function callersOf(type: string): string[] {
  const kinds = resolveProcess(kb.toolById.get('bcftools')!.process, type).input.files[0]!.kinds;
  return kb.tools.filter((t) => t.id !== 'bcftools' && [resolveProcess(t.process, type)].flatMap((r) => [...r.outputs, ...r.stages.flatMap((st) => st.outputs)]).some((o) => kinds.includes(o.kind))).map((t) => t.id);
}
/** Short reads, and long reads of each platform (Clair3, Sniffles2). */
const PLATFORMS = ['', 'Oxford Nanopore reads', 'PacBio HiFi reads'];

describe('variant filters keyed on the caller that wrote the VCF (variant_callers.yaml)', () => {
  it('germline WGS and WES filter by caller', () => {
    expect(filtered).toEqual(expect.arrayContaining(['wgs_germline_variants', 'wes_germline_variants']));
  });

  it('every caller x filter pairing the generator can emit tests only INFO tags that caller writes', () => {
    let pairs = 0;
    const seen: string[] = [];
    for (const type of filtered)
      for (const caller of callersOf(type))
        for (const reads of PLATFORMS) {
        const entry = kb.variantCallers.get(caller);
        expect(entry, `${caller} (${type}) has no variant_callers.yaml entry`).toBeDefined();
        const { files, script } = bcftoolsOf(type, [caller], {}, reads);
        // a caller with no command for these reads is left out: no pairing
        if (!files[`modules/${caller}/main.nf`] || !script) continue;
        // the selector may keep its own caller beside the requested one: read the branch of the requested caller
        const producers = kb.tools.filter((t) => t.id !== 'bcftools' && files[`modules/${t.id}/main.nf`] && callersOf(type).includes(t.id)).map((t) => t.id);
        const filterText = filterOf(script, caller, producers);
        const tags = infoTagsOf(filterText);
        for (const tag of tags) expect(entry!.info_tags, `${caller} (${type}) filters INFO/${tag}`).toContain(tag);
        expect(tags.sort(), `${caller} (${type})`).toEqual(entry!.filters.flatMap((f) => infoTagsOf(f.exclude)).sort());
        pairs++;
        seen.push(`${type}:${caller}:${reads}`);
      }
    // 40 today: every small-variant and SV caller on short reads, Clair3 and Sniffles2 on ONT and HiFi, for WGS and WES
    expect(pairs, seen.join(" ")).toBeGreaterThanOrEqual(36);
  });

  it('rat WGS with FreeBayes: QUAL, depth, strand and placement of the alternate reads, no GATK annotation', () => {
    const { script } = bcftoolsOf('wgs_germline_variants', ['freebayes'], { organism: rat });
    expect(script).toContain("bcftools filter -s freebayes_filter -e 'QUAL<20 || INFO/DP<5 || INFO/SAF<1 || INFO/SAR<1 || INFO/RPL<1 || INFO/RPR<1' -Ou ${vcf} | bcftools view --threads ${task.cpus} -f PASS ${args} -Oz -o ${meta.id}.filtered.vcf.gz --write-index=tbi -");
    expect(script).not.toMatch(/INFO\/(QD|FS|SOR|MQ|MQRankSum|ReadPosRankSum)\b/);
  });

  it('HaplotypeCaller keeps GATK hard filters, SNPs and indels apart; DeepVariant keeps its own PASS calls', () => {
    expect(bcftoolsOf('wgs_germline_variants', ['gatk_haplotypecaller']).script).toContain(
      `bcftools filter -s snp_hard_filter -e 'TYPE="snp" && (QUAL<30 || INFO/QD<2 || INFO/FS>60 || INFO/SOR>3 || INFO/MQ<40 || INFO/MQRankSum<-12.5 || INFO/ReadPosRankSum<-8)' -Ou \${vcf} | bcftools filter -m + -s indel_hard_filter -e 'TYPE="indel" && (QUAL<30 || INFO/QD<2 || INFO/FS>200 || INFO/ReadPosRankSum<-20)' -Ou - | bcftools view`,
    );
    const dv = bcftoolsOf('wgs_germline_variants', ['deepvariant']);
    if (!dv.files['modules/gatk_haplotypecaller/main.nf']) expect(dv.script).toContain('bcftools view -Ou ${vcf} | bcftools view --threads ${task.cpus} -f PASS');
    expect(dv.script).not.toMatch(/deepvariant\) [^\n]*INFO\//);
  });

  it("two callers' VCFs in one step: a case on meta.variantcaller gives each its own filter (Manta's SVs are never hard-filtered on QD)", () => {
    const { script } = bcftoolsOf('wgs_germline_variants', ['gatk_haplotypecaller', 'manta']);
    expect(script).toContain('case "${meta.variantcaller}" in');
    expect(filterOf(script, 'manta', ['a', 'b'])).toBe('bcftools view -Ou ${vcf}');
    expect(filterOf(script, 'gatk_haplotypecaller', ['a', 'b'])).toContain('INFO/QD<2');
  });
});

describe('VQSR and BQSR resources follow the organism (organisms.yaml known_sites, gatk_truth_resources)', () => {
  const rice = { id: 'rice', scientific_name: 'Oryza sativa', genome_build: 'IRGSP-1.0' };
  const why = (organism: Intent['organism'], tool: string) =>
    selectTools(intentOf(kb, 'wgs_germline_variants', { organism }), kb, '').find((t) => t.tool === tool)?.rationale ?? '';

  it('rice: no VQSR or CNNScoreVariants recommended, hard filters as GATK advises; BQSR says it has no known sites', () => {
    const hc = why(rice, 'gatk_haplotypecaller');
    expect(hc).toContain('so Oryza sativa calls keep GATK\'s hard filters');
    expect(hc).not.toMatch(/VQSR for cohorts|can replace the hard filters/);
    // CNNScoreVariants scores with a pre-trained model; the resources come in at FilterVariantTranches (GATK docs)
    expect(hc).not.toMatch(/CNNScoreVariants learns?|VQSR and CNNScoreVariants learn/);
    expect(hc).toContain('FilterVariantTranches');
    expect(hc).toMatch(/CNNScoreVariants scores each variant with a model GATK trained/);
    const bqsr = why(rice, 'gatk_bqsr');
    expect(bqsr).toContain('no curated set for Oryza sativa IRGSP-1.0 is known here: which VCF of known variants');
    expect(bqsr).toContain('skip BQSR or bootstrap it');
    expect(bqsr).toContain('params.known_sites');
  });

  it('human: VQSR or CNNScoreVariants on the GATK bundle, and BQSR on dbSNP and the gold-standard indels', () => {
    const human = { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh38' };
    expect(why(human, 'gatk_haplotypecaller')).toContain('can replace the hard filters');
    expect(why(human, 'gatk_bqsr')).toContain('(GATK\'s resource bundle for hg38: dbSNP (Homo_sapiens_assembly38.dbsnp138.vcf), Mills_and_1000G_gold_standard.indels.hg38.vcf.gz');
  });

  it('mouse: known sites per build (the Mouse Genomes Project on GRCm38; for GRCm39 the answer asks, naming the GRCm38 set)', () => {
    const mouse = (genome_build: string) => ({ id: 'mouse', scientific_name: 'Mus musculus', genome_build });
    expect(why(mouse('GRCm38'), 'gatk_bqsr')).toContain('leaves out the known variant sites (the Mouse Genomes Project release REL-1505');
    expect(why(mouse('GRCm39'), 'gatk_bqsr')).toContain('no curated set for Mus musculus GRCm39 is known here (the one known here is for GRCm38: the Mouse Genomes Project release REL-1505');
  });
});
