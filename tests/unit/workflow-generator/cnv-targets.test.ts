import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { intentOf } from '../../support/intents';
import { projectFor } from '../../support/workflows';

const kb = loadKnowledge();
const cnvkit = (text: string) => projectFor(kb, intentOf(kb, 'cnv'), text);

describe('copy number calling with CNVkit', () => {
  it('on exomes and panels reads depth on the capture targets (hybrid method), on whole genomes in bins', () => {
    const exome = cnvkit('copy-number gains and losses, human exome, low memory');
    expect(exome['modules/cnvkit/main.nf']).toContain('cnvkit.py batch ${bam} --normal --targets ${target_bed} --fasta ${fasta} --method hybrid --processes ${task.cpus} ${args} --output-dir cnvkit');
    expect(exome['main.nf']).toContain("params.target_bed = 'references/targets.bed'");
    expect(checkWorkflow(exome).errorCount).toBe(0);
    const genome = cnvkit('CNV calling from human whole-genome sequencing');
    expect(genome['modules/cnvkit/main.nf']).toContain('cnvkit.py batch ${bam} --normal --fasta ${fasta} --method wgs');
    expect(genome['main.nf']).not.toContain('target_bed');
  });
});
