import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { intentOf } from '../../support/intents';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { constraintNotes, planSelection, selectTools } from '../../../src-main/tool-selector';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { clarifyingQuestion, scopeStatement } from '../../../src-main/task-contract/scope';

const kb = loadKnowledge();
const PIG = { id: 'pig', scientific_name: 'Sus scrofa', genome_build: 'Sscrofa11.1' };

const intent = (type: string, over: Partial<Intent> = {}) => intentOf(kb, type, over);
const ids = (i: Intent, text = '') => planSelection(i, kb, text)!.choices.map((c) => c.id);
const why = (i: Intent, tool: string, text = '') => selectTools(i, kb, text).find((t) => t.tool === tool)?.rationale ?? '';

describe('domain facts the lead found wrong in the data', () => {
  it('a comparison the workflow does not test says which chosen tool can test it, and a fast request gets the tool\'s own speed-ups (review1201 #20, #30)', () => {
    const spatial = intent('spatial_transcriptomics', { requested_tools: ['seurat'], comparison: { groups: ['young', 'old'], description: 'young vs old' } });
    const notes = (i: Intent) => constraintNotes(i, planSelection(i, kb)!, kb).map((n) => n.text);
    expect(notes(spatial)).toContain(
      'No step of this workflow tests young against old as written: Seurat can, with FindMarkers between the groups once the sections are merged with their group in the metadata, which treats spots as replicates; counts summed per section (pseudobulk) and tested with DESeq2 treat the sections as the replicates.',
    );
    const tree = intent('phylogenetics', { organism: null, constraints: ['fast'] });
    expect(notes(tree)).toEqual([
      "Each process takes the CPUs the executor gives it (task.cpus goes to every tool's thread option), so more cores shorten the run. IQ-TREE runs the full ModelFinder search (-m MFP) with 1000 ultrafast bootstraps; its --fast tree search (FastTree-like) or a fixed model such as -m GTR+G shortens it most, at some cost in tree accuracy.",
    ]);
  });

  it('rationale text fits the tool it stands beside: BWA\'s memory edge is over BWA-MEM2, not Bowtie2; a named tool keeps its step; MultiQC reports', () => {
    const chip = why(intent('chip_seq'), 'bowtie2', 'ChIP-seq H3K27ac human liver');
    expect(chip).toContain('BWA is the alternative when reads are 70 bp or longer and you want bwa mem\'s local alignment with soft-clipped read ends, the default aligner of nf-core/chipseq.');
    expect(chip).not.toMatch(/memory is tight|Hi-C/);
    expect(why(intent('cnv', { requested_tools: ['picard'] }), 'picard')).toMatch(/^Picard MarkDuplicates for duplicate marking, /);
    expect(why(intent('rna_seq_de'), 'multiqc')).toMatch(/^MultiQC for reporting\. /);
  });

  it('the chain names every tool its workflow runs: no workflow adds a step behind the answer (\'MetaPhlAn added\' when MetaPhlAn was named)', () => {
    const added: string[] = [];
    for (const t of kb.analysisTypes) {
      const organism = t.typical_organisms.length ? undefined : null;
      for (const requested of [[], ...[...t.required_tools, ...t.recommended_tools, ...t.optional_tools].map((x) => [x])]) {
        const i = intent(t.id, { requested_tools: requested, ...(organism === null ? { organism } : {}) });
        const main = generateWorkflow(i, selectTools(i, kb), kb).files['main.nf'] ?? '';
        for (const m of main.matchAll(/\/\/ (.+) added: .*/g)) added.push(`${t.id} [${requested.join(',')}]: ${m[0].trim()}`);
      }
    }
    expect(added).toEqual([]);
  });

  it("miRDeep2 maps with Bowtie (1) through its own mapper.pl, so a miRNA chain has no Bowtie2 step", () => {
    expect(ids(intent('small_rna_seq'), 'miRNA profiling of serum')).toEqual(['fastqc', 'cutadapt', 'mirdeep2', 'multiqc']);
    expect(why(intent('small_rna_seq'), 'mirdeep2', 'miRNA profiling')).toContain('Bowtie (1)');
    // piRNAs still get a genome alignment before counting
    expect(ids(intent('small_rna_seq'), 'piRNA profiling in fly ovaries')).toEqual(['fastqc', 'cutadapt', 'bowtie2', 'featurecounts', 'multiqc']);
    expect(why(intent('small_rna_seq'), 'bowtie2', 'piRNA profiling')).toMatch(/ It is added because featureCounts reads its output\.$/);
    expect(why(intent('long_read_assembly', { requested_tools: ['medaka'], read_layout: 'unknown' }), 'flye', 'nanopore')).not.toContain('It is added');
    // a Bowtie2 named beside miRDeep2 is refused with the reason
    const sel = planSelection(intent('small_rna_seq', { requested_tools: ['bowtie2'] }), kb, 'miRNA with bowtie2')!;
    expect(sel.choices.map((c) => c.id)).toEqual(['fastqc', 'cutadapt', 'mirdeep2', 'multiqc']);
    expect(sel.refused.map((r) => r.id)).toEqual(['bowtie2']);
    expect(sel.refused[0]!.why).toContain('mapper.pl');
  });

  it('Medaka named for long-read variant calling is refused without claiming it cannot call variants', () => {
    const sel = planSelection(intent('long_read_variants', { requested_tools: ['medaka', 'sniffles'], read_layout: 'unknown' }), kb, 'nanopore variant calling of dog data with Medaka and Sniffles2')!;
    expect(sel.refused.map((r) => r.id)).toEqual(['medaka']);
    // Medaka has variant callers of its own (medaka_variant, medaka_haploid_variant): the reason is the chain's wiring
    expect(sel.refused[0]!.why).toContain('medaka_variant');
    expect(sel.refused[0]!.why).not.toMatch(/^Medaka polishes a de novo assembly/);
  });

  it('Bowtie2 named for a metagenome with no host is refused (it would remove host reads), kept where there is one', () => {
    for (const type of ['metagenomics_taxonomic', 'metagenomics_functional']) {
      const soil = planSelection(intent(type, { organism: null, tissue: 'soil', requested_tools: ['bowtie2'] }), kb, 'soil metagenome with bowtie2')!;
      expect(soil.choices.map((c) => c.id), type).not.toContain('bowtie2');
      expect(soil.refused.map((r) => r.id), type).toEqual(['bowtie2']);
      expect(soil.refused[0]!.why, type).toMatch(/^Bowtie2 removes host reads from a metagenome before /);
      const gut = planSelection(intent(type, { organism: null, tissue: 'gut', requested_tools: ['bowtie2'] }), kb, 'gut metagenome with bowtie2')!;
      expect(gut.choices.map((c) => c.id), type).toContain('bowtie2');
      expect(gut.refused, type).toEqual([]);
    }
  });

  it('Prokka, MEGAHIT, Kraken2 and HUMAnN are not run against the host reference; STAR and VEP are', () => {
    const mag = intent('metagenomics_functional', { organism: PIG, requested_tools: ['humann'] });
    for (const t of ['prokka', 'megahit', 'humann', 'fastp']) expect(why(mag, t)).not.toContain('Sus scrofa');
    expect(why(intent('metagenomics_taxonomic', { organism: PIG }), 'kraken2')).not.toContain('Sus scrofa');
    expect(why(intent('rna_seq_de'), 'star')).toContain('against the Homo sapiens GRCh38 reference');
    expect(why(intent('somatic_variants'), 'vep')).toContain('against the Homo sapiens GRCh38 reference');
    expect(why(intent('somatic_variants'), 'picard')).toBe("Picard MarkDuplicates for duplicate marking. Flags PCR and optical duplicate reads in coordinate-sorted alignments (the SAM duplicate flag, which GATK's tools skip), or removes them with --REMOVE_DUPLICATES true.");
    // the ENCODE blacklist it filters with is a region list of the build, not a sequence it aligns or calls against
    expect(why(intent('chip_seq'), 'samtools')).toMatch(/^SAMtools for alignment filtering. /);
  });

  it('HUMAnN profiles the reads, so it runs before the assembly, not after Prokka', () => {
    const chain = ids(intent('metagenomics_functional', { organism: null }));
    expect(chain).toEqual(['fastqc', 'fastp', 'metaphlan', 'humann', 'megahit', 'prokka', 'multiqc']);
  });

  it('fastp trims; nothing claims it removes host reads', () => {
    const r = why(intent('metagenomics_taxonomic', { organism: PIG }), 'fastp');
    expect(r).not.toMatch(/host/i);
    for (const t of kb.analysisTypes) for (const s of t.steps) if (s.tools.length === 1 && s.tools[0] === 'fastp') expect(`${s.name} ${s.description}`).not.toMatch(/host/i);
  });

  it('an MSI request scores microsatellite instability with MSIsensor-pro instead of calling SNVs', () => {
    const msi = intent('somatic_variants', { comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } });
    const chain = ids(msi, 'MSI status of colorectal tumours with matched normals');
    expect(chain).toContain('msisensor_pro');
    expect(chain).not.toContain('gatk_mutect2');
    expect(chain).not.toContain('vep');
    expect(chain.indexOf('bwa_mem2')).toBeLessThan(chain.indexOf('msisensor_pro'));
    // a plain somatic request keeps Mutect2
    expect(ids(msi, 'somatic SNVs in tumour vs normal')).toContain('gatk_mutect2');
  });

  it('Medaka named for reference-based variant calling is refused, not served by assembling the genome', () => {
    const sel = planSelection(intent('long_read_variants', { requested_tools: ['medaka', 'clair3'], read_layout: 'unknown' }), kb, 'ONT variants with Medaka and Clair3')!;
    const chain = sel.choices.map((c) => c.id);
    expect(chain).not.toContain('flye');
    expect(chain).not.toContain('medaka');
    expect(chain).toContain('clair3');
    expect(sel.refused.map((r) => r.id)).toEqual(['medaka']);
    const notes = constraintNotes(intent('long_read_variants', { requested_tools: ['medaka'] }), sel).map((n) => n.text);
    expect(notes.some((n) => n.startsWith('Medaka') && n.includes('Clair3'))).toBe(true);
  });

  it('structural variants from long reads are called by Sniffles2 (Manta and DELLY take short reads only), not left with no caller', () => {
    for (const text of ['nanopore structural variants', 'PacBio HiFi structural variants']) {
      const i = intent('structural_variants', { read_layout: 'unknown' });
      expect(ids(i, text), text).toEqual(['nanoplot', 'minimap2', 'samtools', 'sniffles', 'bcftools', 'multiqc']);
      const files = generateWorkflow(i, selectTools(i, kb, text), kb, { text }).files;
      expect(files['main.nf'], text).toContain('    SNIFFLES(MINIMAP2.out.bam.join(MINIMAP2.out.bai)');
      const result = checkWorkflow(files);
      expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    }
  });

  it('proper names stay as their authors write them at the start of a sentence', () => {
    const r = why(intent('small_rna_seq', { read_layout: 'single' }), 'featurecounts', 'piRNA in zebrafish');
    expect(r).toContain('miRDeep2 models');
    expect(r).not.toContain('MiRDeep2');
  });
});

