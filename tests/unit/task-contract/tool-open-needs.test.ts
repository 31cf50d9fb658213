import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src-preload/schemas/intent';
import { makeExample } from '../../../src-main/generators/example-factory';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { missingInformation } from '../../../src-main/knowledge/missing-information';
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
  return { intent, answer: renderTaskAnswer(example, kb) };
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
        const { intent, answer } = toolAnswer(t.id, { organism: null, read_layout, comparison: null });
        const section = open(answer);
        for (const need of intent.missing_information) {
          const ask = kb.workflowNeeds.needs.get(need)?.ask;
          if (!ask || !section.includes(ask)) missing.push(`${t.id} ${read_layout}: ${need}`);
        }
        // a tool answer has no workflow: nothing open is worded as one
        if (/params\.|`--\w+`|the workflow/.test(section)) missing.push(`${t.id}: workflow wording in ${JSON.stringify(section)}`);
      }
    expect(missing).toEqual([]);
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
