import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATAFLOW_RULE_IDS, lintPaths, lintSource } from '../../../../src-main/nextflow-validator/index';

const ROOT = path.resolve(__dirname, '../../../fixtures/nextflow');
const RNASEQ = path.join(ROOT, 'nf-core-rnaseq');
const read = (f: string) => fs.readFileSync(path.join(RNASEQ, f), 'utf8');
const dataflowOf = (src: string, file: string) => lintSource(src, file).diagnostics.filter((d) => DATAFLOW_RULE_IDS.has(d.rule));

/** Changes `from` to `to` once, failing loudly when the fixture no longer has `from`. */
function mutate(src: string, from: string, to: string): string {
  expect(src.includes(from), `fixture lacks ${from}`).toBe(true);
  return src.replace(from, to);
}

describe('dataflow rules on real nf-core code', () => {
  it('report nothing, not even a warning, on the nf-core/modules and nf-core/rnaseq fixtures', () => {
    const r = lintPaths([path.join(ROOT, 'nf-core-modules'), RNASEQ]);
    expect(r.diagnostics.filter((d) => DATAFLOW_RULE_IDS.has(d.rule))).toEqual([]);
  });

  const FC = 'modules_nf-core_subread_featurecounts_main.nf';
  it('output-not-written fires when featureCounts declares a name its -o never writes', () => {
    const src = mutate(read(FC), 'path("*featureCounts.tsv"), emit: counts', 'path("*.counts.tsv"), emit: counts');
    expect(dataflowOf(src, FC).map((d) => [d.rule, d.line])).toEqual([['output-not-written', 14]]);
  });

  it('params-in-script fires when the annotation is read from params in the command', () => {
    const src = mutate(read(FC), '-a ${annotation}', '-a ${params.gtf}');
    expect(dataflowOf(src, FC).map((d) => [d.rule, d.line])).toEqual([['params-in-script', 38]]);
  });

  it('script-not-shipped fires when the command runs an R script nobody stages', () => {
    const src = mutate(read(FC), '    featureCounts \\\\\n', '    Rscript count_reads.R \\\\\n');
    expect(dataflowOf(src, FC).map((d) => [d.rule, d.line])).toEqual([['script-not-shipped', 34]]);
  });
});