describe('the workflows of the fixed chains', () => {
  const project = (i: Intent, text: string) => generateWorkflow(i, selectTools(i, kb, text), kb, { text });
  it('an MSI workflow runs msisensor-pro msi on each tumour/normal pair against a scanned site list, and lints clean', () => {
    const msi = intent('somatic_variants', { comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } });
    const text = 'MSI status of colorectal tumours with matched normals. Please write the Nextflow workflow.';
    const wf = project(msi, text);
    const result = checkWorkflow(wf.files);
    expect(result.errorCount, formatDiagnostics(result)).toBe(0);
    const module = wf.files['modules/msisensor_pro/main.nf']!;
    expect(module).toContain('msisensor-pro msi -d ${msisensor_scan} -n ${normal_bam} -t ${tumor_bam} -b ${task.cpus} ${args} -o ${meta.id}.msi');
    expect(module).toContain('tuple val(meta), path(tumor_bam), path(tumor_bai), path(normal_bam), path(normal_bai)');
    expect(wf.files['main.nf']).toContain("params.msisensor_scan = 'references/GRCh38.msisensor_scan.list'");
    expect(Object.keys(wf.files).filter((f) => f.startsWith('modules/')).sort()).toEqual(
      ['bwa_mem2', 'fastqc', 'msisensor_pro', 'multiqc', 'picard', 'samtools'].map((m) => `modules/${m}/main.nf`),
    );
  });
  it('a miRNA workflow has no Bowtie2 module, and HUMAnN reads the trimmed reads', () => {
    const mirna = project(intent('small_rna_seq', { read_layout: 'single' }), 'miRNA profiling of serum, single-end');
    expect(Object.keys(mirna.files).some((f) => f.startsWith('modules/bowtie2/'))).toBe(false);
    expect(checkWorkflow(mirna.files).errorCount).toBe(0);
    const func = project(intent('metagenomics_functional', { organism: null }), 'functional profiling of gut metagenomes');
    // gut: host-associated, so the trimmed reads reach HUMAnN with their host pairs removed
    expect(func.files['main.nf']).toContain('HUMANN(BOWTIE2.out.reads.join(METAPHLAN.out.metaphlan_profile)');
    expect(checkWorkflow(func.files).errorCount).toBe(0);
  });
});

