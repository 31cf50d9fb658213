import { describe, expect, it } from 'vitest';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { workflowSeed } from '../../../src-main/generators/workflow-examples';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
// read lengths a request states: in its layout ('2x100 paired-end', 'PE150', 'SE50', 'single-end 1x75') or as '75 bp'
const lengthsIn = (text: string) =>
  new Set([...text.matchAll(/(?<![\w.])(?:\d x|\dx|PE|SE)(\d{2,3})(?!\d)|(?<![\w.])(\d{2,3}) ?bp reads|Read length: (\d{2,3}) bp|(?:Read length is|Reads are|The reads are) (\d{2,3}) bp/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]));

describe('a request states one read length', () => {
  it('its layout phrase and its study remarks agree (seed 42: every variation and workflow request)', () => {
    const problems: string[] = [];
    let withLength = 0;
    const inputs = planVariations(kb, 6000).map((spec) => variationSeed(kb, 42, spec).input);
    for (let goldenIndex = 0; goldenIndex < kb.goldenQueries.length; goldenIndex++)
      if (kb.goldenQueries[goldenIndex]!.expected_intent.analysis_type !== 'unknown')
        for (let variant = 0; variant < 10; variant++) inputs.push(workflowSeed(kb, 42, { goldenIndex, variant }).input);
    for (const text of inputs) {
      const lengths = lengthsIn(text);
      if (lengths.size > 0) withLength++;
      if (lengths.size > 1) problems.push(`[${[...lengths].join(', ')}] ${text}`);
    }
    expect(withLength).toBeGreaterThan(200);
    expect(problems.slice(0, 8)).toEqual([]);
  }, 120_000);
});
