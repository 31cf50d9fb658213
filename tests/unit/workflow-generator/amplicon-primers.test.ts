import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { requestRegion } from '../../../src-main/tool-selector/context';
import { selectTools } from '../../../src-main/tool-selector/index';
import { reverseComplement } from '../../../src-main/workflow-generator/context';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';
import { scriptOf, workflowAnswerFor } from '../../support/workflows';

const kb = loadKnowledge();
const amplicon = (over: Partial<Intent> = {}) => intentOf(kb, 'amplicon_16s', { organism: null, ...over });

/** The project for a 16S request text, checked by the build's own linter. */
function project(text: string, over: Partial<Intent> = {}): Record<string, string> {
  const intent = amplicon(over);
  const files = generateWorkflow(intent, selectTools(intent, kb, text), kb, { text }).files;
  const result = checkWorkflow(files);
  expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  return files;
}

describe('amplicon primers come from the region the request names (amplicon_regions.yaml)', () => {
  it('the table holds the published pairs, each sequence as its source gives it', () => {
    const pairs = Object.fromEntries(kb.selection.ampliconRegions.map((r) => [r.id, `${r.forward.sequence}/${r.reverse.sequence}`]));
    expect(pairs).toEqual({
      v4: 'GTGYCAGCMGCCGCGGTAA/GGACTACNVGGGTWTCTAAT',
      v3_v4: 'CCTACGGGNGGCWGCAG/GACTACHVGGGTATCTAATCC',
      v1_v3: 'AGAGTTTGATCMTGGCTCAG/ATTACCGCGGCTGCTGG',
      v4_v5: 'GTGYCAGCMGCCGCGGTAA/CCGYCAATTYMTTTRAGTTT',
      its1: 'CTTGGTCATTTAGAGGAAGTAA/GCTGCGTTCTTCATCGATGC',
      its2: 'GCATCGATGAAGAACGCAGC/TCCTCCGCTTATTGATATGC',
    });
  });

  it('reads the region from the wording: the longer name wins over the V4 inside it, primer names count', () => {
    const region = (text: string) => requestRegion(amplicon(), kb, text)?.id ?? null;
    expect(region('16S V4 amplicons of soil')).toBe('v4');
    expect(region('16S rRNA V3-V4 region, 2x300')).toBe('v3_v4');
    expect(region('V3V4 amplicon sequencing of gut samples')).toBe('v3_v4');
    expect(region('16S amplicons with the 515F and 926R primers')).toBe('v4_v5');
    expect(region('fungal ITS1 amplicons from leaves')).toBe('its1');
    expect(region('16S amplicon sequencing of mouse gut microbiome')).toBeNull();
    // another analysis never gets primers
    expect(requestRegion(intentOf(kb, 'rna_seq_de'), kb, 'RNA-seq of V4 cells')).toBeNull();
  });

  it('V3-V4: cutadapt trims 341F from read 1 and 805R from read 2, anchored at the 5\' ends; no V4 classifier', () => {
    const files = project('16S rRNA amplicon sequencing of pig gut, V3-V4 region, 2x300 paired-end');
    expect(scriptOf(files['modules/cutadapt/main.nf']!)).toContain(
      'cutadapt -j ${task.cpus} -g ^CCTACGGGNGGCWGCAG -G ^GACTACHVGGGTATCTAATCC ${args} -o ${meta.id}_1.trim.fastq.gz -p ${meta.id}_2.trim.fastq.gz ${reads[0]} ${reads[1]} > ${meta.id}.cutadapt.log\n',
    );
    expect(files['main.nf']).toContain("params.qiime2_classifier = 'databases/silva-138-99-nb-classifier.qza'\n");
    expect(files['main.nf']).not.toContain('primer_fwd');
  });

  it('V4 gets the 515F/806R classifier', () => {
    const files = project('16S V4 amplicon sequencing of soil, 2x250');
    expect(scriptOf(files['modules/cutadapt/main.nf']!)).toContain('-g ^GTGYCAGCMGCCGCGGTAA -G ^GGACTACNVGGGTWTCTAAT ${args}');
    expect(files['main.nf']).toContain("params.qiime2_classifier = 'databases/silva-138-99-515-806-nb-classifier.qza'\n");
  });

  it('ITS: amplicons can be shorter than the reads, so each read is also cut at the other primer\'s reverse complement', () => {
    expect(reverseComplement('GCTGCGTTCTTCATCGATGC')).toBe('GCATCGATGAAGAACGCAGC');
    expect(reverseComplement('GGACTACNVGGGTWTCTAAT')).toBe('ATTAGAWACCCBNGTAGTCC');
    const files = project('fungal ITS1 amplicon sequencing of soil, paired-end 2x250');
    expect(scriptOf(files['modules/cutadapt/main.nf']!)).toContain(
      // -n 2: cutadapt removes only the best-matching adapter of a read unless told to look twice (as DADA2's ITS workflow does)
      'cutadapt -j ${task.cpus} -g ^CTTGGTCATTTAGAGGAAGTAA -G ^GCTGCGTTCTTCATCGATGC -a GCATCGATGAAGAACGCAGC -A TTACTTCCTCTAAATGACCAAG -n 2 ${args} -o',
    );
    // the region is stated (workflow_needs.yaml amplicon_region reads the same keywords): no open need, no line for it
    const itsText = 'fungal ITS1 amplicon sequencing of soil, paired-end 2x250';
    expect(missingInformation(amplicon(), kb, itsText)).toEqual([]);
    expect(workflowAnswerFor(kb, amplicon({ missing_information: [] }), itsText, 'metagenomics')).not.toContain('region is not stated');
    const single = project('fungal ITS1 amplicon sequencing of soil, single-end', { read_layout: 'single' });
    expect(scriptOf(single['modules/cutadapt/main.nf']!)).toContain('cutadapt -j ${task.cpus} -g ^CTTGGTCATTTAGAGGAAGTAA -a GCATCGATGAAGAACGCAGC -n 2 ${args} -o ${meta.id}.trim.fastq.gz ${reads}');
  });

  it('no region named: no primers assumed; the workflow requires --primer_fwd and --primer_rev and the answer says so', () => {
    const text = '16S rRNA amplicon sequencing of mouse gut microbiome, 2x250 paired-end';
    const files = project(text);
    const cutadapt = files['modules/cutadapt/main.nf']!;
    expect(cutadapt).not.toContain('GTGYCAGCMGCCGCGGTAA');
    expect(cutadapt).toContain('    tuple val(meta), path(reads)\n    val primer_fwd\n    val primer_rev\n');
    expect(scriptOf(cutadapt)).toContain('cutadapt -j ${task.cpus} -g ^${primer_fwd} -G ^${primer_rev} ${args} -o');
    expect(files['main.nf']).toContain("params.primer_fwd = null // the request names no amplicon region: give the forward primer (read 1), 5'->3', as --primer_fwd\n");
    expect(files['main.nf']).toContain('    CUTADAPT(reads, params.primer_fwd, params.primer_rev)\n');
    expect(files['main.nf']).toContain('    if (params.primer_rev == null) {\n        error("--primer_rev is required: the reverse primer (read 2) of your amplicon region, 5\'->3\'")\n    }\n');
    expect(files['main.nf']).toContain("params.qiime2_classifier = 'databases/silva-138-99-nb-classifier.qza'\n");

    // one line, from the intent's open need (workflow_needs.yaml amplicon_region), worded from this workflow
    const answer = workflowAnswerFor(kb, amplicon({ missing_information: missingInformation(amplicon(), kb, text) }), text, 'metagenomics');
    expect(answer.match(/amplicon region is not stated/g)).toHaveLength(1);
    expect(answer).toContain(
      "## Before you run\n- The amplicon region is not stated, so no primers are assumed: give `--primer_fwd` and `--primer_rev` (5'->3'; the workflow stops without them) and a `--qiime2_classifier` for that region (16S rRNA gene V4 515F/806R, 16S rRNA gene V3-V4 341F/805R, 16S rRNA gene V1-V3 27F/534R, 16S rRNA gene V4-V5 515F-Y/926R, fungal ITS1 ITS1F/ITS2, fungal ITS2 ITS3/ITS4).\n",
    );
    // single reads: the forward primer only
    const single = project('16S amplicons of pond water, single-end 1x250', { read_layout: 'single' });
    expect(single['main.nf']).toContain('    CUTADAPT(reads, params.primer_fwd)\n');
    const singleText = '16S amplicons of pond water, single-end 1x250';
    const singleIntent = amplicon({ read_layout: 'single' });
    expect(workflowAnswerFor(kb, { ...singleIntent, missing_information: missingInformation(singleIntent, kb, singleText) }, singleText, 'metagenomics')).toContain(
      '- The amplicon region is not stated, so no primers are assumed: give `--primer_fwd` (5\'->3\'; the workflow stops without it) and a `--qiime2_classifier`',
    );
  });
});
