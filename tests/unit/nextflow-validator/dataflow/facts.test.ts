import { describe, expect, it } from 'vitest';
import { dataflowFacts, parseFacts } from '../../../../src-main/nextflow-validator/dataflow/facts';

describe('dataflow tool facts (resources/knowledge/nextflow_dataflow.yaml)', () => {
  it('load and validate, every entry with its source', () => {
    const facts = dataflowFacts();
    expect(facts.fixed_output_names.map((f) => f.program)).toContain('STAR');
    expect(facts.paired_only_flags.find((f) => f.program === 'featureCounts')?.flags).toEqual(['-p']);
    expect(facts.platform_presets.find((p) => p.program === 'minimap2')?.values?.['map-hifi']).toBe('pacbio_hifi');
    for (const list of [facts.fixed_output_names, facts.paired_only_flags, facts.platform_presets]) for (const f of list) expect(f.source.length).toBeGreaterThan(5);
  });

  it('refuse a bad entry, naming the file and the field', () => {
    const bad = 'fixed_output_names: []\npaired_only_flags: []\nplatform_presets:\n  - program: flye\n    flags: { --nano-hq: nanopore }\n    source: x\n';
    expect(() => parseFacts(bad)).toThrow(/nextflow_dataflow\.yaml: platform_presets\.0\.flags\.--nano-hq: /);
  });

  it('refuse a YAML syntax error and an alias bomb, naming the file (and the line)', () => {
    expect(() => parseFacts('fixed_output_names: [\n')).toThrow(/^invalid dataflow facts:\n {2}nextflow_dataflow\.yaml:2:1: YAML syntax error: /);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    expect(() => parseFacts(bomb, 'bomb.yaml')).toThrow(/^invalid dataflow facts:\n {2}bomb\.yaml: cannot read its YAML: Excessive alias count/);
  });
});
