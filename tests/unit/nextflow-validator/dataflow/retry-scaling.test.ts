import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../../src-main/knowledge/load';
import { selectTools } from '../../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../../src-main/workflow-generator/index';
import { intentOf } from '../../../support/intents';
import { findings } from './support';

const RULE = ['retry-without-scaling'];
const main = 'workflow {\n    channel.of(1).view()\n}\n';

/** A config that retries out-of-memory and time-limit kills, with one label's resources as given. */
const config = (memory: string, time: string, retries = 'maxRetries = 1') => `process {
    errorStrategy = { task.exitStatus in [104, 134, 137, 139, 143] ? 'retry' : 'finish' }
    ${retries}
    withLabel: 'process_medium' {
        cpus = 6
        memory = ${memory}
        time = ${time}
    }
}
`;

describe('dataflow: retry-without-scaling (nextflow.config)', () => {
  it('reports memory and time that a retry cannot grow', () => {
    expect(findings({ 'main.nf': main, 'nextflow.config': config('36.GB', '8.h') }, RULE)).toEqual([
      ['retry-without-scaling', 'nextflow.config', 6, 9],
      ['retry-without-scaling', 'nextflow.config', 7, 9],
    ]);
  });

  it("accepts nf-core's scaling closures, and a config that does not retry", () => {
    expect(findings({ 'main.nf': main, 'nextflow.config': config('{ 36.GB * task.attempt }', '{ 8.h * task.attempt }') }, RULE)).toEqual([]);
    expect(findings({ 'main.nf': main, 'nextflow.config': config('36.GB', '8.h', 'maxRetries = 0') }, RULE)).toEqual([]);
  });

  it('every generated config scales memory and time with the attempt, capped by resourceLimits, with or without low_memory', () => {
    const kb = loadKnowledge();
    for (const constraints of [[], ['low_memory']] as const) {
      const intent = intentOf(kb, 'rna_seq_de', { constraints: [...constraints] });
      const files = generateWorkflow(intent, selectTools(intent, kb, ''), kb).files;
      expect(findings(files, RULE), files['nextflow.config']).toEqual([]);
      expect(files['nextflow.config']).toContain(constraints.length ? '        memory = { 16.GB * task.attempt }\n' : '        memory = { 36.GB * task.attempt }\n');
      expect(files['nextflow.config']).toContain('        time = { 8.h * task.attempt }\n');
      expect(files['nextflow.config']).toMatch(/resourceLimits = \[cpus: \d+, memory: \d+\.GB, time: \d+\.h\]/);
    }
  });
});
