import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { formatDiagnostics } from '../../../src-main/nextflow-validator/index';
import { checkWorkflow } from '../../../src-main/nextflow-validator/workflow-check';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();
const typeIds = new Set(kb.analysisTypes.map((t) => t.id));

/** Golden queries whose expected analysis type is one the knowledge base knows. */
const goldenCases = kb.goldenQueries.filter((g) => typeIds.has(g.expected_intent.analysis_type)).map((g) => ({ id: g.id, intent: g.expected_intent }));

/** A minimal intent for an analysis type that has no golden query (no data type stated). */
const intentForType = (analysisType: string): Intent => intentOf(kb, analysisType, { data_type: null });

/** One intent per analysis type: the first golden query of that type, else one built from the type. */
const typeCases = kb.analysisTypes.map((t) => {
  const golden = kb.goldenQueries.find((g) => g.expected_intent.analysis_type === t.id);
  return { type: t.id, intent: golden?.expected_intent ?? intentForType(t.id) };
});

function generate(intent: Intent) {
  return generateWorkflow(intent, selectTools(intent, kb), kb);
}

function expectLintsClean(intent: Intent): Record<string, string> {
  const { files } = generate(intent);
  const result = checkWorkflow(files);
  expect(result.errorCount, `${formatDiagnostics(result)}\n\n${files['main.nf']}`).toBe(0);
  return files;
}

describe('generated workflows pass the Nextflow linter', () => {
  it('has golden queries and analysis types to check', () => {
    expect(goldenCases.length).toBeGreaterThanOrEqual(50);
    expect(typeCases.length).toBe(kb.analysisTypes.length);
    expect(typeCases.length).toBeGreaterThan(0);
  });

  it.each(goldenCases)('golden query $id lints with zero errors', ({ intent }) => {
    expectLintsClean(intent);
  });

  it.each(typeCases)('analysis type $type lints with zero errors (paired and single-end)', ({ intent }) => {
    const files = expectLintsClean(intent);
    // a real pipeline: at least one module besides main.nf
    expect(Object.keys(files).filter((f) => f.startsWith('modules/')).length).toBeGreaterThan(0);
    expectLintsClean({ ...intent, read_layout: 'single' });
    expectLintsClean(intentForType(intent.analysis_type));
  });

  it.each(typeCases)('analysis type $type is deterministic', ({ intent }) => {
    const a = generate(intent).files;
    const b = generate(structuredClone(intent)).files;
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(b).toEqual(a);
  });

  it.each(typeCases)('analysis type $type: main.nf and modules have the expected shape', ({ intent }) => {
    const { files } = generate(intent);
    const main = files['main.nf']!;
    const modules = Object.keys(files).filter((f) => /^modules\/[a-z0-9_]+\/main\.nf$/.test(f));
    expect(Object.keys(files)[0]).toBe('main.nf');
    expect(files['nextflow.config']).toMatch(/^profiles \{$/m);
    // a type whose samples bring more than reads (a Visium section's own image) reads a sample sheet instead
    const sheet = kb.analysisTypeById.get(intent.analysis_type)?.input?.samplesheet;
    expect(main).toMatch(sheet ? /^params\.input = 'samplesheet\.csv' \/\/ columns sample,fastq_1/m : /^params\.reads = /m);
    if (sheet) expect(main).not.toContain('params.reads');
    expect(main).toMatch(/^params\.outdir = /m);
    expect(main).toMatch(/^workflow \{$/m);
    expect(main).toMatch(/^workflow [A-Z0-9_]+ \{$/m);
    expect(main).not.toContain('is left out');
    for (const f of Object.keys(files).filter((x) => x !== 'main.nf' && x !== 'nextflow.config'))
      expect(f).toMatch(/^modules\/[a-z0-9_]+\/(main\.nf|templates\/[a-z0-9_]+\.(R|py))$/);
    for (const m of modules) {
      const toolId = m.split('/')[1]!;
      expect(main, `main.nf includes ${m}`).toContain(`from './modules/${toolId}'\n`);
      const text = files[m]!;
      // a tool's module, or one of its stages' (modules/<tool>_<stage>: an index or cohort step run once over all samples)
      const stageOf = [...kb.toolById.values()].find((t) =>
        [t.process.stages, ...Object.values(t.process.overrides).map((o) => o.stages ?? [])].some((ss) => ss.some((st) => `${t.id}_${st.name}` === toolId)),
      );
      const tool = kb.toolById.get(toolId) ?? stageOf;
      expect(tool, `module ${m} comes from a catalog tool`).toBeDefined();
      expect(text).toMatch(/^process [A-Z0-9_]+ \{$/m);
      expect(text).toContain(`    container '${tool!.container}'`);
      expect(text).toMatch(/^\s+input:$/m);
      expect(text).toMatch(/^\s+output:$/m);
      expect(text).toMatch(/^\s+stub:$/m);
      expect(text).toMatch(/emit: \w+/);
      expect(text).toMatch(/path "versions\.yml", emit: versions/);
      expect(text).toContain("def args = task.ext.args ?: ''");
      if (tool!.process.template && !stageOf) expect(files[`modules/${toolId}/templates/${tool!.process.template}`], toolId).toBeDefined();
      // no reference or setting reaches a task as a params string: files are staged inputs
      expect(text).not.toMatch(/params\./);
    }
  });
});
