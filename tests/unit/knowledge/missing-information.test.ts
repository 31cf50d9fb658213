import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { planPerGolden, toolSelectionSeed } from '../../../src-main/generators/tool-selection';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { workflowSeed } from '../../../src-main/generators/workflow-examples';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector';
import { generateWorkflow } from '../../../src-main/workflow-generator';
import { problemsWithEdited } from '../../support/knowledge-copy';

const kb = loadKnowledge();
const missing = (q: string) => parseIntent(q, kb).missing_information;

describe('missing information names what the workflow of the analysis needs and the request leaves open', () => {
  it('per analysis type, from workflow_needs.yaml', () => {
    const cases: [string, string[]][] = [
      ['RNA-seq differential expression', ['organism', 'comparison', 'read_layout', 'strandedness']],
      ['RNA-seq differential expression mouse, treated vs control, paired-end, reverse-stranded', []],
      ['what should I do with my mouse data', ['analysis_type']],
      // the library fixes the layout: 10x reads are pairs, a small-RNA insert is read 1
      // ... but not its 10x chemistry, whose whitelist and UMI length STARsolo is given
      ['scRNA-seq of human PBMCs', ['tenx_chemistry']],
      ["scRNA-seq of human PBMCs, 10x 3' v3", []],
      ['scRNA-seq of human PBMCs, Chromium v2', []],
      ['miRNA profiling of human serum', ['small_rna_kit']],
      ['miRNA profiling of human serum, QIAseq miRNA kit', []],
      // GRCm39 has no deepTools mappable genome size: the user computes it
      ['ATAC-seq for mouse T cells', ['read_layout', 'genome_size']],
      ['ATAC-seq for mouse T cells, single-end 1x75', ['genome_size']],
      // ChIP: the input controls the workflow pairs with, and the target that decides narrow or broad peaks
      ['ChIP-seq for human liver, paired-end', ['chip_control', 'chip_target']],
      ['H3K27me3 ChIP-seq with input controls for human liver, paired-end', []],
      // a somatic call needs the matched normal and whether it is a genome, exome or panel; tumour-only is a mode of its own
      ['somatic variant calling for human, paired-end', ['sequencing_scope', 'matched_normal', 'known_sites']],
      ['somatic variant calling for human WGS tumor vs normal, paired-end', ['known_sites']],
      ['tumor-only somatic variant calling for human whole genomes, paired-end', ['known_sites']],
      // BQSR learns from known variant sites, which a request names or the answer says which set it means
      ['somatic variant calling for human WGS tumor vs normal, paired-end, dbSNP and Mills indels as known sites', []],
      // exomes and panels need their capture targets
      ['whole exome germline variant calling for human, paired-end', ['target_regions', 'known_sites']],
      ['whole exome germline variant calling for human, paired-end, SureSelect targets BED, known sites from the GATK bundle', []],
      ['Mutect2 somatic SNVs for mouse tumor vs matched normal WES, paired-end', ['target_regions', 'known_sites']],
      ['copy-number gains and losses, human exome, paired-end', ['cnv_reference', 'target_regions']],
      ['CNV detection from mouse whole-genome sequencing with pooled normals, paired-end', []],
      ['WGBS methylation of human blood, paired-end', []],
      ['DNA methylation of human blood, paired-end', ['library_protocol']],
      // 16S: which region the primers amplify
      ['16S amplicon analysis of soil, paired-end', ['amplicon_region']],
      ['16S V4 amplicon analysis of soil, paired-end', []],
      ['16S amplicon analysis of soil with 341F/805R primers, paired-end', []],
      // stated means a region of amplicon_regions.yaml, whose primers the workflow then trims (one source with the generator)
      ['fungal ITS1 amplicon analysis of soil, paired-end', []],
      ['16S V3/V4 amplicon analysis of soil, paired-end', []],
      ['16S V6-V8 amplicon analysis of soil, paired-end', ['amplicon_region']],
      ['16S amplicon analysis of soil with the 515F primer, paired-end', ['amplicon_region']],
      // long reads: which platform, never a layout; for nanopore the chemistry and basecaller
      ['long-read genome assembly of e. coli', ['platform', 'ont_chemistry', 'busco_lineage']],
      ['Assemble a bacterial genome from Oxford Nanopore reads with Flye', ['organism', 'ont_chemistry', 'busco_lineage']],
      ['Assemble a bacterial genome from R10.4.1 Oxford Nanopore reads (Dorado SUP) with Flye', ['organism', 'busco_lineage']],
      ['Assemble an e. coli genome from R10.4.1 Oxford Nanopore reads (Dorado SUP), BUSCO with enterobacterales_odb10', []],
      ['PacBio HiFi variant calling for human', []],
      ['CRISPR knockout screen in human cells, single-end', ['comparison', 'guide_library']],
      // poly-A capture or a probe-based (FFPE, CytAssist) library: Space Ranger needs the probe set for the second
      ['Visium spatial transcriptomics of mouse brain', ['visium_assay', 'visium_slide']],
      ['Visium spatial transcriptomics of FFPE mouse brain sections', ['visium_slide']],
      // the ARTIC scheme is no answer without its version: iVar trims at that version's primer BED
      ['SARS-CoV-2 amplicon sequencing with the ARTIC primer scheme, consensus and lineages, paired-end', ['primer_scheme']],
      ['SARS-CoV-2 amplicon sequencing with ARTIC V4.1 primers, consensus and lineages, paired-end', []],
      ['integrate RNA-seq and a proteomics abundance table of human liver, paired-end', ['comparison']],
      ['integrate RNA-seq and a proteomics abundance table of human liver, treated vs control, paired-end', []],
      // which layers beside RNA-seq: the workflow reads one table, whose kind decides its normalisation
      ['multi-omics integration of human liver with MOFA, paired-end', ['comparison', 'omics_table', 'omics_layers']],
      // an organism whose facts lack a value the commands read: the genome size of MACS2 and deepTools, the mitochondrial contig
      ['ChIP-seq H3K27ac with input controls for rice leaves, paired-end', ['genome_size']],
      ['ATAC-seq of rice leaves, paired-end', ['genome_size', 'mito_contigs']],
      ['ATAC-seq of pig liver, paired-end', ['genome_size']],
      // what the FASTA holds: one locus to align, per-isolate genomes, an alignment, or reads
      ['build a phylogeny of these sequences', ['phylogeny_input']],
      ['build a phylogeny from my alignment of COI gene sequences', []],
    ];
    expect(cases.map(([q]) => [q, missing(q)])).toEqual(cases);
  });

  it('a golden query expects exactly what its intent and words leave open', () => {
    const disagree = kb.goldenQueries
      .filter((g) => JSON.stringify(g.expected_intent.missing_information) !== JSON.stringify(missingInformation(g.expected_intent, kb, g.query)))
      .map((g) => g.id);
    expect(disagree).toEqual([]);
    expect(kb.goldenQueries.find((g) => g.id === 'gq_033')!.expected_intent.missing_information).toEqual(['read_layout', 'sequencing_scope', 'matched_normal', 'known_sites']);
    expect(kb.goldenQueries.find((g) => g.id === 'gq_054')!.expected_intent.missing_information).toEqual(['amplicon_region']);
  });

  it('the parser reads the same missing information as the ground truth of every generated variation it parses right', () => {
    const specs = planVariations(kb, 2000).filter((s) => s.style !== 'edge_case');
    let compared = 0;
    const wrong: string[] = [];
    for (const spec of specs) {
      const seed = variationSeed(kb, 7, spec);
      const truth = seed.output.intent!;
      const got = parseIntent(seed.input, kb);
      const same = (['analysis_type', 'read_layout', 'data_type'] as const).every((f) => got[f] === truth[f]) && got.organism?.id === truth.organism?.id && (got.comparison === null) === (truth.comparison === null);
      if (!same) continue;
      compared++;
      if (JSON.stringify(got.missing_information) !== JSON.stringify(truth.missing_information)) wrong.push(`${seed.input} -> ${got.missing_information} / ${truth.missing_information}`);
    }
    expect(compared).toBeGreaterThan(1200);
    expect(wrong).toEqual([]);
  });

  it('generated intents list more than organism and comparison, and each example computes them on its own user turn', () => {
    const seen = new Set(planVariations(kb, 5000).flatMap((s) => variationSeed(kb, 42, s).output.intent!.missing_information));
    expect([...seen].sort()).toEqual([
      'amplicon_region', 'analysis_type', 'busco_lineage', 'chip_control', 'chip_target', 'cnv_reference', 'comparison', 'genome_size', 'guide_library', 'known_sites', 'library_protocol', 'matched_normal', 'mito_genes', 'omics_layers', 'omics_table',
      'ont_chemistry', 'organism', 'phylogeny_input', 'platform', 'primer_scheme', 'read_layout', 'read_length', 'sequencing_scope', 'small_rna_kit', 'spatial_platform', 'strandedness', 'target_regions', 'tenx_chemistry', 'visium_assay', 'visium_slide',
    ]);
    for (const spec of planPerGolden(kb, 4, 400)) {
      const s = toolSelectionSeed(kb, 42, spec);
      expect(s.output.intent!.missing_information).toEqual(missingInformation(s.output.intent!, kb, s.input));
    }
  });
});

