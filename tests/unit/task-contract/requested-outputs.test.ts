import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector/index';
import { generateWorkflow } from '../../../src-main/workflow-generator/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

function answers(type: string, text: string, over: Partial<Intent> = {}) {
  const base = intentOf(kb, type, over);
  const intent = { ...base, missing_information: missingInformation(base, kb, text) };
  const tools = selectTools(intent, kb, text);
  const workflow = generateWorkflow(intent, tools, kb, { text });
  const common = { groupId: 'g', baseId: null, engine: 'test', category: 'x', analysisType: type, difficulty: 2, input: text };
  const wf = renderTaskAnswer(makeExample({ ...common, id: 'wf-1', kind: 'workflow', output: { intent, tools, workflow } }), kb);
  const ts = renderTaskAnswer(makeExample({ ...common, id: 'ts-1', kind: 'tool_selection', output: { intent, tools } }), kb);
  const section = (a: string) => {
    const at = a.indexOf('## Requested outputs');
    return at < 0 ? '' : a.slice(at, a.indexOf('\n## ', at + 3) < 0 ? undefined : a.indexOf('\n## ', at + 3));
  };
  return { wf: section(wf), ts: section(ts) };
}

describe('an output the request asks for is made or said not to be (issue 16 leftover 1)', () => {
  it('every output study_details.yaml lets a request ask for is answered in workflow and tool answers, for every analysis type', () => {
    const dropped: string[] = [];
    for (const [type, assay] of Object.entries(kb.studyDetails.assays))
      for (const out of assay.outputs) {
        const { wf, ts } = answers(type, `${kb.analysisTypeById.get(type)!.name} for our samples. For the paper we need ${out}.`);
        if (!wf.includes(`**${out}**`)) dropped.push(`workflow ${type}: ${out}`);
        if (!ts.includes(`**${out}**`)) dropped.push(`tools ${type}: ${out}`);
      }
    expect(dropped).toEqual([]);
  });

  it('what the chain makes is named, what it does not make is said with what would', () => {
    const rna = answers('rna_seq_de', 'DE analysis; we need normalized counts for every gene and sample-to-sample distance heatmaps');
    expect(rna.wf).toMatch(/\*\*normalized counts for every gene\*\*: DESeq2 writes them/);
    expect(rna.wf).toMatch(/\*\*sample-to-sample distance heatmaps\*\*: not drawn here/);
    const lr = answers('long_read_variants', 'nanopore variant calling; wanted: haplotagged alignments for inspection and a phased VCF', { read_layout: 'unknown' });
    expect(lr.wf).toMatch(/\*\*a phased VCF\*\*: .*--enable_phasing/);
    expect(lr.wf).toMatch(/\*\*haplotagged alignments for inspection\*\*: .*whatshap haplotag/);
    // a request that asks for no output has no such section
    expect(answers('rna_seq_de', 'DE analysis of our samples').wf).toBe('');
  });

  it("an output asked for in the user's own words is answered too (gq_058 'chromatin loops', gq_054 'call TADs')", () => {
    expect(answers('hic', '3D genome / chromatin loops drosophila, juicer').wf).toMatch(/\*\*loop calls\*\*: no loop caller runs here/);
    expect(answers('hic', 'Hi-C analysis to call TADs in human cell lines').wf).toMatch(/\*\*TAD calls\*\*: /);
    expect(answers('hic', 'Hi-C of mouse ES cells, we want A/B compartment calls').wf).toMatch(/\*\*A\/B compartments\*\*: not called here/);
    // a word that names no output of the type asks for nothing
    expect(answers('hic', 'Hi-C of mouse ES cells, loop extrusion is not our question, just contact maps').wf).not.toMatch(/loop calls/);
  });
});