describe('rationales tied to the request', () => {
  const de = intent('rna_seq_de', { comparison: { groups: ['KO', 'WT'], description: 'KO vs WT' }, strandedness: 'reverse' });
  it('say when the step alternative would be chosen instead, for this design', () => {
    expect(why(de, 'deseq2', 'KO vs WT liver RNA-seq')).toBe(
      'DESeq2 for differential expression, to test KO against WT, which needs biological replicates in each group. Negative binomial models with shrinkage for differential expression testing on count data with replicates. edgeR is the alternative when replicates are few (two or three per group) or the design is complex; its quasi-likelihood tests control errors well.',
    );
    expect(why(de, 'star', '')).toContain('HISAT2 is the alternative when memory is limited (about 8 GB for a human index)');
    expect(why(de, 'featurecounts', '')).toContain('with -s 2 for the reverse-stranded library');
    // a named or swapped tool says why it is there instead
    expect(why({ ...de, requested_tools: ['hisat2'] }, 'hisat2', '')).not.toContain('is the alternative');
    expect(why({ ...de, constraints: ['low_memory'] }, 'hisat2', '')).toContain('It replaces STAR to fit a low-memory machine');
  });

  it('keep step names as written (read QC, SV calling), not lowercased whole', () => {
    expect(why(intent('structural_variants'), 'manta')).toMatch(/^Manta for SV calling, /);
    expect(why(intent('long_read_assembly', { read_layout: 'unknown' }), 'nanoplot', 'nanopore assembly')).toMatch(/^NanoPlot for read QC\. /);
  });
});

