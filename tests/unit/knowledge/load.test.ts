import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, loadKnowledge } from '../../../src-main/knowledge/load';
import { IntentSchema } from '../../../src-preload/schemas/intent';
import { knowledgeCopyWith, loadProblemsOf } from '../../support/knowledge-copy';

const realDir = defaultKnowledgeDir();
const copyWith = knowledgeCopyWith;
const problemsOf = loadProblemsOf;

describe('the real knowledge base', () => {
  const kb = loadKnowledge();

  it('has the required counts', () => {
    expect(kb.analysisTypes.length).toBe(28);
    expect(kb.tools.length).toBeGreaterThanOrEqual(60);
    expect(kb.errorPatterns.length).toBeGreaterThanOrEqual(21);
    expect(kb.organisms.length).toBeGreaterThanOrEqual(15);
    expect(kb.categories.length).toBe(27);
    expect(kb.goldenQueries.length).toBe(100);
  });

  it('has every required analysis type and tool id', () => {
    const types = 'rna_seq_de scrna_seq chip_seq atac_seq cut_and_run wgs_germline_variants wes_germline_variants somatic_variants structural_variants cnv methylation_bisulfite metagenomics_taxonomic metagenomics_functional amplicon_16s hic long_read_assembly long_read_variants long_read_rnaseq de_novo_genome_assembly de_novo_transcriptome_assembly small_rna_seq crispr_screen spatial_transcriptomics multi_omics_integration phylogenetics alternative_splicing gene_fusion viral_genomics';
    for (const id of types.split(' ')) expect(kb.analysisTypeById.has(id), id).toBe(true);
    const tools = 'fastqc multiqc fastp trimmomatic cutadapt trim_galore star hisat2 salmon kallisto featurecounts htseq deseq2 edger limma bwa bwa_mem2 bowtie2 samtools picard gatk_haplotypecaller gatk_mutect2 gatk_bqsr deepvariant bcftools freebayes strelka2 manta delly cnvkit vep snpeff macs2 homer deeptools seacr bismark methyldackel kraken2 bracken metaphlan humann qiime2 dada2 spades megahit flye canu minimap2 medaka clair3 sniffles nanoplot trinity cellranger starsolo scanpy seurat mageck spaceranger squidpy mofa2 iqtree mafft raxml_ng pairtools cooler juicer mirdeep2 rmats stringtie arriba star_fusion busco quast prokka ivar pangolin isoquant hicexplorer';
    for (const id of tools.split(' ')) expect(kb.toolById.has(id), id).toBe(true);
  });

  it('gives organisms their default builds', () => {
    const build = (id: string) => kb.organismById.get(id)?.genome_build;
    expect([build('human'), build('mouse'), build('rat'), build('zebrafish'), build('fly')]).toEqual(['GRCh38', 'GRCm39', 'mRatBN7.2', 'GRCz11', 'BDGP6']);
    expect([build('worm'), build('yeast'), build('arabidopsis'), build('rice')]).toEqual(['WBcel235', 'R64', 'TAIR10', 'IRGSP-1.0']);
    expect(kb.organismById.get('mouse')?.build_aliases.mm10).toBe('GRCm38');
  });

  it('uses every category, ids gq_001..gq_100, and full valid intents', () => {
    expect(new Set(kb.goldenQueries.map((g) => g.category))).toEqual(new Set(kb.categories.map((c) => c.id)));
    expect(kb.goldenQueries.map((g) => g.id)).toEqual(Array.from({ length: 100 }, (_, i) => `gq_${String(i + 1).padStart(3, '0')}`));
    for (const g of kb.goldenQueries) {
      expect(IntentSchema.safeParse(g.expected_intent).success, g.id).toBe(true);
      expect(g.expected_intent.confidence).toBe(1);
    }
    expect(new Set(kb.goldenQueries.map((g) => g.difficulty))).toEqual(new Set([1, 2, 3]));
  });

  it('has containers pinned to a version or build tag', () => {
    for (const t of kb.tools) {
      expect(t.container, t.id).toMatch(/^[a-z0-9.-]+\/[a-z0-9_./-]+:[A-Za-z0-9._-]+$/);
      expect(t.container, t.id).not.toMatch(/:latest$/);
    }
    // STAR's image carries samtools too: the module indexes the BAM it writes
    expect(kb.toolById.get('star')?.container).toBe('community.wave.seqera.io/library/htslib_samtools_star_gawk:ae438e9a604351a4');
    expect(kb.toolById.get('star')?.process.conda).toContain('bioconda::star=2.7.11b');
  });

  it('has an error-pattern regex that matches its own example log, and not every other log', () => {
    for (const e of kb.errorPatterns) {
      const re = new RegExp(e.symptom_regex, 'im');
      expect(re.test(e.example_log), e.id).toBe(true);
      const others = kb.errorPatterns.filter((o) => o.id !== e.id && re.test(o.example_log));
      expect(others.length, `${e.id} also matches ${others.map((o) => o.id)}`).toBeLessThan(kb.errorPatterns.length - 1);
    }
  });

  it('caches per directory', () => {
    expect(loadKnowledge(realDir)).toBe(kb);
  });
});

