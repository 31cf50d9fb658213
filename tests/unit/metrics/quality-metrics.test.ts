import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { gateFailures, qualityGates } from '../../../src-main/metrics/gates';
import { type ItemFacts, MetricsAccumulator } from '../../../src-main/metrics/quality-metrics';

const kb = loadKnowledge();
const fact = (over: Partial<ItemFacts>): ItemFacts => ({
  category: kb.categories[0]!.id,
  difficulty: 2,
  parsedOk: null,
  confidence: null,
  workflowOk: null,
  workflowComplete: null,
  toolsMatch: null,
  tools: [],
  ...over,
});

describe('quality metrics (plan 3.2) and gates (3.3)', () => {
  it('computes each rate over the examples it applies to, and the gates fail with the measured value', () => {
    const m = new MetricsAccumulator();
    m.add(fact({ parsedOk: true, confidence: 0.9, tools: ['star', 'deseq2'], workflowOk: true, workflowComplete: true, toolsMatch: true }));
    m.add(fact({ parsedOk: false, confidence: 0.5, tools: ['star'], workflowOk: false, workflowComplete: false, toolsMatch: false, difficulty: 3 }));
    m.add(fact({ category: kb.categories[1]!.id, difficulty: 1 }));
    const r = m.result(kb, { withFeedback: 10, accepted: 9, modified: 3 });
    expect(r.intent_parse_rate).toBe(0.5);
    expect(r.intent_confidence_mean).toBeCloseTo(0.7, 10);
    expect(r.workflow_valid_rate).toBe(0.5);
    expect(r.workflow_complete_rate).toBe(0.5);
    expect(r.tool_accuracy).toBe(0.5);
    expect(r.tools_covered).toBe(2);
    expect(r.tool_coverage).toBe(2 / kb.tools.length);
    expect(r.acceptance_rate).toBe(0.9);
    expect(r.modification_rate).toBe(0.3);
    expect(r.categories_covered).toBe(2);
    expect(r.category_entropy).toBeCloseTo(-(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3), 10);
    expect(r.difficulty_distribution).toEqual({ '1': 1, '2': 1, '3': 1 });
    const gates = qualityGates(r);
    expect(gates.map((g) => [g.name, g.result])).toEqual([
      ['intent parse rate', 'fail'],
      ['workflow validity', 'fail'],
      ['tool coverage', 'fail'],
      ['category coverage', 'fail'],
      ['acceptance rate', 'pass'],
    ]);
    expect(gateFailures(gates)[1]).toBe('workflow validity is 50.0%, the minimum is 100.0%');
  });

  it('leaves the acceptance gate out when no interaction carries feedback', () => {
    const r = new MetricsAccumulator().result(kb, { withFeedback: 0, accepted: 0, modified: 0 });
    expect(r.acceptance_rate).toBeNull();
    expect(qualityGates(r).find((g) => g.name === 'acceptance rate')!.result).toBe('n/a');
  });
});
