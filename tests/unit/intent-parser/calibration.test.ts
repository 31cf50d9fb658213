import { describe, expect, it } from 'vitest';
import { calibrationOf } from '../../../src-main/eval/calibration';
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
    const right = actual.analysis_type === e.output.intent!.analysis_type && actual.request_kind === e.output.intent!.request_kind;
    return { right, confidence: actual.confidence };
  });
  it('is calibrated: expected calibration error over 10 bins at most 0.05, and wrong answers less confident than right ones', () => {
    const c = calibrationOf(rows);
    expect(c.n).toBe(5000);
    expect(c.ece).toBeLessThanOrEqual(0.05);
    // every variation parsed right leaves no wrong answer to compare (the ECE bound still holds then)
    if (c.wrong > 0) expect(c.meanConfidenceWrong).toBeLessThan(c.meanConfidenceRight);
    else expect(c.meanConfidenceRight).toBeGreaterThan(0.9);
  });
});
