import { describe, expect, it } from 'vitest';
import { planVariations, variationSeed } from '../../../src-main/generators/variations';
import { workflowSeed } from '../../../src-main/generators/workflow-examples';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

describe('a request that counts read pairs has paired reads in its ground truth', () => {
  it('no variation or workflow request of seed 42 says "read pairs" while its intent leaves the layout unknown or single', () => {
    const problems: string[] = [];
    let pairs = 0;
    const seeds = planVariations(kb, 6000).map((spec) => variationSeed(kb, 42, spec));
    for (let goldenIndex = 0; goldenIndex < kb.goldenQueries.length; goldenIndex++)
      if (kb.goldenQueries[goldenIndex]!.expected_intent.analysis_type !== 'unknown')
        for (let variant = 0; variant < 10; variant++) seeds.push(workflowSeed(kb, 42, { goldenIndex, variant }));
    for (const s of seeds) {
      if (!/\bread pairs\b/i.test(s.input)) continue;
      pairs++;
      const layout = s.output.intent?.read_layout;
      if (layout !== 'paired') problems.push(`${layout}: ${s.input}`);
    }
    expect(pairs).toBeGreaterThan(50);
    expect(problems.slice(0, 6)).toEqual([]);
  }, 120_000);
});