describe('a workflow answer says what each open need means for that workflow', () => {
  const answerOf = (goldenId: string) => {
    const spec = { goldenIndex: kb.goldenQueries.findIndex((g) => g.id === goldenId), variant: 0 };
    const seed = workflowSeed(kb, 42, spec);
    const answer = renderTaskAnswer(makeExample(seed), kb);
    return { seed, before: answer.includes('## Before you run') ? answer.slice(answer.indexOf('## Before you run'), answer.indexOf('## Workflow')) : '' };
  };

  it('every hint of a table need names parameters the workflow has', () => {
    for (const [id, need] of kb.workflowNeeds.needs) {
      for (const m of (need.hint ?? '').matchAll(/`params\.(\w+)`/g)) {
        const types = [...kb.workflowNeeds.byAnalysis].filter(([, l]) => l.some((n) => n.need === id)).map(([t]) => t);
        expect([id, types.length > 0]).toEqual([id, true]);
        const refs = [...kb.referenceById.keys()];
        expect([id, m[1], m[1] === 'samplesheet' || refs.includes(m[1]!)]).toEqual([id, m[1], true]);
      }
    }
  });

  const beforeRun = (q: string) => {
    const intent = parseIntent(q, kb);
    const tools = selectTools(intent, kb, q);
    const example = makeExample({ id: 'wf-1', kind: 'workflow', groupId: 'g', baseId: null, engine: 'test', category: 'x', analysisType: intent.analysis_type, difficulty: 1, input: q, output: { intent, tools, workflow: generateWorkflow(intent, tools, kb, { text: q }) } });
    const answer = renderTaskAnswer(example, kb);
    return answer.slice(answer.indexOf('## Before you run'), answer.indexOf('## Workflow')).trim().split('\n');
  };

  it('the organism and comparison hints name the parameters of the workflow they stand above', () => {
    expect(beforeRun('RNA-seq differential expression, paired-end, reverse-stranded')).toEqual([
      '## Before you run',
      '- The organism is not stated: point `params.gtf` and `params.star_index` at its reference files before running.',
      '- The comparison is not stated: the workflow tests no groups it was not given, and stops before running until you give `--case_group` and `--control_group`, the group tested and the reference, as they are written in the `condition` column of the sample sheet (`params.samplesheet`); or ask again naming the two groups.',
    ]);
    expect(beforeRun('long-read genome assembly from nanopore reads')).toEqual([
      '## Before you run',
      '- The organism is not stated: give `--busco_lineage` before running.',
      '- The flow cell and basecaller are not stated: Flye runs with --nano-hq, for Guppy 5+ SUP or Q20+ reads under 5% error (R9.4.1 or older basecalls need --nano-raw); Medaka polishes with its default model, trained for R10.4.1 reads (R9.4.1 basecalls need the matching model, -m).',
      "- The BUSCO lineage dataset is not stated, and no lineage for an organism the request does not name is known here: which BUSCO lineage is closest to it? Give `--busco_lineage` (busco --list-datasets lists them; the closest lineage of the organism), downloaded into `params.busco_downloads` first (busco --download LINEAGE), since BUSCO runs offline (--offline) and measures completeness against that lineage's single-copy orthologs.",
    ]);
    // a fact the hint names twice is the organism's value both times (-l and busco --download)
    const busco = beforeRun('long-read genome assembly of e. coli from nanopore reads').find((l) => l.includes('BUSCO'))!;
    expect(busco).toContain('-l enterobacterales_odb10');
    expect(busco).toContain('busco --download enterobacterales_odb10');
    expect(busco).not.toContain('{fact}');
    expect(beforeRun('long-read genome assembly of e. coli')[1]).toBe(
      '- The platform is not stated: the workflow assumes Oxford Nanopore reads; PacBio HiFi reads need other presets (for example minimap2 -x map-hifi, Flye --pacbio-hifi), so ask for a HiFi workflow if that is what you have.',
    );
    expect(beforeRun('somatic variant calling for human whole genomes, paired-end, dbSNP as known sites')).toEqual([
      '## Before you run',
      '- A matched normal is not stated: the workflow pairs each tumour with its normal by sample name (`P1_tumor`, `P1_normal`); tumour-only data need Mutect2\'s tumour-only mode (no `-normal`, with a panel of normals and a germline resource): ask again saying the tumours have no matched normal (tumour-only) and each tumour is called alone.',
    ]);
  });

  it('an analysis can word a need for its own workflow (CNVkit\'s whole-genome mode, rMATS\'s library type)', () => {
    expect(beforeRun('CNV calling for human tumours with pooled normals, paired-end')).toEqual([
      '## Before you run',
      '- Whether these are whole genomes, exomes or a panel is not stated: CNVkit runs in whole-genome mode (--method wgs); exome or panel data need its hybrid method with the capture targets (--targets), so ask for an exome or panel workflow if that is what you have.',
    ]);
    expect(beforeRun('differential splicing human muscle, treated vs control, paired-end')).toEqual([
      '## Before you run',
      '- The strandedness is not stated: rMATS runs with its default --libType fr-unstranded; a stranded dUTP library is --libType fr-firststrand.',
      "- The read length is not stated: rMATS needs the sequenced length before trimming (150 for 2x150 reads) for the effective lengths of its inclusion levels, and the workflow stops before running until you give it as `--read_length`; fastp's trimmed reads of other lengths are kept (--variable-read-length).",
    ]);
    expect(beforeRun('differential splicing human muscle, treated vs control, paired-end. Read length: 100 bp')).toHaveLength(2);
  });

  it('open needs in a generated answer carry their hint', () => {
    const { seed, before } = answerOf('gq_033');
    const need = seed.output.intent!.missing_information;
    if (need.includes('matched_normal')) expect(before).toContain('A matched normal is not stated');
    for (const id of need) expect([id, before.length > 0]).toEqual([id, true]);
  });
});

