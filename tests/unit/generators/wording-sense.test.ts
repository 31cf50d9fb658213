import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { loadKnowledge } from '../../../src-main/knowledge/load';

/**
 * Wordings read in a fresh build (issue 17) that no bioinformatician writes: the analysis and its samples both
 * "covering", a tool "where X should be used" hung after the sequencing clause, a request that opens "Based on
 * fastp, our group needs", "We know Sniffles2 again", "the tidy workflow" with no workflow named before.
 */
const NONSENSE: [string, RegExp][] = [
  ['covering twice', /\bcovering\b[^.;?]*\bcovering\b/],
  ['samples covered', /\b(analysis|calling|profiling|assembly|detection|genotyping|quantification|inference|assignment|integration) covering\b/i],
  ['tool hung after a clause', /, where [^,;.?]+ should be used/],
  ['dangling tool front', /^(Based on|Built around|Centred on|Using) [^,]+, (we|I|our group) (would like|need)/],
  ['know again', /\b(know|trust|have experience with|have used|have mostly worked with|usually use|got good results with|are comfortable with) [^.]*\b(again|where it fits|if that is possible)\./],
  ['the adjective workflow', /\bthe (tidy|clean|simple|solid|reproducible|maintainable|working) (Nextflow |DSL2 |Nextflow DSL2 )?(workflow|pipeline)\b/],
];

describe('requests read as a person writes them (seed 42, 5,000 template variations)', () => {
  const kb = loadKnowledge();
  const plan = planTemplateItems(kb, 'query_variation', 5000, 42);
  const inputs = plan.specs.map((_, i) => makeExample(plan.render(i)).input);
  for (const [name, re] of NONSENSE)
    it(`has no '${name}'`, () => {
      expect(inputs.filter((t) => re.test(t)).slice(0, 5)).toEqual([]);
    });
});
