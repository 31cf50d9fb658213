import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { intentOf } from '../../support/intents';
import { projectFor, scriptOf } from '../../support/workflows';

const kb = loadKnowledge();

/** The miRDeep2 module of a small RNA-seq workflow for an organism (the project passes the build's check). */
function mirdeep2(organism = { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh38' }): string {
  const files = projectFor(kb, intentOf(kb, 'small_rna_seq', { organism, read_layout: 'single' }), 'miRNA-seq');
  const result = checkWorkflow(files);
  expect(result.errorCount, formatDiagnostics(result)).toBe(0);
  return scriptOf(files['modules/mirdeep2/main.nf']!);
}

describe("miRDeep2 reads miRBase's FASTA prepared as nf-core/smrnaseq prepares it", () => {
  it("keeps the species' entries, cuts each header at its first whitespace, unwraps and writes DNA letters (U -> T)", () => {
    const script = mirdeep2();
    for (const [input, out] of [
      ['${mature_fasta}', '${meta.id}.mature.fa'],
      ['${hairpin_fasta}', '${meta.id}.hairpin.fa'],
    ]) {
      const line = script.split('\n').find((l) => l.includes(`${input} > ${out}`));
      expect(line, script).toBeDefined();
      expect(line).toContain("-v species='hsa-'");
      expect(line).toContain('print \\$1');
      expect(line).toContain('gsub(/U/, "T", s)');
    }
    expect(script).toContain('miRDeep2.pl ${meta.id}.collapsed.fa ${genome_fasta} ${meta.id}.arf ${meta.id}.mature.fa none ${meta.id}.hairpin.fa -t hsa');
    expect(script).not.toContain('${mature_fasta} none');
  });

  it("another species' code selects its own entries (rat: rno-)", () => {
    expect(mirdeep2({ id: 'rat', scientific_name: 'Rattus norvegicus', genome_build: 'mRatBN7.2' })).toContain("-v species='rno-'");
  });
});
