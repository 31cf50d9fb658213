
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkProcess } from '../../../src-main/knowledge/process-check';
import { resolveProcess } from '../../../src-main/knowledge/process-schema';
import { inEntry, knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

/** A copy of the real knowledge base with tools.yaml edited (the edit must change the text). */
const toolsWith = (edit: (text: string) => string): string => knowledgeCopyWith('tools.yaml', edit);
const problemsOf = loadProblemsOf;


describe('tool process facts are checked at load', () => {
  it('refuses an output the command never writes (samtools declaring *.sorted.bam)', () => {
    const dir = toolsWith(inEntry('samtools', 'pattern: "${prefix}.flagstat"', 'pattern: "${prefix}.sorted.bam"'));
    expect(problemsOf(dir)).toEqual([
      "tools.yaml: entry 'samtools': field 'process.command.default': does not write output 0 '${prefix}.sorted.bam'",
    ]);
  });

  it('refuses an output named by an argument the command lacks', () => {
    const dir = toolsWith(inEntry('star', '--outFileNamePrefix ${prefix}. ${args}', '${args}'));
    expect(problemsOf(dir)).toEqual([
      "tools.yaml: entry 'star': field 'process.command.paired': does not write output 0 '${prefix}.Aligned.sortedByCoord.out.bam' (named by '--outFileNamePrefix ${prefix}.', which it lacks)",
      "tools.yaml: entry 'star': field 'process.command.paired': does not write output 2 '${prefix}.Log.final.out' (named by '--outFileNamePrefix ${prefix}.', which it lacks)",
      "tools.yaml: entry 'star': field 'process.command.paired': does not write output 3 '${prefix}.SJ.out.tab' (named by '--outFileNamePrefix ${prefix}.', which it lacks)",
    ]);
  });

  it('refuses a second mate in a single-end command and a name that is no input', () => {
    const dir = toolsWith(inEntry('fastp', 'fastp --in1 ${reads} --out1', 'fastp --in1 ${reads[1]} --adapter_fasta ${adapters} --out1'));
    expect(problemsOf(dir)).toEqual([
      "tools.yaml: entry 'fastp': field 'process.command.single': uses '${adapters}', which is no input",
      "tools.yaml: entry 'fastp': field 'process.command.single': only a paired-end command may use a second mate",
    ]);
  });

  it('checks per-analysis overrides and references', () => {
    const dir = toolsWith(inEntry('macs2', 'input: { files: [ bam ] }', 'input: { files: [ bam ], references: [ blacklist_bed ] }'));
    expect(problemsOf(dir)).toEqual(["tools.yaml: entry 'macs2': field 'process (atac_seq override).input.references': 'blacklist_bed' is not in references.yaml"]);
  });

  it('keys overrides by analysis type or request focus, and checks a focus override on top of its type', () => {
    const typo = toolsWith(inEntry('starsolo', '      single_nucleus:\n', '      single_nuclei:\n'));
    expect(problemsOf(typo)).toEqual(["tools.yaml: entry 'starsolo': field 'process.overrides.single_nuclei': 'single_nuclei' is neither an analysis type nor a request focus"]);
    const unwritten = toolsWith(inEntry('starsolo', 'gzip ${prefix}.Solo.out/GeneFull/filtered/*', 'gzip ${prefix}.Solo.out/Gene/filtered/*'));
    expect(problemsOf(unwritten)).toEqual([
      "tools.yaml: entry 'starsolo': field 'process (single_nucleus override).command.paired': does not write output 0 '${prefix}.Solo.out/GeneFull/filtered'",
    ]);
  });

  it('a combined override key (focus+focus) applies where both focuses do, and is checked on top of both', () => {
    const mixed = toolsWith(inEntry('gatk_mutect2', 'targeted_somatic+tumor_only:', 'targeted_somatic+rrbs:'));
    expect(problemsOf(mixed)).toEqual(["tools.yaml: entry 'gatk_mutect2': field 'process.overrides.targeted_somatic+rrbs': a combined key names request focuses of one analysis type"]);
    const unwritten = toolsWith(inEntry('gatk_mutect2', '--interval-set-rule INTERSECTION -O ${prefix}.tumor.pileups.table\n            {with contamination_variants} gatk --java-options "-Xmx${task.memory.toMega().intdiv(5) * 4}m" CalculateContamination -I ${prefix}.tumor.pileups.table -O', '--interval-set-rule INTERSECTION -O ${prefix}.tumor.pileups.table\n            {with contamination_variants} gatk --java-options "-Xmx${task.memory.toMega().intdiv(5) * 4}m" CalculateContamination -I ${prefix}.tumor.pileups.table -matched ${normal_bam} -O'));
    expect(problemsOf(unwritten)).toEqual(["tools.yaml: entry 'gatk_mutect2': field 'process (targeted_somatic+tumor_only override).command.default': uses '${normal_bam}', which is no input"]);
    const kb = loadKnowledge();
    const m2 = kb.toolById.get('gatk_mutect2')!.process;
    expect(resolveProcess(m2, 'somatic_variants', ['targeted_somatic', 'tumor_only']).command.default).toContain('-I ${bam} --intervals ${target_bed}');
    expect(resolveProcess(m2, 'somatic_variants', ['tumor_only']).command.default).not.toContain('target_bed');
    expect(resolveProcess(m2, 'somatic_variants', ['targeted_somatic']).command.default).toContain('-normal ${meta.normal_id} --intervals ${target_bed}');
  });

  it('refuses further items without a kind per slot, and per-pair files outside pair mode', () => {
    const also = toolsWith(inEntry('vep', 'kinds: [ indels_vcf, indels_tbi ]', 'kinds: [ indels_vcf ]'));
    expect(problemsOf(also)).toEqual(["tools.yaml: entry 'vep': field 'process.input.also.0.kinds': one kind per file slot (2)"]);
    const perPair = toolsWith(inEntry('vep', 'input: { files: [ vcf, tbi ],', 'input: { pair_files: [ manta_indels ], files: [ vcf, tbi ],'));
    expect(problemsOf(perPair)).toEqual(["tools.yaml: entry 'vep': field 'process.input.pair_files': only a pair-mode process takes per-pair files"]);
  });

  it('a reference only some organisms have (the ENCODE blacklist) is used only in {with} lines, and outputs are written without them', () => {
    const outside = toolsWith(inEntry('samtools', '{with blacklist}samtools view', 'samtools view'));
    expect(problemsOf(outside)).toEqual([
      "tools.yaml: entry 'samtools': field 'process (chip_seq override).command.paired': uses '${blacklist}' outside a '{with blacklist}' line, but not every organism has it",
    ]);
    const wrongRef = toolsWith(inEntry('samtools', '{with blacklist}samtools view', '{with fasta}samtools view'));
    expect(problemsOf(wrongRef)).toEqual([
      "tools.yaml: entry 'samtools': field 'process (chip_seq override).command.paired': '{with fasta}' names no reference of this process that depends on an organism fact",
      "tools.yaml: entry 'samtools': field 'process (chip_seq override).command.paired': uses '${blacklist}' outside a '{with blacklist}' line, but not every organism has it",
    ]);
    const onlyWith = toolsWith(
      inEntry('samtools', '            samtools index ${prefix}.filtered.bam ${prefix}.filtered.bam.bai', '            {with blacklist}samtools index ${prefix}.filtered.bam ${prefix}.filtered.bam.bai'),
    );
    expect(problemsOf(onlyWith)).toEqual(["tools.yaml: entry 'samtools': field 'process (chip_seq override).command.paired': does not write output 1 '${prefix}.filtered.bam.bai'"]);
  });

  it('a {without REF} line runs exactly where its {with REF} line does not: it may not read REF, and outputs are written either way', () => {
    const reads = toolsWith(inEntry('gatk_mutect2', '{without contamination_variants} gatk', '{without contamination_variants} ls ${contamination_variants} && gatk'));
    expect(problemsOf(reads)).toEqual([
      "tools.yaml: entry 'gatk_mutect2': field 'process.command.default': uses '${contamination_variants}' outside a '{with contamination_variants}' line, but not every organism has it",
    ]);
    // FilterMutectCalls writes the filtered VCF only where the contamination sites are staged: not on every genome
    const filterLine = '{without contamination_variants} gatk --java-options "-Xmx${task.memory.toMega().intdiv(5) * 4}m" FilterMutectCalls -R ${fasta} -V ${prefix}.mutect2.unfiltered.vcf.gz --ob-priors ${prefix}.read-orientation-model.tar.gz -O ${prefix}.mutect2.vcf.gz';
    const onlyWith = toolsWith(inEntry('gatk_mutect2', filterLine, '{without contamination_variants} echo no filtering'));
    expect(problemsOf(onlyWith)).toEqual([
      "tools.yaml: entry 'gatk_mutect2': field 'process.command.default': does not write output 0 '${prefix}.mutect2.vcf.gz'",
      "tools.yaml: entry 'gatk_mutect2': field 'process.command.default': does not write output 1 '${prefix}.mutect2.vcf.gz.tbi' (named by '-O ${prefix}.mutect2.vcf.gz', which it lacks)",
    ]);
    const unknown = toolsWith(inEntry('gatk_mutect2', '{without contamination_variants} gatk', '{without contamination_variants,fasta} gatk'));
    expect(problemsOf(unknown)).toEqual([
      "tools.yaml: entry 'gatk_mutect2': field 'process.command.default': '{without fasta}' names no reference of this process that depends on an organism fact",
    ]);
  });

  it('refuses a file the tool names itself with a wildcard pattern but no name per command variant, or a name the pattern does not match', () => {
    // Bismark names its report from --basename, by layout (_PE_report.txt, _SE_report.txt): a stub needs the real name
    const dir = toolsWith(inEntry('bismark', 'named_by: "--basename ${prefix}", writes: { paired: [ "${prefix}_PE_report.txt" ], single: [ "${prefix}_SE_report.txt" ] },', 'named_by: "--basename ${prefix}",'));
    expect(problemsOf(dir)).toEqual([
      "tools.yaml: entry 'bismark': field 'process.outputs.2.writes': output '${prefix}_*E_report.txt' is named by the tool and has a wildcard: give the file names it writes for command variant 'paired'",
      "tools.yaml: entry 'bismark': field 'process.outputs.2.writes': output '${prefix}_*E_report.txt' is named by the tool and has a wildcard: give the file names it writes for command variant 'single'",
    ]);
    const wrong = toolsWith(inEntry('bismark', '"${prefix}_SE_report.txt"', '"${prefix}_E_report.log"'));
    expect(problemsOf(wrong)).toEqual([
      "tools.yaml: entry 'bismark': field 'process.outputs.2.writes.single': '${prefix}_E_report.log' does not match the output pattern '${prefix}_*E_report.txt'",
    ]);
  });

  it('refuses a shipped script that does not write a declared output', () => {
    const kb = loadKnowledge();
    const deseq2 = kb.toolById.get('deseq2')!;
    const templates = new Map(kb.templates);
    templates.set('deseq2.R', templates.get('deseq2.R')!.replace('"${prefix}.deseq2.results.tsv"', '"results.tsv"'));
    expect(checkProcess(deseq2.process, { references: new Set(kb.referenceById.keys()), templates })).toEqual([
      "field 'process.command.default': does not write output 0 '${prefix}.deseq2.results.tsv'",
    ]);
  });

  it('refuses a Conda package list that disagrees with the tool rule (conda: false means no package)', () => {
    expect(problemsOf(toolsWith(inEntry('star', 'conda: [ bioconda::star=', 'conda: []\n    # [ bioconda::star=')))).toEqual([
      "tool_rules.yaml: entry 'star': field 'conda' is true but tools.yaml lists no Conda packages for it: the two must agree",
    ]);
    // a tool with no tool rule at all has a package too
    expect(problemsOf(toolsWith(inEntry('multiqc', 'conda: [ bioconda::multiqc=1.25.1 ]', 'conda: []')))).toEqual([
      "tool_rules.yaml: entry 'multiqc': field 'conda' is true but tools.yaml lists no Conda packages for it: the two must agree",
    ]);
    expect(problemsOf(toolsWith(inEntry('cellranger', 'conda: []', 'conda: [ bioconda::cellranger=8.0.0 ]')))).toEqual([
      "tool_rules.yaml: entry 'cellranger': field 'conda' is false but tools.yaml lists its Conda packages for it: the two must agree",
    ]);
  });

  it("refuses an R script loading a package its tool's container does not hold (limma_voom.R's edgeR in a limma-only image)", () => {
    const limmaOnly = 'container: quay.io/biocontainers/bioconductor-limma:3.58.1--r43ha9d7317_0';
    expect(problemsOf(toolsWith(inEntry('deseq2', 'container: quay.io/biocontainers/bioconductor-deseq2:1.42.0--r43hf17093f_2', limmaOnly)))).toEqual([
      "tools.yaml: entry 'deseq2': templates/deseq2.R loads the R package DESeq2, which the container quay.io/biocontainers/bioconductor-limma:3.58.1--r43ha9d7317_0 does not hold (its own package, a wave image's packages, or image_packages)",
      "tools.yaml: entry 'deseq2': templates/deseq2_binding.R loads the R package DESeq2, which the container quay.io/biocontainers/bioconductor-limma:3.58.1--r43ha9d7317_0 does not hold (its own package, a wave image's packages, or image_packages)",
    ]);
    // limma-voom loads limma and edgeR: the edgeR image holds both (bioconda's bioconductor-edger run-requires bioconductor-limma)
    const limma = loadKnowledge().toolById.get('limma')!;
    expect(limma.container).toBe('quay.io/biocontainers/bioconductor-edger:4.0.2--r43hf17093f_0');
    expect(limma.image_packages).toEqual(['limma']);
  });

  it('gives every real tool a process whose command variants write its outputs', () => {
    const kb = loadKnowledge();
    expect(kb.tools.length).toBe(86);
    for (const t of kb.tools) expect(Object.keys(t.process.command).length, t.id).toBeGreaterThan(0);
    // Conda packages for every tool but the two whose licence allows none (10x Genomics' Cell Ranger, Space Ranger)
    expect(kb.tools.filter((t) => t.process.conda.length === 0).map((t) => t.id)).toEqual(['cellranger', 'spaceranger']);
    // the catalog's readable command comes from the process entry
    expect(kb.toolById.get('featurecounts')!.typical_command).toBe(
      'featureCounts -T {cpus} -p --countReadPairs -s {strand} -a {gtf} {args} -o {prefix}.featureCounts.tsv {bam}',
    );
    expect(kb.templates.get('deseq2.R')).toContain('DESeqDataSetFromMatrix(');
    expect(kb.templates.get('deseq2.R')).not.toContain('# @include');
  });
});
