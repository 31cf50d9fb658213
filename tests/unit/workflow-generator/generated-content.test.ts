import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { parseIntent } from '../../../src-main/intent-parser';
import { constraintNotes, planSelection, selectTools } from '../../../src-main/tool-selector/index';
import type { Platform } from '../../../src-main/tool-selector/context';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';
import { scriptOf } from '../../support/workflows';

const kb = loadKnowledge();

const intent = (analysisType: string, over: Partial<Intent> = {}) => intentOf(kb, analysisType, over);

function project(i: Intent, platform?: Platform, text?: string): Record<string, string> {
  return generateWorkflow(i, selectTools(i, kb, text), kb, { ...(platform ? { platform } : {}), ...(text ? { text } : {}) }).files;
}


describe('generated workflows carry the right commands', () => {
  it('single-end RNA-seq: fromPath, no paired-only flags anywhere', () => {
    const files = project(intent('rna_seq_de', { read_layout: 'single' }));
    expect(files['main.nf']).toContain("channel.fromPath(params.reads, checkIfExists: true)");
    expect(files['main.nf']).not.toContain('fromFilePairs');
    const all = Object.entries(files).filter(([f]) => f.endsWith('main.nf')).map(([, t]) => scriptOf(t)).join('\n');
    for (const flag of [' -2 ', ' -I ', '--in2', '--right', '--paired', 'BAMPE', ' -p --countReadPairs', 'reads[1]']) expect(all, flag).not.toContain(flag);
    expect(files['modules/featurecounts/main.nf']).toContain('featureCounts -T ${task.cpus} -s 0 -a ${gtf}');
    // the staged FASTQ may already carry the sample's name: linking it onto itself would fail the task
    expect(scriptOf(files['modules/fastqc/main.nf']!)).toContain(
      '    [ -e ${meta.id}.fastq.gz ] || ln -s ${reads} ${meta.id}.fastq.gz\n    fastqc ${args} --threads ${task.cpus} ${meta.id}.fastq.gz\n',
    );
  });

  it('paired-end RNA-seq: sample-unique STAR names, reverse-stranded featureCounts, DESeq2 as a shipped script', () => {
    const files = project(intent('rna_seq_de', { strandedness: 'reverse', comparison: { groups: ['treated', 'control'], description: 'treated vs control' } }));
    expect(files['main.nf']).toContain('channel.fromFilePairs(params.reads, checkIfExists: true)');
    expect(files['modules/star/main.nf']).toContain('--outFileNamePrefix ${meta.id}.');
    expect(files['modules/star/main.nf']).toContain('--readFilesCommand zcat');
    expect(files['modules/featurecounts/main.nf']).toContain('-p --countReadPairs -s 2 -a ${gtf}');
    expect(files['modules/deseq2/main.nf']).toContain("template 'deseq2.R'");
    const r = files['modules/deseq2/templates/deseq2.R']!;
    expect(r).toContain('fit <- fit_deseq2(counts, samples, "treated", "control")');
    expect(r).toContain('    res <- results(dds, contrast = c("condition", case, control), alpha = 0.05)\n');
    expect(r).toContain('"rna_seq_de.deseq2.results.tsv"');
    expect(files['modules/deseq2/main.nf']).toContain('path("rna_seq_de.deseq2.results.tsv"), emit: de_results');
  });

  it('ONT and HiFi long reads get their own presets; medaka only on ONT', () => {
    const ont = project(intent('long_read_assembly'), 'ont');
    const hifi = project(intent('long_read_assembly'), 'hifi');
    expect(ont['main.nf']).toContain('channel.fromPath(params.reads');
    expect(ont['modules/flye/main.nf']).toContain('flye --nano-hq ${reads}');
    expect(hifi['modules/flye/main.nf']).toContain('flye --pacbio-hifi ${reads}');
    expect(ont['modules/medaka/main.nf']).toBeDefined();
    expect(hifi['modules/medaka/main.nf']).toBeUndefined();
    expect(hifi['main.nf']).toContain('// Medaka is left out: it has no command for PacBio HiFi long-read data');
    const ontVar = project(intent('long_read_variants'), 'ont');
    const hifiVar = project(intent('long_read_variants'), 'hifi');
    expect(ontVar['modules/minimap2/main.nf']).toContain('minimap2 -ax map-ont');
    expect(hifiVar['modules/minimap2/main.nf']).toContain('minimap2 -ax map-hifi');
    expect(ontVar['modules/clair3/main.nf']).toContain('--platform=ont');
    expect(hifiVar['modules/clair3/main.nf']).toContain('--platform=hifi');
    // ONT cDNA reads come from both strands (no -uf); direct RNA reads are the transcripts' strand (-uf -k14)
    expect(project(intent('long_read_rnaseq'), 'ont', 'nanopore cDNA isoform analysis')['modules/minimap2/main.nf']).toContain('minimap2 -ax splice -t ${task.cpus}');
    expect(project(intent('long_read_rnaseq'), 'ont', 'direct RNA nanopore isoforms')['modules/minimap2/main.nf']).toContain('minimap2 -ax splice -uf -k14 -t ${task.cpus}');
  });

  it('germline calling: HaplotypeCaller GVCFs are genotyped jointly over the cohort; references are staged inputs', () => {
    const files = project(intent('wgs_germline_variants'));
    const hc = files['modules/gatk_haplotypecaller/main.nf']!;
    expect(hc).toContain('-O ${meta.id}.g.vcf.gz -ERC GVCF');
    expect(files['modules/gatk_haplotypecaller_joint/main.nf']).toContain('GenotypeGVCFs -R ${fasta} -V wgs_germline_variants.cohort.g.vcf.gz -O wgs_germline_variants.vcf.gz');
    expect(hc).toContain('    path fasta\n    path fai\n    path dict\n');
    expect(files['main.nf']).toContain("params.fasta = 'references/GRCh38.fa'");
  });

  it('tumour/normal: Mutect2 gets both BAMs as staged inputs, paired on the sample name', () => {
    const files = project(intent('somatic_variants'));
    const m2 = files['modules/gatk_mutect2/main.nf']!;
    expect(m2).toContain('tuple val(meta), path(tumor_bam), path(tumor_bai), path(normal_bam), path(normal_bai)');
    expect(m2).toContain('-I ${tumor_bam} -I ${normal_bam} -normal ${meta.normal_id}');
    expect(files['main.nf']).toContain("meta.role == 'tumor'");
    expect(files['main.nf']).toContain('role: id.substring(id.lastIndexOf');
  });

  it('organism facts: mappable genome size for MAPQ-filtered reads as MACS2 -g and deepTools --effectiveGenomeSize, miRBase code per organism', () => {
    // effective-genome-size.test.ts covers the read-length table; no request text: its shortest (50-base) row
    const mouseChip = project(intent('chip_seq', { organism: { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm38' } }));
    expect(mouseChip['modules/deeptools/main.nf']).toContain('--effectiveGenomeSize 2308125299');
    expect(mouseChip['modules/macs2/main.nf']).toContain('-f BAMPE -g 2308125299');
    expect(mouseChip['modules/macs2/main.nf']).toContain('-t ${chip_bam} -c ${input_bam}');
    const fishAtac = project(intent('atac_seq', { organism: { id: 'zebrafish', scientific_name: 'Danio rerio', genome_build: 'GRCz11' } }));
    expect(fishAtac['modules/macs2/main.nf']).toContain('-g 1197575653');
    expect(fishAtac['modules/macs2/main.nf']).not.toContain(' -c ');
    const hg19 = project(intent('chip_seq', { organism: { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh37' } }));
    expect(hg19['modules/deeptools/main.nf']).toContain('--effectiveGenomeSize 2685511454');
    const ratMirna = project(intent('small_rna_seq', { read_layout: 'single', organism: { id: 'rat', scientific_name: 'Rattus norvegicus', genome_build: 'mRatBN7.2' } }));
    expect(ratMirna['modules/mirdeep2/main.nf']).toContain('-t rno');
    // a fact the knowledge base lacks becomes a required value input, never a guess
    const riceChip = project(intent('chip_seq', { organism: { id: 'rice', scientific_name: 'Oryza sativa', genome_build: 'IRGSP-1.0' } }));
    expect(riceChip['modules/deeptools/main.nf']).toContain('--effectiveGenomeSize ${mappable_genome_size}');
    expect(riceChip['modules/deeptools/main.nf']).toContain('    val mappable_genome_size\n');
    expect(riceChip['main.nf']).toContain('params.mappable_genome_size = null');
  });

  it('single-cell: STARsolo reads gzipped FASTQ through zcat; Scanpy runs a shipped script', () => {
    const files = project(intent('scrna_seq', { read_layout: 'single' }));
    expect(files['modules/starsolo/main.nf']).toContain('--readFilesIn ${reads[1]} ${reads[0]} --readFilesCommand zcat');
    // read 1 may be longer than barcode + UMI (a 2x100 run): STAR's default --soloBarcodeReadLength 1 would refuse it
    expect(files['modules/starsolo/main.nf']).toContain('--soloUMIlen 12 --soloBarcodeReadLength 0 --soloFeatures Gene ');
    expect(files['modules/scanpy/templates/scanpy_cluster.py']).toContain('sc.tl.leiden(adata, resolution=0.5)');
    // Leiden clustering needs leidenalg, which the scanpy biocontainer lacks: the container carries both
    expect(files['modules/scanpy/main.nf']).toContain("    container 'community.wave.seqera.io/library/leidenalg_python-igraph_scanpy:ba212a162d290cb6'\n");
    expect(files['modules/scanpy/main.nf']).toContain("    conda 'conda-forge::scanpy=1.10.1 conda-forge::leidenalg=0.10.2 conda-forge::python-igraph=0.11.4'\n");
  });

  it('BUSCO runs in transcriptome mode on a transcriptome assembly', () => {
    expect(project(intent('de_novo_transcriptome_assembly'))['modules/busco/main.nf']).toContain('-m transcriptome -l primates_odb10');
    expect(project(intent('de_novo_genome_assembly'))['modules/busco/main.nf']).toContain('-m genome');
  });

  it('stubs create exactly the declared outputs', () => {
    const files = project(intent('rna_seq_de'));
    const fastp = files['modules/fastp/main.nf']!;
    const stub = fastp.slice(fastp.indexOf('    stub:'));
    expect(stub).toContain('echo "" | gzip > ${meta.id}_1.fastp.fastq.gz');
    expect(stub).toContain('echo "" | gzip > ${meta.id}_2.fastp.fastq.gz');
    expect(stub).toContain('touch ${meta.id}.fastp.json');
    expect(stub).toContain('touch ${meta.id}.fastp.html');
  });

  it('constraints shape nextflow.config: low memory caps, no Docker drops its profile, GPU for DeepVariant', () => {
    const low = project(intent('wgs_germline_variants', { constraints: ['low_memory'] }))['nextflow.config']!;
    expect(low).toContain('resourceLimits = [cpus: 4, memory: 16.GB, time: 24.h]');
    expect(low).not.toMatch(/memory = \{ (3[2-9]|[4-9]\d)\.GB/);
    const noDocker = project(intent('rna_seq_de', { constraints: ['no_docker'] }));
    expect(noDocker['nextflow.config']).not.toContain('docker {');
    expect(noDocker['nextflow.config']).toContain('singularity {');
    expect(noDocker['main.nf']).toContain('-profile singularity');
    const gpu = project(intent('wgs_germline_variants', { requested_tools: ['deepvariant'], constraints: ['gpu'] }))['nextflow.config']!;
    expect(gpu).toContain("withName: 'DEEPVARIANT' {\n        container = 'google/deepvariant:1.6.1-gpu'\n        accelerator = 1");
    expect(gpu).toContain("--gpus all");
  });

  it('the sample-name note of a paired analysis names its own roles, not another analysis\'s', () => {
    const somatic = project(intent('somatic_variants', { comparison: { groups: ['tumor', 'normal'], description: 'tumor vs normal' } }))['main.nf']!;
    expect(somatic).toContain('// Sample names end in their role, e.g. P1_tumor / P1_normal.\n');
    expect(somatic).not.toMatch(/chip|input/i);
    const chip = project(intent('chip_seq'))['main.nf']!;
    expect(chip).toContain('// Sample names end in their role, e.g. P1_chip / P1_input.\n');
    expect(chip).not.toMatch(/tumou?r|normal/i);
  });

  it('FASTA sequences carry no read layout in their meta map (review1201 #30)', () => {
    const main = project(intent('phylogenetics', { organism: null }))['main.nf']!;
    expect(main).toContain('.map { fa -> [[id: fa.simpleName], fa] }');
    expect(main).not.toContain('single_end');
  });

  it('an Apptainer request runs with the apptainer profile (Nextflow has its own apptainer scope), not singularity', () => {
    expect(parseIntent('RNA-seq DE for mouse liver, treated vs control, under Apptainer', kb).constraints).toEqual(['apptainer']);
    expect(parseIntent('WGS human with a GPU, singularity only', kb).constraints).toEqual(['gpu', 'singularity']);
    const files = project(intent('rna_seq_de', { constraints: ['apptainer'] }));
    expect(files['main.nf']).toContain('-profile apptainer');
    expect(files['nextflow.config']).toContain('// Run with: nextflow run main.nf -profile apptainer\n');
    expect(files['nextflow.config']).toContain('    apptainer {\n        apptainer.enabled = true\n        apptainer.autoMounts = true\n    }');
    expect(files['nextflow.config']).not.toContain('docker {');
    const gpu = project(intent('wgs_germline_variants', { requested_tools: ['deepvariant'], constraints: ['apptainer', 'gpu'] }))['nextflow.config']!;
    expect(gpu).toContain("apptainer.enabled = true\n        apptainer.autoMounts = true\n        apptainer.runOptions = '--nv'");
    const sel = planSelection(intent('rna_seq_de', { constraints: ['apptainer'] }), kb)!;
    expect(constraintNotes(intent('rna_seq_de', { constraints: ['apptainer'] }), sel, kb).map((n) => n.text)).toEqual([
      'Every process runs in its BioContainers image; run with -profile apptainer (apptainer.enabled, apptainer.autoMounts), and Apptainer pulls the same images Docker would.',
    ]);
  });

  it('a chosen step whose input no chosen step makes gets the analysis tool that makes it (Bracken after Kraken2)', () => {
    const i = intent('metagenomics_taxonomic', { organism: null });
    const tools = [{ tool: 'fastqc', rationale: '' }, { tool: 'bracken', rationale: '' }];
    const main = generateWorkflow(i, tools, kb).files['main.nf']!;
    expect(main).toContain('    // Kraken2 added: Bracken needs its output, which no chosen step makes\n    KRAKEN2(reads, file(params.kraken2_db, checkIfExists: true))');
    expect(main).toContain('BRACKEN(KRAKEN2.out.kraken2_report, file(params.kraken2_db, checkIfExists: true))');
    // chosen later as well, it is not placed (and declared) twice
    const again = generateWorkflow(i, [...tools, { tool: 'kraken2', rationale: '' }], kb).files['main.nf']!;
    expect(again.match(/include \{ KRAKEN2 \}/g)).toHaveLength(1);
    expect(again.match(/ {4}KRAKEN2\(/g)).toHaveLength(1);
  });

  it('transcriptome assembly: Salmon quantifies against the Trinity assembly\'s one index, combined with each sample', () => {
    const files = project(intent('de_novo_transcriptome_assembly'));
    expect(files['main.nf']).toContain('SALMON(FASTP.out.reads.combine(SALMON_INDEX.out.salmon_index))');
    expect(files['modules/salmon/main.nf']).toContain('tuple val(meta), path(reads), path(salmon_index)');
    expect(files['modules/salmon_index/main.nf']).toContain('salmon index --threads ${task.cpus} -t ${transcripts} -i de_novo_transcriptome_assembly.salmon_index');
    expect(files['modules/busco/main.nf']).toContain('--offline --download_path ${busco_downloads}');
  });

  it('transcriptome assembly asked for coding regions adds TransDecoder on the Trinity assembly (LongOrfs, then Predict)', () => {
    const text = 'de novo transcriptome assembly of axolotl limb RNA-seq with Trinity, paired-end, and predict the coding regions';
    const asked = intent('de_novo_transcriptome_assembly', { organism: null });
    expect(selectTools(asked, kb, text).map((t) => t.tool)).toContain('transdecoder');
    const files = generateWorkflow(asked, selectTools(asked, kb, text), kb, { text }).files;
    const td = files['modules/transdecoder/main.nf']!;
    expect(files['main.nf']).toContain("    TRANSDECODER(TRINITY.out.assembly.map { f -> [[id: 'de_novo_transcriptome_assembly', single_end: false], f] })\n");
    expect(scriptOf(td)).toContain('    TransDecoder.LongOrfs -t ${meta.id}.fasta ${args}\n    TransDecoder.Predict -t ${meta.id}.fasta\n');
    for (const ext of ['pep', 'cds', 'gff3', 'bed']) {
      expect(td).toContain(`path("\${meta.id}.fasta.transdecoder.${ext}")`);
      expect(td).toContain(`    touch \${meta.id}.fasta.transdecoder.${ext}\n`);
    }
    expect(td).toContain("container 'quay.io/biocontainers/transdecoder:5.7.1--pl5321hdfd78af_0'");
    // not asked: no ORF prediction
    expect(selectTools(asked, kb, 'de novo transcriptome assembly of axolotl limb RNA-seq, paired-end').map((t) => t.tool)).not.toContain('transdecoder');
  });

  it("single-cell QC finds the organism's own mitochondrial genes: fly mt:CoI, rat Mt-co1, not only MT-/mt-", () => {
    const org = (id: string) => {
      const o = kb.organismById.get(id)!;
      return { id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_build };
    };
    const fly = project(intent('scrna_seq', { organism: org('fly') }));
    expect(fly['modules/scanpy/templates/scanpy_cluster.py']).toContain('mito_prefix = "MT:"\n');
    const rat = project(intent('scrna_seq', { organism: org('rat'), requested_tools: ['seurat'] }), undefined, 'scRNA-seq of rat islets with Seurat');
    expect(rat['modules/seurat/templates/seurat_cluster.R']).toContain('mito_pattern <- "^Mt-"\n');
    // human keeps MT-
    expect(project(intent('scrna_seq'))['modules/scanpy/templates/scanpy_cluster.py']).toContain('mito_prefix = "MT-"\n');
  });

  it('single-cell QC: TAIR ATMG and SGD Q0 ids are matched on gene ids too; an organism with no known prefix skips the filter and says so', () => {
    const org = (id: string) => {
      const o = kb.organismById.get(id)!;
      return { id: o.id, scientific_name: o.scientific_name, genome_build: o.genome_build };
    };
    const ath = project(intent('scrna_seq', { organism: org('arabidopsis') }))['modules/scanpy/templates/scanpy_cluster.py']!;
    expect(ath).toContain('mito_prefix = "ATMG"\n');
    expect(ath).toContain('adata.var["gene_ids"].str.upper().str.startswith(mito_prefix)');
    const yeast = project(intent('scrna_seq', { organism: org('yeast'), requested_tools: ['seurat'] }), undefined, 'scRNA-seq of yeast with Seurat')['modules/seurat/templates/seurat_cluster.R']!;
    expect(yeast).toContain('mito_pattern <- "^Q0"\n');
    // a worm (WormBase nduo-1, ctc-1: no shared prefix) gets no filter that silently removes nothing
    const worm = project(intent('scrna_seq', { organism: org('worm') }))['modules/scanpy/templates/scanpy_cluster.py']!;
    expect(worm).toContain('mito_prefix = ""\n');
    expect(worm).toMatch(/if mito_prefix:\n( {4}.*\n)* {4}adata = adata\[adata.obs\["pct_counts_mt"\] < 20\]/);
    expect(worm).toContain('percent-mito filter is skipped');
    // PlasmoDB's Pf3D7 v3 ids of the mitochondrial genome's genes (PF3D7_MIT01400 cox3, PF3D7_MIT02100 cox1, PF3D7_MIT02300 cytb)
    const pf = project(intent('scrna_seq', { organism: org('plasmodium') }))['modules/scanpy/templates/scanpy_cluster.py']!;
    expect(pf).toContain('mito_prefix = "PF3D7_MIT"\n');
    const pfSeurat = project(intent('scrna_seq', { organism: org('plasmodium'), requested_tools: ['seurat'] }), undefined, 'scRNA-seq of P. falciparum blood stages with Seurat');
    expect(pfSeurat['modules/seurat/templates/seurat_cluster.R']).toContain('mito_pattern <- "^PF3D7_MIT"\n');
    // every organism says how its mitochondrial genes are named, or why no prefix serves
    for (const o of kb.organisms) expect(Boolean(o.facts.mito_gene_prefix) !== Boolean(o.facts.mito_genes_unnamed), o.id).toBe(true);
    // the answer's open need names the gap
    const missing = parseIntent('single-cell RNA-seq of C. elegans whole worms, 10x v3 chemistry', kb).missing_information;
    expect(missing).toContain('mito_genes');
    expect(parseIntent('single-cell RNA-seq of human PBMCs, 10x v3 chemistry', kb).missing_information).not.toContain('mito_genes');
  });

  it('HOMER on broad histone domains scans the whole region (-size given), on narrow peaks 200 bp around the centre', () => {
    const broad = project(intent('chip_seq', { requested_tools: ['homer'] }), undefined, 'ChIP-seq of H3K27me3 in human cells with an input control, motifs with HOMER')['modules/homer/main.nf']!;
    expect(broad).toContain(' -size given ');
    expect(broad).not.toContain('-size 200');
    const narrow = project(intent('chip_seq', { requested_tools: ['homer'] }), undefined, 'ChIP-seq of CTCF in human cells with an input control, motifs with HOMER')['modules/homer/main.nf']!;
    expect(narrow).toContain(' -size 200 ');
  });

  it('16S amplicons: both primers trimmed from read pairs, one from single reads', () => {
    // the request names V4: its primers come from amplicon_regions.yaml (an unnamed region assumes none)
    const paired = project(intent('amplicon_16s'), undefined, '16S V4 amplicons');
    expect(paired['modules/cutadapt/main.nf']).toContain('-g ^GTGYCAGCMGCCGCGGTAA -G ^GGACTACNVGGGTWTCTAAT');
    // an override that replaces the commands keeps the entry's ext.args
    expect(paired['nextflow.config']).toContain("withName: 'CUTADAPT' {\n        ext.args = '--discard-untrimmed --minimum-length 50'\n");
    // primer-trimmed V4 reads are shorter than a fixed truncLen of 240 (2x250 and 2x150 runs): no read would pass
    const dada2 = paired['modules/dada2/templates/dada2.R']!;
    expect(dada2).toContain('filterAndTrim(fwd, filt_fwd, rev, filt_rev, maxN = 0, maxEE = max_ee, truncQ = 2, minLen = 50,');
    expect(dada2).not.toContain('truncLen =');
    const single = project(intent('amplicon_16s', { read_layout: 'single' }), undefined, '16S V4 amplicons')['modules/cutadapt/main.nf']!;
    expect(single).toContain('-g ^GTGYCAGCMGCCGCGGTAA ${args} -o ${meta.id}.trim.fastq.gz');
    expect(single).not.toContain(' -G ');
  });

  it('CRISPR screen: cutadapt cuts the vector 5\' of the guide; MAGeCK counts read pairs as one sample (--fastq-2)', () => {
    const paired = project(intent('crispr_screen'));
    expect(paired['modules/cutadapt/main.nf']).toContain(
      'cutadapt -j ${task.cpus} -g TTGTGGAAAGGACGAAACACCG --discard-untrimmed ${args} -o ${meta.id}_1.trim.fastq.gz -p ${meta.id}_2.trim.fastq.gz ${reads[0]} ${reads[1]} > ${meta.id}.cutadapt.log',
    );
    expect(paired['nextflow.config']).toContain("withName: 'CUTADAPT' {\n        ext.args = '--minimum-length 20'\n");
    const pairedMageck = scriptOf(paired['modules/mageck/main.nf']!);
    expect(pairedMageck).toContain('    set -- ${reads}\n');
    expect(pairedMageck).toContain('        FASTQ_1="\\$FASTQ_1 \\$1"\n        FASTQ_2="\\$FASTQ_2 \\$2"\n');
    expect(pairedMageck).toContain("basename \\$1 | sed -E 's/[.].*//; s/_R?1\\$//'");
    expect(pairedMageck).toContain('mageck count -l ${sgrna_library} -n crispr_screen --fastq \\$FASTQ_1 --fastq-2 \\$FASTQ_2 --sample-label \\$LABELS ${args}');
    const single = project(intent('crispr_screen', { read_layout: 'single' }));
    expect(single['modules/cutadapt/main.nf']).toContain(
      'cutadapt -j ${task.cpus} -g TTGTGGAAAGGACGAAACACCG --discard-untrimmed ${args} -o ${meta.id}.trim.fastq.gz ${reads} > ${meta.id}.cutadapt.log',
    );
    const singleMageck = scriptOf(single['modules/mageck/main.nf']!);
    expect(singleMageck).toContain("LABELS=\\$(for f in ${reads}; do basename \\$f | sed 's/[.].*//'; done | paste -sd, -)");
    expect(singleMageck).toContain('mageck count -l ${sgrna_library} -n crispr_screen --fastq ${reads} --sample-label \\$LABELS ${args}');
    expect(singleMageck).not.toContain('--fastq-2');
  });

  it('cutadapt on read pairs trims the adapter from both mates', () => {
    const files = project(intent('rna_seq_de', { requested_tools: ['cutadapt'] }));
    expect(files['modules/cutadapt/main.nf']).toContain('cutadapt -j ${task.cpus} -a AGATCGGAAGAGC -A AGATCGGAAGAGC ${args} -o ${meta.id}_1.trim.fastq.gz');
    expect(files['nextflow.config']).toContain("withName: 'CUTADAPT' {\n        ext.args = '--minimum-length 20'\n");
  });

  it('CUT&RUN: SEACR reads a sorted fragment bedGraph of properly paired reads, and needs read pairs', () => {
    const files = project(intent('cut_and_run'));
    const seacr = scriptOf(files['modules/seacr/main.nf']!);
    expect(seacr).toContain('bedtools genomecov -bg -pc -ibam ${bam} | sort -k1,1 -k2,2n > ${meta.id}.fragments.bedgraph\n');
    expect(seacr).toContain('SEACR_1.3.sh ${meta.id}.fragments.bedgraph 0.01 non stringent ${meta.id}\n');
    expect(files['modules/seacr/main.nf']).toContain('tuple val(meta), path("${meta.id}.fragments.bedgraph"), emit: bedgraph');
    const single = project(intent('cut_and_run', { read_layout: 'single' }));
    // the tool selector already put MACS2 in SEACR's step, so nothing is left out
    expect(single['modules/seacr/main.nf']).toBeUndefined();
    expect(single['modules/macs2/main.nf']).toBeDefined();
    expect(single['main.nf']).not.toContain('left out');
  });

  it('small RNA: read 1 holds the whole insert, so a paired request reads the R1 files and trims one adapter', () => {
    const files = project(intent('small_rna_seq', { read_layout: 'paired' }));
    expect(files['main.nf']).toContain('// Small RNA-seq on single-end Illumina data\n');
    expect(files['main.nf']).toContain("// Read 1 holds the whole small-RNA insert (Illumina: paired-end adds nothing): params.reads takes the R1 files\n");
    expect(files['main.nf']).toContain("params.reads = 'data/*.fastq.gz'");
    expect(files['modules/cutadapt/main.nf']).toContain('cutadapt -j ${task.cpus} -a TGGAATTCTCGGGTGCCAAGG ${args} -o ${meta.id}.trim.fastq.gz ${reads} > ${meta.id}.cutadapt.log');
    // miRDeep2's mapper.pl maps the trimmed R1 reads with Bowtie (1) itself: no Bowtie2 step
    expect(files['modules/bowtie2/main.nf']).toBeUndefined();
    expect(files['modules/mirdeep2/main.nf']).toContain('gunzip -c ${reads} > ${meta.id}.fastq');
    expect(project(intent('small_rna_seq', { read_layout: 'single' }))['main.nf']).not.toContain('// Read 1 holds');
  });

  it('HUMAnN reads the MetaPhlAn profile of its sample (MetaPhlAn is a chosen step of the chain, not added behind it)', () => {
    const files = project(intent('metagenomics_functional', { organism: null }));
    expect(files['main.nf']).toContain('    METAPHLAN(FASTP.out.reads, file(params.metaphlan_db, checkIfExists: true))\n');
    expect(files['main.nf']).not.toContain('added:');
    expect(files['main.nf']).toContain('HUMANN(FASTP.out.reads.join(METAPHLAN.out.metaphlan_profile), file(params.humann_nucleotide_db');
    expect(files['modules/humann/main.nf']).toContain('tuple val(meta), path(reads), path(metaphlan_profile)');
    expect(files['modules/humann/main.nf']).toContain('--taxonomic-profile ${metaphlan_profile} --threads ${task.cpus}');
  });

  it('gene fusions: STAR runs with the chimeric-alignment settings Arriba documents', () => {
    const config = project(intent('gene_fusion'))['nextflow.config']!;
    expect(config).toContain(
      "ext.args = '--outSAMunmapped Within --outFilterMultimapNmax 50 --peOverlapNbasesMin 10 --alignSplicedMateMapLminOverLmate 0.5 --alignSJstitchMismatchNmax 5 -1 5 5 --chimSegmentMin 10 --chimOutType WithinBAM HardClip --chimJunctionOverhangMin 10 --chimScoreDropMax 30 --chimScoreJunctionNonGTAG 0 --chimScoreSeparation 1 --chimSegmentReadGapMax 3 --chimMultimapNmax 50'",
    );
  });

  it('Hi-C: juicer_tools pre comes from a Juicer Tools release that has --threads (nf-core juicertools/pre)', () => {
    const juicer = project(intent('hic', { requested_tools: ['juicer'] }))['modules/juicer/main.nf']!;
    expect(juicer).toContain("    container 'community.wave.seqera.io/library/juicertools_openjdk:fe58dd49794d6603'\n");
    expect(scriptOf(juicer)).toContain(
      '    export _JAVA_OPTIONS="-Xmx${task.memory.toMega().intdiv(5) * 4}m"\n    juicer_tools pre --threads ${task.cpus} ${args} ${pairs} ${meta.id}.hic ${chromsizes}\n',
    );
  });

  it('germline small variants are hard-filtered before the PASS calls are kept (GenotypeGVCFs sets no FILTER); SV calls keep their callers\' FILTER', () => {
    for (const type of ['wgs_germline_variants', 'wes_germline_variants']) {
      const bcftools = scriptOf(project(intent(type))['modules/bcftools/main.nf']!);
      expect(bcftools, type).toContain(`bcftools filter -s snp_hard_filter -e 'TYPE="snp" && (QUAL<30 || INFO/QD<2 || INFO/FS>60 || INFO/SOR>3 || INFO/MQ<40 || INFO/MQRankSum<-12.5 || INFO/ReadPosRankSum<-8)' -Ou \${vcf} | bcftools filter -m + -s indel_hard_filter -e 'TYPE="indel" && (QUAL<30 || INFO/QD<2 || INFO/FS>200 || INFO/ReadPosRankSum<-20)' -Ou - | bcftools view --threads \${task.cpus} -f PASS \${args} `);
      expect(bcftools, type).not.toContain('PASS,.');
    }
    expect(scriptOf(project(intent('structural_variants'))['modules/bcftools/main.nf']!)).toContain('bcftools view --threads ${task.cpus} -f PASS,. ');
  });

  it('Hi-C: every resolution HiCExplorer reads from the .mcool is one that cooler zoomify writes', () => {
    const files = project(intent('hic'));
    const zoomify = /cooler zoomify [^\n]*--resolutions (\d+)N[^\n]*/.exec(scriptOf(files['modules/cooler/main.nf']!));
    const base = Number(/\$\{chromsizes\}:(\d+) /.exec(files['modules/cooler/main.nf']!)?.[1]);
    expect(zoomify, 'zoomify names its progression (its default, B, doubles from the base: 1, 2, 4, 8, 16 kb)').not.toBeNull();
    expect(Number(zoomify![1])).toBe(base);
    // the 'nice' progression: base x 1, 2, 5, 10, 20, 50, ...
    const nice = new Set([0, 1, 2, 3, 4, 5].flatMap((k) => [1, 2, 5].map((m) => base * m * 10 ** k)));
    const read = Object.values(files).flatMap((f) => [...f.matchAll(/::\/resolutions\/(\d+)/g)].map((m) => Number(m[1])));
    expect(read.length).toBeGreaterThan(0);
    for (const r of read) expect(nice.has(r), `${r}`).toBe(true);
  });

  it('the platform comes from the request text through the platforms table', () => {
    const i = intent('long_read_variants');
    const text = 'call variants from PacBio HiFi reads of one genome';
    const files = generateWorkflow(i, selectTools(i, kb, text), kb, { text }).files;
    expect(files['modules/minimap2/main.nf']).toContain('minimap2 -ax map-hifi');
    expect(files['main.nf']).toContain('on PacBio HiFi long-read data');
    expect(generateWorkflow(i, selectTools(i, kb), kb).files['modules/minimap2/main.nf']).toContain('minimap2 -ax map-ont');
  });
});
