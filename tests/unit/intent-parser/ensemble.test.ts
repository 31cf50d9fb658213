import { describe, expect, it } from 'vitest';
import { type Intent, IntentSchema } from '../../../src-preload/schemas/intent';
import { reconcileIntents } from '../../../src-main/intent-parser/ensemble';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

const HUMAN = { id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh38' };
const MOUSE = { id: 'mouse', scientific_name: 'Mus musculus', genome_build: 'GRCm39' };

const RULE: Intent = {
  request_kind: 'workflow',
  analysis_type: 'rna_seq_de',
  organism: HUMAN,
  tissue: 'lung',
  cell_type: null,
  data_type: 'rna_seq',
  read_layout: 'paired',
  strandedness: 'reverse',
  comparison: { groups: ['treated', 'control'], description: 'treated vs control' },
  requested_tools: ['star'],
  constraints: [],
  missing_information: [],
  confidence: 0.8,
};

const intent = (over: Partial<Intent> = {}): Intent => IntentSchema.parse({ ...RULE, ...over });

describe('reconcileIntents', () => {
  it('agrees on every field when both parsers give the same intent', () => {
    const { intent: out, reasons } = reconcileIntents(RULE, intent({ confidence: 0.9 }), kb);
    expect(out).toEqual({ ...RULE, confidence: 0.85 });
    expect(reasons).toEqual({
      request_kind: 'agree',
      analysis_type: 'agree',
      organism: 'agree',
      tissue: 'agree',
      cell_type: 'agree',
      data_type: 'agree',
      read_layout: 'agree',
      strandedness: 'agree',
      comparison: 'agree',
      requested_tools: 'agree',
      constraints: 'agree',
      missing_information: 'derived: recomputed from reconciled fields',
      confidence: 'derived: mean of rule 0.80 and llm 0.90, 0 disagreement(s)',
    });
  });

  it('keeps rule values the LLM gets wrong against the catalog and takes the fields the rule left empty', () => {
    const rule = intent({ cell_type: null, strandedness: 'unknown', requested_tools: [], constraints: [] });
    const llm = intent({
      analysis_type: 'rna_velocity_magic',
      organism: { id: 'unicorn', scientific_name: 'Equus mythicus', genome_build: 'U1' },
      tissue: 'Lung',
      cell_type: 'T cells',
      data_type: 'quantum_seq',
      read_layout: 'unknown',
      strandedness: 'reverse',
      comparison: { groups: ['Control', 'Treated'], description: 'ctrl vs trt' },
      requested_tools: ['star', 'not_a_tool'],
      constraints: ['low_memory', 'cheap'],
      confidence: 0.6,
    });
    const { intent: out, reasons } = reconcileIntents(rule, llm, kb);

    expect(reasons).toEqual({
      request_kind: 'agree',
      analysis_type: 'rule: llm returned unknown analysis type',
      organism: 'rule: llm organism not in catalog',
      tissue: 'agree',
      cell_type: 'llm: fills field rule left empty',
      data_type: 'rule: llm data type not in catalog',
      read_layout: 'rule: llm left field empty',
      strandedness: 'llm: fills field rule left empty',
      comparison: 'agree',
      requested_tools: 'llm: fills field rule left empty; llm tool not in catalog (not_a_tool)',
      constraints: 'llm: fills field rule left empty; llm constraint not in catalog (cheap)',
      missing_information: 'derived: recomputed from reconciled fields',
      confidence: 'derived: mean of rule 0.80 and llm 0.60, 0 disagreement(s)',
    });
    expect(out).toEqual({
      ...rule,
      cell_type: 't cells',
      strandedness: 'reverse',
      requested_tools: ['star'],
      constraints: ['low_memory'],
      missing_information: [],
      confidence: 0.7,
    });
  });

  it('prefers a confident rule parser on disagreement and a low-confidence one loses', () => {
    const llm = intent({ analysis_type: 'scrna_seq', organism: MOUSE, confidence: 0.9 });

    const confident = reconcileIntents(RULE, llm, kb);
    expect(confident.reasons.analysis_type).toBe('rule: disagree, rule preferred (confidence 0.80)');
    expect(confident.reasons.organism).toBe('rule: disagree, rule preferred (confidence 0.80)');
    expect(confident.intent.analysis_type).toBe('rna_seq_de');
    expect(confident.intent.organism).toEqual(HUMAN);
    // two disagreements: (0.8 + 0.9) / 2 - 0.2
    expect(confident.intent.confidence).toBe(0.65);

    const unsure = reconcileIntents({ ...RULE, confidence: 0.3 }, llm, kb);
    expect(unsure.reasons.analysis_type).toBe('llm: disagree, rule confidence low (0.30)');
    expect(unsure.reasons.organism).toBe('llm: disagree, rule confidence low (0.30)');
    expect(unsure.intent.analysis_type).toBe('scrna_seq');
    expect(unsure.intent.organism).toEqual(MOUSE);
  });

  it('fills an unknown analysis type and organism from the LLM, mapped to catalog names and builds', () => {
    const rule = intent({ analysis_type: 'unknown', organism: null, comparison: null, missing_information: ['analysis_type', 'organism'], confidence: 0.2 });
    const llm = intent({ organism: { id: 'human', scientific_name: 'human', genome_build: 'hg19' }, comparison: null, confidence: 0.9 });
    const { intent: out, reasons } = reconcileIntents(rule, llm, kb);

    expect(reasons.analysis_type).toBe('llm: fills field rule left empty');
    expect(reasons.organism).toBe('llm: fills field rule left empty');
    expect(out.analysis_type).toBe('rna_seq_de');
    expect(out.organism).toEqual({ id: 'human', scientific_name: 'Homo sapiens', genome_build: 'GRCh37' });
    // recomputed for the reconciled intent: a DE analysis without groups still needs the comparison
    expect(out.missing_information).toEqual(['comparison']);
  });

  it('unions list fields and notes what the LLM left out', () => {
    const union = reconcileIntents(RULE, intent({ requested_tools: ['star', 'deseq2'] }), kb);
    expect(union.reasons.requested_tools).toBe('union: llm adds deseq2');
    expect(union.intent.requested_tools).toEqual(['star', 'deseq2']);

    const fewer = reconcileIntents(RULE, intent({ requested_tools: [] }), kb);
    expect(fewer.reasons.requested_tools).toBe('rule: llm left out star');
    expect(fewer.intent.requested_tools).toEqual(['star']);

    const dropped = reconcileIntents(RULE, intent({ requested_tools: ['star', 'made_up'] }), kb);
    expect(dropped.reasons.requested_tools).toBe('rule: llm tool not in catalog (made_up)');
  });

  it('returns the rule intent unchanged with the LLM error as the reason when the LLM failed', () => {
    const { intent: out, reasons } = reconcileIntents(RULE, null, kb, 'invalid: not valid JSON');
    expect(out).toBe(RULE);
    expect(Object.values(reasons)).toHaveLength(13);
    expect(new Set(Object.values(reasons))).toEqual(new Set(['rule: no llm intent (invalid: not valid JSON)']));
  });

  it('always returns a schema-valid intent with the fields in schema order', () => {
    const { intent: out } = reconcileIntents(RULE, intent({ tissue: null, data_type: 'scrna_seq', confidence: 1 }), kb);
    expect(IntentSchema.parse(out)).toEqual(out);
    expect(Object.keys(out)).toEqual(Object.keys(IntentSchema.shape));
  });
});
