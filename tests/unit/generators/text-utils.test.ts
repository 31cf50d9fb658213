import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src-main/cli/format-table';
import { Rng, seedFrom } from '../../../src-main/generators/rng';
import { distinct2, jaccard, meanPairwiseSimilarity, tokens } from '../../../src-main/generators/text-stats';
import { addTypos, typoWord } from '../../../src-main/generators/typos';

describe('Rng', () => {
  it('is deterministic for the same parts and differs for others', () => {
    const a = Rng.of(42, 'gq_001', 'formal');
    const b = Rng.of(42, 'gq_001', 'formal');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(seedFrom(42, 'gq_001', 'formal')).not.toBe(seedFrom(42, 'gq_001', 'casual'));
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffles to a permutation and picks within range', () => {
    const r = new Rng(7);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    for (let i = 0; i < 100; i++) expect(r.int(3)).toBeLessThan(3);
    expect(() => r.pick([])).toThrow('pick from an empty list');
  });
});

describe('typos', () => {
  it('makes each kind of typo inside the word, keeping the first letter', () => {
    const r = new Rng(1);
    expect(typoWord('differential', r, 'drop')).toHaveLength(11);
    expect(typoWord('differential', r, 'double')).toHaveLength(13);
    const t = typoWord('sequencing', r, 'transpose');
    expect(t).toHaveLength(10);
    expect(t).not.toBe('sequencing');
    expect([...t].sort().join('')).toBe([...'sequencing'].sort().join(''));
    expect(typoWord('sequencing', r, 'neighbour')[0]).toBe('s');
  });

  it('keeps the case of the letter it replaces and leaves names with inner capitals alone', () => {
    const r = new Rng(4);
    expect(typoWord('MAGeCK', r, 'neighbour')).toBe('MAGeCK');
    expect(typoWord('HUMAnN', r, 'drop')).toBe('HUMAnN');
    const upper = typoWord('DELLY', r, 'neighbour');
    expect(upper).not.toBe('DELLY');
    expect(upper).toBe(upper.toUpperCase());
    expect(typoWord('MULTIQC', r, 'case')).toBe('multiqc');
    expect(typoWord('sequencing', r, 'case')).toBe('Sequencing');
    expect(['MOuse', 'mouse']).toContain(typoWord('Mouse', r, 'case'));
  });

  it('leaves short words, numbers and symbols alone', () => {
    const r = new Rng(2);
    expect(typoWord('RNA', r)).toBe('RNA');
    expect(typoWord('GRCh38', r)).toBe('GRCh38');
    expect(addTypos('DE on mm10', r, 2)).toBe('DE on mm10');
  });

  it('changes exactly the requested number of long words', () => {
    const text = 'differential expression analysis between treated and control samples';
    const out = addTypos(text, new Rng(3), 2);
    const changed = out.split(' ').filter((w, i) => w !== text.split(' ')[i]);
    expect(changed).toHaveLength(2);
  });
});

describe('text statistics', () => {
  it('tokenizes bioinformatics text', () => {
    expect(tokens('RNA-seq DE for mouse (GRCm39), 2x150!')).toEqual(['rna-seq', 'de', 'for', 'mouse', 'grcm39', '2x150']);
  });

  it('computes distinct-2 exactly', () => {
    expect(distinct2(['a b c', 'a b d'])).toBe(3 / 4);
    expect(distinct2(['x y', 'x y'])).toBe(1 / 2);
    expect(distinct2([])).toBe(0);
  });

  it('computes Jaccard and mean pairwise similarity', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(1 / 3);
    expect(meanPairwiseSimilarity([['a b', 'a b'], ['c d', 'e f']])).toBe(0.5);
  });
});

describe('formatTable', () => {
  it('aligns columns and right-aligns numbers', () => {
    expect(formatTable(['kind', 'n'], [['education', 5], ['workflow', 100]])).toBe(
      ['kind         n', '---------  ---', 'education    5', 'workflow   100'].join('\n'),
    );
  });
});
