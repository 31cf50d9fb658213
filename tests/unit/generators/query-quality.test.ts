import { describe, expect, it } from 'vitest';
import { opener, queryQuality, topOpenerShare } from '../../../src-main/generators/query-quality';
import { distinctN } from '../../../src-main/generators/text-stats';

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
