import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { constraintNotes, planSelection } from '../../../src-main/tool-selector';
import { intentOf } from '../../support/intents';

const kb = loadKnowledge();

describe('DeepVariant is germline: a somatic request is not given it (review class 3)', () => {
  it('DeepVariant asked for in a tumour-normal request is refused with why, naming DeepSomatic', () => {
    const intent = intentOf(kb, 'somatic_variants', { requested_tools: ['deepvariant'] });
    const sel = planSelection(intent, kb, 'somatic variant calling of tumour/normal pairs with DeepVariant')!;
    expect(sel.choices.map((c) => c.id)).not.toContain('deepvariant');
    const refused = constraintNotes(intent, sel, kb).filter((n) => n.constraint === 'requested_tool');
    expect(refused.map((n) => n.text).join(' ')).toMatch(/germline variants of one sample; somatic variants .* are DeepSomatic's/);
  });

  it("the somatic analysis's inputs name no germline caller as a chain without BQSR", () => {
    const type = kb.analysisTypeById.get('somatic_variants')!;
    expect(JSON.stringify(type.input_data_types)).not.toMatch(/DeepVariant/);
  });
});
