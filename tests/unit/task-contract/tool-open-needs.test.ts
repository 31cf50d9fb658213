import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
import { needAsk } from '../../../src-main/knowledge/workflow-needs';
import { renderTaskAnswer } from '../../../src-main/task-contract/answer';
import { selectTools } from '../../../src-main/tool-selector/index';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

/** The tool-selection answer of a request, its missing_information computed as every generator does. */
function toolAnswer(type: string, over: Partial<Intent>, text = '') {
  const base = intentOf(kb, type, over);
  const intent = { ...base, missing_information: missingInformation(base, kb, text) };
  const tools = selectTools(intent, kb, text);
  const example = makeExample({ id: 'ts-1', kind: 'tool_selection', groupId: 'g', baseId: null, engine: 'test', category: 'x', analysisType: type, difficulty: 2, input: text, output: { intent, tools } });
  return { intent, tools: tools.map((t) => t.tool), answer: renderTaskAnswer(example, kb) };
}

const open = (answer: string) => {
  const at = answer.indexOf('## Still open');
  return at < 0 ? '' : answer.slice(at);
};

describe('tool-selection answers show what the request leaves open, as workflow answers do', () => {
  it('every open need of every analysis type has a line in "Still open", worded for a tool choice (no workflow parameters)', () => {
    const missing: string[] = [];
    for (const t of kb.analysisTypes)
      for (const read_layout of ['paired', 'unknown'] as const) {
        const { intent, tools, answer } = toolAnswer(t.id, { organism: null, read_layout, comparison: null });
        const section = open(answer);
        for (const need of intent.missing_information) {
          // worded for the chain's tools (by_tool): a Canu chain is not asked about Flye's read type
          const ask = needAsk(kb.workflowNeeds, t.id, need, tools);
          if (!ask || !section.includes(ask)) missing.push(`${t.id} ${read_layout}: ${need}`);
        }
        // a tool answer has no workflow: nothing open is worded as one
        if (/params\.|`--\w+`|the workflow/.test(section)) missing.push(`${t.id}: workflow wording in ${JSON.stringify(section)}`);
      }
    expect(missing).toEqual([]);
  });

  // chains that build no genome index: assemblies, read classifiers, guide counting, a phylogeny of sequences
  const REFERENCE_FREE = ['de_novo_genome_assembly', 'de_novo_transcriptome_assembly', 'long_read_assembly', 'metagenomics_taxonomic', 'metagenomics_functional', 'amplicon_16s', 'crispr_screen', 'phylogenetics'];

  it('a reference-free chain is asked nothing about an aligner index, gene annotation, read counting or alignment it does not do', () => {
    const wrong: string[] = [];
    for (const id of REFERENCE_FREE) {
      const t = kb.analysisTypeById.get(id)!;
      for (const n of kb.workflowNeeds.byAnalysis.get(id)!) {
        const ask = needAsk(kb.workflowNeeds, id, n.need) ?? '';
        if (/aligner|\baligned\b|gene annotation|genome build|featureCounts|htseq-count|read count/i.test(ask)) wrong.push(`${id} ${n.need}: ${ask}`);
      }
      // and the answer a request with everything open gets says the same
      const section = open(toolAnswer(id, { organism: null, read_layout: 'unknown', strandedness: 'unknown', comparison: null }).answer);
      if (/aligner's index|aligned as pairs|featureCounts|htseq-count/.test(section)) wrong.push(`${id}: ${section}`);
      expect(t, id).toBeDefined();
    }
    expect(wrong).toEqual([]);
    // what the strandedness changes there: Trinity's --SS_lib_type, Salmon's library type
    const trinity = open(toolAnswer('de_novo_transcriptome_assembly', { organism: null, read_layout: 'unknown', strandedness: 'unknown' }).answer);
    expect(trinity).toMatch(/--SS_lib_type RF/);
    expect(trinity).toMatch(/Salmon detects the library type by itself with --libType A/);
    expect(trinity).toMatch(/Trinity takes read pairs as --left\/--right and unpaired reads as --single/);
    expect(trinity).toMatch(/BUSCO lineage/);
  });

  it('a tool a question names is a tool of that analysis (its chain, a recommended or optional tool, or an alternative of its step)', () => {
    const wrong: string[] = [];
    for (const t of kb.analysisTypes) {
      const own = new Set([...t.required_tools, ...t.recommended_tools, ...t.optional_tools, ...t.steps.flatMap((s) => s.tools)]);
      for (const n of kb.workflowNeeds.byAnalysis.get(t.id)!) {
        const ask = needAsk(kb.workflowNeeds, t.id, n.need) ?? '';
        for (const tool of kb.tools) {
          const re = new RegExp(`(?<![A-Za-z0-9-])${tool.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9-])`);
          if (re.test(ask) && !own.has(tool.id)) wrong.push(`${t.id} ${n.need}: ${tool.name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a somatic request without a normal or scope, a CNV request and a request with nothing open', () => {
    const somatic = toolAnswer('somatic_variants', {}).answer;
    expect(open(somatic)).toMatch(/matched normal/i);
    expect(open(somatic)).toMatch(/exomes or a gene panel/);
    const wes = toolAnswer('wes_germline_variants', { read_layout: 'paired' }).answer;
    expect(open(wes)).toMatch(/target BED/);
    const rna = toolAnswer('rna_seq_de', { read_layout: 'paired', strandedness: 'reverse', comparison: { groups: ['a', 'b'], description: 'a vs b' } });
    expect(rna.intent.missing_information).toEqual([]);
    expect(rna.answer).not.toContain('## Still open');
  });

  it('an unstated layout is not assumed in the rationale: FastQC reads "reads", not "read pairs"', () => {
    const unknown = toolAnswer('rna_seq_de', { read_layout: 'unknown' }).answer;
    expect(unknown).toMatch(/\*\*FastQC\*\* - [^\n]*raw reads/);
    expect(unknown).not.toMatch(/\*\*FastQC\*\* - [^\n]*read pairs/);
    expect(toolAnswer('rna_seq_de', { read_layout: 'paired' }).answer).toMatch(/\*\*FastQC\*\* - [^\n]*raw read pairs/);
  });
});
