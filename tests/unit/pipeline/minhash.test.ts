import { describe, expect, it } from 'vitest';
import { estimatedJaccard, LshIndex, lshShape, MinHasher, shingles, UnionFind } from '../../../src-main/pipeline/minhash';

describe('MinHash LSH', () => {
  it('shingles words in order, case and punctuation insensitive', () => {
    expect([...shingles('RNA-seq for Mouse, liver!', 3)]).toEqual(['rna seq for', 'seq for mouse', 'for mouse liver']);
    expect([...shingles('atac', 3)]).toEqual(['atac']);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = new MinHasher({ numPerm: 32, shingle: 3, seed: 7 }).signature('rna seq differential expression for mouse liver');
    const b = new MinHasher({ numPerm: 32, shingle: 3, seed: 7 }).signature('rna seq differential expression for mouse liver');
    const c = new MinHasher({ numPerm: 32, shingle: 3, seed: 8 }).signature('rna seq differential expression for mouse liver');
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('estimates Jaccard: identical 1, disjoint near 0, overlapping in between', () => {
    const h = new MinHasher({ numPerm: 128, shingle: 2, seed: 1 });
    const base = 'please run rna seq differential expression on mouse liver samples with salmon and deseq2';
    expect(estimatedJaccard(h.signature(base), h.signature(base))).toBe(1);
    expect(estimatedJaccard(h.signature(base), h.signature('assemble a bacterial genome from nanopore reads quickly today'))).toBeLessThan(0.1);
    const near = estimatedJaccard(h.signature(base), h.signature(`${base} thanks`));
    expect(near).toBeGreaterThan(0.75);
  });

  it('chooses bands x rows whose S-curve midpoint is nearest the threshold', () => {
    expect(lshShape(32, 0.8)).toEqual({ bands: 4, rows: 8 });
    expect(lshShape(32, 0.5)).toEqual({ bands: 8, rows: 4 });
  });

  it('yields each candidate pair once, lower id first, and union-find clusters canonically', () => {
    const h = new MinHasher({ numPerm: 32, shingle: 2, seed: 3 });
    const texts = ['mouse liver rna seq with deseq2 please', 'mouse liver rna seq with deseq2 please thanks', 'wgs germline variants for human blood'];
    const lsh = new LshIndex(8, 4);
    for (const [i, t] of texts.entries()) lsh.add(i, h.signature(t));
    const pairs = [...lsh.candidates()];
    expect(pairs).toEqual([[0, 1]]);
    const uf = new UnionFind(3);
    uf.union(1, 0);
    expect([uf.find(0), uf.find(1), uf.find(2)]).toEqual([0, 0, 2]);
  });
});