describe('under-specified and off-topic requests', () => {
  it('an under-specified request gets a question naming what is missing, analysis names written inside the sentence', () => {
    const q = clarifyingQuestion({ ...intent('rna_seq_de'), analysis_type: 'unknown', organism: null, comparison: null }, kb);
    expect(q.split('\n')).toEqual([
      'Before I can build a workflow, I need to know what to run. Could you tell me:',
      '- **Which analysis**: what kind of data is it and what should the analysis find (for example RNA-seq differential expression, WGS germline variant calling, ChIP-seq peak calling, single-cell RNA-seq)?',
      '- **Organism**: which species (and genome build, if it matters) were the samples taken from?',
      '- **Design**: which conditions or groups should be compared, if any?',
      '- **Reads**: which platform (Illumina, Oxford Nanopore, PacBio HiFi) and, for short reads, paired-end or single-end?',
    ]);
    expect(scopeStatement()).toMatch(/^That is outside what I can help with: /);
  });
});

describe('spatial requests naming Seurat', () => {
  it('Seurat does the spatial analysis step, not a "single cell" step of its own', () => {
    const sp = intent('spatial_transcriptomics', { requested_tools: ['seurat'], read_layout: 'unknown', organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' } });
    const tools = selectTools(sp, kb, 'spatial mouse cortex with Seurat');
    expect(tools.find((t) => t.tool === 'seurat')!.rationale).toMatch(/^Seurat for spatial analysis, as you asked\. /);
    const wf = generateWorkflow(sp, tools, kb, { text: 'spatial mouse cortex with Seurat' });
    expect(checkWorkflow(wf.files).errorCount, formatDiagnostics(checkWorkflow(wf.files))).toBe(0);
  });
});

describe('a comparison the chain does not test is said', () => {
  const groups = { groups: ['treated', 'control'], description: 'treated vs control' };
  const notesOf = (i: Intent, text = '') => constraintNotes(i, planSelection(i, kb, text)!, kb).filter((n) => n.constraint === 'comparison');
  const textOf = (i: Intent, text = '') => notesOf(i, text).map((n) => `${n.met ? 'met' : 'not met'}: ${n.text}`);
  it('Hi-C treated vs control builds contact maps per sample, and the answer names what would test the groups (comparison_tests.yaml gap)', () => {
    expect(textOf(intent('hic', { comparison: groups }))).toEqual([
      'not met: No step of this chain tests treated against control; the standard test is a further step on its output: a differential contact analysis between the groups\' contact matrices with replicates, such as diffHic or multiHiCcompare.',
    ]);
  });
  it('16S with QIIME 2 in the chain names its group tests (ANCOM-BC, alpha/beta group significance), not a stock line', () => {
    const [note] = textOf(intent('amplicon_16s', { organism: null, comparison: groups }));
    expect(note).toMatch(/^not met: No step of this workflow tests treated against control as written: QIIME 2 can, with qiime composition ancombc \(ANCOM-BC/);
    expect(note).toContain('qiime diversity beta-group-significance (PERMANOVA');
    expect(note).not.toContain('outside this chain');
  });
  it('spatial and single-cell name pseudobulk DESeq2; MOFA2 names testing its factors against the groups beside limma on the RNA layer', () => {
    // Space Ranger and Squidpy: nothing in the chain compares groups, so the gap is named
    expect(textOf(intent('spatial_transcriptomics', { comparison: groups }))).toEqual([
      "not met: No step of this chain tests treated against control; the standard test is a further step on its output: pseudobulk differential expression: the spot counts summed per section (and per spatial domain), tested with DESeq2, which treats sections, not spots, as the replicates; Squidpy's neighbourhood and autocorrelation statistics describe each section, and its marker genes rank one section's spatial domains against each other, so they test no groups.",
    ]);
    const [scanpy] = textOf(intent('spatial_transcriptomics', { comparison: groups, requested_tools: ['scanpy'] }));
    expect(scanpy).toMatch(/^not met: No step of this workflow tests treated against control as written: Scanpy can, with sc\.tl\.rank_genes_groups/);
    expect(scanpy).toContain('pseudobulk');
    expect(textOf(intent('scrna_seq', { comparison: groups }))[0]).toContain('counts summed per sample and cell type (pseudobulk) and tested with DESeq2');
    const [mofa] = textOf(intent('multi_omics_integration', { comparison: groups }));
    expect(mofa).toMatch(/^met: limma tests treated against control: moderated t-tests of the condition contrast on the RNA-seq layer/);
    expect(mofa).toContain('MOFA+ does not test them as written; it can, with a test of each factor\'s sample values against the groups once the factors are learnt without them');
    // the long-read isoform chain: the standard tests on IsoQuant's counts, and why novel isoforms need one joint run
    const [isoforms] = textOf(intent('long_read_rnaseq', { comparison: groups }));
    expect(isoforms).toContain('the standard test is a further step on its output: a differential test of IsoQuant\'s gene or known-transcript counts between the groups: DESeq2 or edgeR');
    expect(isoforms).toContain('several BAMs with --labels');
  });
  it('DESeq2 (on genes, or on ChIP-seq consensus peaks), rMATS and a tumour/normal caller test them, and the note says which step and how', () => {
    expect(textOf(intent('chip_seq', { comparison: groups }))).toEqual(['met: DESeq2 tests treated against control: a Wald test of the condition contrast on the reads per consensus peak (differential binding).']);
    expect(textOf(intent('rna_seq_de', { comparison: groups }))[0]).toMatch(/^met: DESeq2 tests treated against control: a Wald test/);
    expect(textOf(intent('alternative_splicing', { comparison: groups }))[0]).toMatch(/^met: rMATS tests treated against control: a likelihood-ratio test/);
    expect(textOf(intent('somatic_variants', { comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } }))[0]).toMatch(/^met: GATK Mutect2 tests tumor against normal: calling each tumour against its matched normal/);
    expect(notesOf(intent('chip_seq'))).toEqual([]);
  });
  it('an analysis without an entry keeps the per-sample statement', () => {
    expect(textOf(intent('gene_fusion', { comparison: groups }))).toEqual([
      'not met: No step of this chain tests treated against control: its results are per sample, so comparing the groups needs a differential analysis of gene fusion detection results outside this chain.',
    ]);
  });
  it('the table is checked at load: every tool and analysis type exists, and a test the workflow does not run has a gap', () => {
    for (const [type, e] of kb.comparisonTests) {
      expect(kb.analysisTypeById.has(type)).toBe(true);
      for (const t of e.tests) expect(kb.toolById.has(t.tool)).toBe(true);
    }
  });
});

describe('rationales that say what this assay needs of the tool', () => {
  it('ATAC-seq peak calling has no control; exome calling is restricted to the capture targets; MultiQC reads as a sentence', () => {
    const atac = why(intent('atac_seq'), 'macs2');
    expect(atac).not.toContain('against a control');
    expect(atac).toContain('ATAC-seq has no input control');
    expect(why(intent('atac_seq'), 'fastp')).toContain('Nextera (Tn5) adapter CTGTCTCTTATACACATCT');
    expect(why(intent('wes_germline_variants'), 'gatk_bqsr')).toContain('capture targets (--intervals with 100 bp padding)');
    expect(why(intent('wes_germline_variants'), 'gatk_haplotypecaller')).toContain('GenotypeGVCFs');
    expect(why(intent('methylation_bisulfite'), 'bismark')).toContain('RRBS libraries are not deduplicated');
    expect(why(intent('rna_seq_de'), 'multiqc')).toMatch(/^MultiQC for reporting\. /);
    expect(why(intent('cnv'), 'cnvkit')).toContain('--targets with the capture BED (hybrid method) for exome or panel data, --method wgs for genomes');
    expect(why(intent('cnv', { requested_tools: ['picard'] }), 'picard')).toMatch(/^Picard MarkDuplicates for duplicate marking, as you asked\. /);
    expect(why(intent('long_read_rnaseq'), 'minimap2')).toContain('-ax splice:hq -uf for PacBio HiFi/Iso-Seq');
    expect(why(intent('small_rna_seq'), 'cutadapt')).toContain('-a TGGAATTCTCGGGTGCCAAGG, the Illumina TruSeq Small RNA adapter');
  });

  it('BWA is never the low-memory choice beside Bowtie2, which needs less', () => {
    const bowtie2 = why(intent('chip_seq'), 'bowtie2');
    expect(bowtie2).not.toMatch(/BWA is the alternative when memory is tight/);
  });
});
