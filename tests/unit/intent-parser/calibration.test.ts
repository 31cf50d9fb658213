import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

describe('intent parser calibration on 5,000 generated variations (all styles, with typos)', () => {
  const kb = loadKnowledge();
  const plan = planTemplateItems(kb, 'query_variation', 5000, 42);
  const rows = plan.specs.map((_, i) => {
    const e = makeExample(plan.render(i));
    const actual = parseIntent(e.input, kb);
    return { right: actual.analysis_type === e.output.intent!.analysis_type, confidence: actual.confidence };
  });
  const accuracy = (xs: typeof rows) => xs.filter((r) => r.right).length / xs.length;

  it('is right more often above 0.8 confidence than below, and accuracy rises with confidence', () => {
    const high = rows.filter((r) => r.confidence > 0.8);
    const low = rows.filter((r) => r.confidence <= 0.8);
    expect(high.length).toBeGreaterThan(500);
    expect(low.length).toBeGreaterThan(100);
    expect(accuracy(high)).toBeGreaterThan(accuracy(low));
    expect(accuracy(high)).toBeGreaterThan(0.97);
    const veryLow = rows.filter((r) => r.confidence < 0.5);
    if (veryLow.length > 20) expect(accuracy(veryLow)).toBeLessThan(accuracy(high));
  });
});