const problemsWith = (edit: (text: string) => string) => problemsWithEdited('workflow_needs.yaml', edit);

describe('workflow_needs.yaml is checked at load', () => {
  it('the read layout is added where analysis_types.yaml leaves it open, and never listed here', () => {
    expect(kb.workflowNeeds.byAnalysis.get('rna_seq_de')!.map((n) => n.need)).toEqual(['organism', 'comparison', 'read_layout', 'strandedness']);
    expect(kb.workflowNeeds.byAnalysis.get('amplicon_16s')!.map((n) => n.need)).toEqual(['read_layout', 'amplicon_region']);
    expect(kb.workflowNeeds.byAnalysis.get('scrna_seq')!.map((n) => n.need)).toEqual(['organism', 'tenx_chemistry', 'mito_genes']);
    // listed only to word it for the chain (Trinity's --left/--right): it still goes after the intent-field needs
    expect(kb.workflowNeeds.byAnalysis.get('de_novo_transcriptome_assembly')!.map((n) => n.need)).toEqual(['organism', 'read_layout', 'strandedness', 'busco_lineage']);
    expect(kb.workflowNeeds.byAnalysis.get('metagenomics_taxonomic')!.map((n) => n.need)).toEqual(['read_layout']);
    expect(kb.workflowNeeds.byAnalysis.get('long_read_variants')!.map((n) => n.need)).toEqual(['organism', 'platform', 'ont_chemistry']);
    expect(problemsWith((t) => t.replace('    - mito_genes\n', '    - mito_genes\n    - need: read_layout\n      ask: "Paired-end or single-end reads? STARsolo reads the barcode from read 1."\n'))).toEqual([
      "workflow_needs.yaml: analyses.scrna_seq: read_layout is worded here, but analysis_types.yaml input fixes the layout of 'scrna_seq'",
    ]);
    expect(problemsWith((t) => t.replace('  hic: [organism]', '  hic: [organism, read_layout]'))).toEqual([
      "workflow_needs.yaml: analyses.hic: read_layout is worded here, but analysis_types.yaml input fixes the layout of 'hic'",
      'workflow_needs.yaml: analyses.hic: read_layout is listed only with its own ask (analysis_types.yaml input owns whether it is open)',
    ]);
  });

  it('unknown needs, focuses of another analysis and missing analysis types are named', () => {
    expect(problemsWith((t) => t.replace('  hic: [organism]', '  hic: [organism, enzyme]'))).toEqual(["workflow_needs.yaml: analyses.hic: 'enzyme' is not a need in needs"]);
    expect(problemsWith((t) => t.replace('focus: targeted_cnv', 'focus: targeted_somatic'))).toEqual(["workflow_needs.yaml: analyses.cnv: focus 'targeted_somatic' is not a request focus of 'cnv'"]);
    expect(problemsWith((t) => t.replace('  gene_fusion: [organism]\n', ''))).toEqual(["workflow_needs.yaml: analyses: no entry for analysis type 'gene_fusion'"]);
    expect(problemsWith((t) => t.replace('    - primer_scheme\n', '    - primer_scheme\n    - platform\n'))).toEqual([
      'workflow_needs.yaml: analyses.viral_genomics: platform is listed, but viral_genomics is not a long-read analysis',
    ]);
    // a need stated by a region can only be stated where amplicon_regions.yaml has regions
    expect(problemsWith((t) => t.replace('    - mito_genes\n', '    - mito_genes\n    - amplicon_region\n'))).toEqual([
      "workflow_needs.yaml: analyses.scrna_seq: 'amplicon_region' is stated by a region, but amplicon_regions.yaml has none for 'scrna_seq'",
    ]);
  });
});
