import { describe, expect, it } from 'vitest';
import { makeExample } from '../../../src-main/generators/example-factory';
import { knownNames, opener, QUERY_TARGETS, queryQuality, topOpenerShare } from '../../../src-main/generators/query-quality';
import { planTemplateItems } from '../../../src-main/generators/template-engine';
import { distinctN } from '../../../src-main/generators/text-stats';
import { loadKnowledge } from '../../../src-main/knowledge/load';

/** distinct-3 over a seeded generation's variations: a floor below which requests have become more repetitive. */
const DISTINCT3_FLOOR = 0.475;

describe('query quality figures', () => {
  it('computes distinct-3 over word trigrams of all texts', () => {
    // trigrams: a b c, b c d | a b c, b c e -> 3 distinct of 4
    expect(distinctN(['a b c d', 'a b c e'], 3)).toBe(3 / 4);
    expect(distinctN(['a b', 'c'], 3)).toBe(0);
  });

  it('takes the first two words as the opener and the top-k share of them', () => {
    expect(opener('Please, generate a workflow')).toBe('please generate');
    const texts = ['hey can you', 'hey can I', 'so what', 'ok then', 'ok then now'];
    expect(topOpenerShare(texts, 2)).toEqual({ share: 4 / 5, openers: [['hey can', 2], ['ok then', 2]] });
  });

  it('reports per style and names each style that misses a target', () => {
    const rows = [
      { style: 'casual' as const, input: 'i need a assemble pipeline' },
      { style: 'casual' as const, input: 'i need a RNA-seq pipeline' },
      { style: 'formal' as const, input: 'Please generate a workflow for ChIP-seq in mouse liver.' },
      { style: null, input: 'not a variation' },
    ];
    const q = queryQuality(rows);
    expect(Object.keys(q.styles)).toEqual(['casual', 'formal']);
    expect(q.styles.casual).toMatchObject({ count: 2, artefacts: 3, artefactsByKind: { article: 2, not_noun_phrase: 1 }, top12OpenerShare: 1 });
    expect(q.styles.formal).toMatchObject({ count: 1, artefacts: 0, distinct3: 1 });
    // 3 + 3 + 7 trigrams, 'i need a' twice: 12 of 13; bigrams 4 + 4 + 8, 'i need' and 'need a' twice: 14 of 16
    expect(q.overall).toEqual({ count: 3, distinct2: 0.875, distinct3: 0.923 });
    expect(q.misses).toEqual(['casual: 3 artefacts', 'casual: top-12 openers 100.0% >= 40%', 'formal: top-12 openers 100.0% >= 40%']);
    expect(queryQuality([{ style: 'minimal', input: 'rna rna rna rna rna' }]).misses).toEqual(['all styles: distinct-3 0.333 < 0.5', 'minimal: 2 artefacts', 'minimal: top-12 openers 100.0% >= 40%']);
  });
});

describe('query quality of a seeded generation (5,000 template variations, seed 42)', () => {
  const kb = loadKnowledge();
  const plan = planTemplateItems(kb, 'query_variation', 5000, 42);
  const rows = plan.specs.map((_, i) => {
    const e = makeExample(plan.render(i));
    return { style: e.style, input: e.input };
  });
  const q = queryQuality(rows, knownNames(kb));
  it('keeps every style free of detector artefacts and under 40% top-12 openers', () => {
    for (const [style, s] of Object.entries(q.styles)) {
      expect(s.artefacts, `${style}: ${s.artefactExamples.join('\n')}`).toBe(0);
      expect(s.top12OpenerShare, style).toBeLessThan(QUERY_TARGETS.maxTop12OpenerShare);
    }
  });
  // issue 17's target is distinct-3 >= 0.5 (QUERY_TARGETS.minDistinct3); the build still reports it missed.
  // This floor is what the frames and wordings reach today (0.438 on this seeded generation before request_wording.yaml, 0.469 after, 0.482 with
  // the wider short names, layout phrases, study clauses and leads of session 6): it fails when
  // a change makes the requests more repetitive again, and rises as the target is approached.
  it(`has distinct-3 over all styles of at least ${DISTINCT3_FLOOR}`, () => {
    expect(q.overall.distinct3).toBeGreaterThanOrEqual(DISTINCT3_FLOOR);
  });
});