describe('knowledge errors', () => {
  it('reports malformed YAML with file and line', () => {
    const dir = copyWith('tools.yaml', (t) => t.replace('  name: FastQC\n', '  name: [FastQC, ]]\n'));
    const problems = problemsOf(dir);
    const line = fs.readFileSync(path.join(dir, 'tools.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(']]')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(problems.some((p) => p.startsWith(`tools.yaml:${line}:`) && p.includes('YAML syntax error'))).toBe(true);
  });

  it('refuses a YAML alias bomb naming the file, without expanding it', () => {
    const levels = 'abcdefghij'.split('');
    const bomb = levels.map((l, i) => `- &${l} [${Array(10).fill(i === 0 ? 'lol' : `*${levels[i - 1]}`).join(', ')}]`).join('\n');
    const dir = copyWith('tools.yaml', () => `${bomb}\n`);
    expect(problemsOf(dir)).toContain('tools.yaml: cannot read its YAML: Excessive alias count indicates a resource exhaustion attack');
  });

  it('refuses an error situation whose log shows another tool killed than the failing process runs', () => {
    const dir = copyWith('error_situations.yaml', (t) => t.replace('  process_tool: picard\n', ''));
    expect(problemsOf(dir)).toEqual(["error_situations.yaml: entry 'picard_oom': the log shows picard killed, which SAMtools's process does not run: set process_tool to the tool that runs it"]);
  });

  it('refuses a log whose message, exit status or binary disagree with the tool that prints it (log_signatures.yaml)', () => {
    // GATK exits 2 on a user error; Kraken 2's classify exits EX_OSERR (71) when it cannot allocate the hash table
    const gatk = copyWith('error_situations.yaml', (t) => t.replace(/(- id: gatk_bqsr_no_dict\n[\s\S]*?exit_status: )2/, '$11'));
    expect(problemsOf(gatk)).toEqual([
      "error_situations.yaml: entry 'gatk_bqsr_no_dict': the log shows 'gatk_user_error' (GATK prints 'A USER ERROR has occurred' for a UserException and exits 2), so exit_status must be 2, not 1",
      // and its diagnosis, which says "exit 2", no longer agrees with the status
      "error_situations.yaml: entry 'gatk_bqsr_no_dict': field 'diagnosis' states exit 2, but the log reports exit 1",
    ]);
    // spades-hammer reads the read-correction config (corrected/configs), spades-core a K<k>/configs one
    const spades = copyWith('error_situations.yaml', (t) => t.replace("{work}/spades_out/corrected/configs/config.info'", "{work}/spades_out/K55/configs/config.info'"));
    expect(problemsOf(spades)).toContain(
      "error_situations.yaml: entry 'spades_hammer_disk_full': the log shows 'spades_hammer' (spades-hammer is BayesHammer read error correction; spades.py runs it on <output>/corrected/configs/config.info and exits with its return code), but does not show what that requires",
    );
    // a path under a work directory is the task's own ({work}), not a made-up one
    const paths = copyWith('error_situations.yaml', (t) => t.replace("{work}/spades_out/corrected/configs/config.info'", "/work/3f/spades_out/corrected/configs/config.info'"));
    expect(problemsOf(paths)).toContain("error_situations.yaml: entry 'spades_hammer_disk_full': the log names the work directory /work/3f/spades_out/corrected/configs/config.info: write {work}, the task's work directory");
  });

  it('names file, entry and field of a missing field', () => {
    const dir = copyWith('tools.yaml', (t) => t.replace(/(- id: star\n[\s\S]*?) {2}container: [^\n]*\n/, '$1'));
    const index = loadKnowledge().tools.findIndex((t) => t.id === 'star');
    expect(problemsOf(dir)).toContain(`tools.yaml: entry 'star' (index ${index}): field 'container': Required`);
  });

  it('refuses a field the tool schema does not know (a retired typical_params is not silently ignored)', () => {
    const dir = copyWith('tools.yaml', (t) => t.replace(/(- id: featurecounts\n)/, '$1  typical_params: { strandSpecific: 2 }\n'));
    const index = loadKnowledge().tools.findIndex((t) => t.id === 'featurecounts');
    expect(problemsOf(dir)[0]).toBe(`tools.yaml: entry 'featurecounts' (index ${index}): field '(entry)': Unrecognized key: "typical_params"`);
  });

  it('names the nested field path of a bad golden intent', () => {
    const dir = copyWith('golden_queries.yaml', (t) => t.replace(/(id: gq_002[\s\S]*?read_layout: )paired/, '$1sideways'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^golden_queries\.yaml: entry 'gq_002' \(index 1\): field 'expected_intent\.read_layout': /);
  });

  it('lists every broken cross reference at once', () => {
    const dir = copyWith('golden_queries.yaml', (t) =>
      t.replace('category: rna_seq\n', 'category: no_such_category\n').replace('expected_tools: [fastqc, fastp, star,', 'expected_tools: [fastqc, fastp, stargazer,'),
    );
    const problems = problemsOf(dir);
    expect(problems).toContain("golden_queries.yaml: entry 'gq_001': field 'category': unknown category 'no_such_category'");
    expect(problems).toContain("golden_queries.yaml: entry 'gq_001': field 'expected_tools': tool 'stargazer' is not in tools.yaml");
  });

  it('refuses a cell line whose organism organisms.yaml does not know', () => {
    expect(problemsOf(copyWith('cell_lines.yaml', (t) => t.replace('organism: mouse, cellosaurus: CVCL_0188', 'organism: hamster, cellosaurus: CVCL_0188')))).toContain(
      "cell_lines.yaml: entry 'c2c12': organism 'hamster' is not in organisms.yaml",
    );
  });

  it('refuses a cell line accession that is not Cellosaurus-shaped, and a cell-line name two lines share', () => {
    const accession = problemsOf(copyWith('cell_lines.yaml', (t) => t.replace('cellosaurus: CVCL_0004', 'cellosaurus: K562-ATCC')));
    expect(accession.some((p) => p.startsWith("cell_lines.yaml: entry 'k562' (index 0): field 'cellosaurus'"))).toBe(true);
    expect(problemsOf(copyWith('cell_lines.yaml', (t) => t.replace('aliases: [a-549]', 'aliases: [k-562]')))).toContain("cell_lines.yaml names: duplicate id 'k-562'");
  });

  it('rejects an error pattern whose regex misses its example log', () => {
    const first = loadKnowledge().errorPatterns[0]!;
    const dir = copyWith('error_patterns.yaml', (t) => t.replace(`id: ${first.id}`, `id: ${first.id}`).replace(/symptom_regex: (['"]).*?\1/, 'symptom_regex: "zzz never in any log zzz"'));
    expect(problemsOf(dir)).toContain(`error_patterns.yaml: entry '${first.id}': field 'symptom_regex' does not match its example_log`);
  });

  it('finds the knowledge folder through BIOTRAIN_RESOURCES', () => {
    const saved = process.env.BIOTRAIN_RESOURCES;
    process.env.BIOTRAIN_RESOURCES = '/nonexistent/res';
    try {
      expect(defaultKnowledgeDir()).toBe('/nonexistent/res/knowledge');
    } finally {
      if (saved === undefined) delete process.env.BIOTRAIN_RESOURCES;
      else process.env.BIOTRAIN_RESOURCES = saved;
    }
  });
});
