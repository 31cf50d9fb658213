import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/bundle/canonical';
import { cohensKappa, percentAgreement } from '../../../src-main/bundle/kappa';

const repeat = (pairs: [string, string, number][]): [string[], string[]] => {
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y, n] of pairs) {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
};

describe("Cohen's kappa", () => {
  it('is 1 for perfect agreement', () => {
    expect(cohensKappa(['accept', 'reject', 'edit', 'accept'], ['accept', 'reject', 'edit', 'accept'])).toBe(1);
  });

  it('matches the textbook example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4)', () => {
    const [a, b] = repeat([
      ['yes', 'yes', 20],
      ['yes', 'no', 5],
      ['no', 'yes', 10],
      ['no', 'no', 15],
    ]);
    expect(percentAgreement(a, b)).toBeCloseTo(0.7, 12);
    expect(cohensKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('matches the second textbook example (45/15/25/15 -> 0.06/0.46)', () => {
    const [a, b] = repeat([
      ['yes', 'yes', 45],
      ['yes', 'no', 15],
      ['no', 'yes', 25],
      ['no', 'no', 15],
    ]);
    expect(cohensKappa(a, b)).toBeCloseTo(0.06 / 0.46, 12);
  });

  it('is 0 when agreement equals chance and negative below chance', () => {
    const [a, b] = repeat([
      ['accept', 'accept', 1],
      ['accept', 'reject', 1],
      ['reject', 'accept', 1],
      ['reject', 'reject', 1],
    ]);
    expect(cohensKappa(a, b)).toBe(0);
    expect(cohensKappa(['accept', 'reject'], ['reject', 'accept'])).toBe(-1);
  });

  it('handles three labels (accept/reject/edit)', () => {
    // 3x3 table: rows rater A, cols rater B (accept, reject, edit)
    const [a, b] = repeat([
      ['accept', 'accept', 10],
      ['accept', 'reject', 2],
      ['accept', 'edit', 3],
      ['reject', 'accept', 1],
      ['reject', 'reject', 8],
      ['edit', 'accept', 2],
      ['edit', 'edit', 4],
    ]);
    // n=30, p_o = 22/30; A: 15/9/6, B: 13/10/7 -> p_e = (195 + 90 + 42)/900
    const po = 22 / 30;
    const pe = (15 * 13 + 9 * 10 + 6 * 7) / 900;
    expect(cohensKappa(a, b)).toBeCloseTo((po - pe) / (1 - pe), 12);
  });

  it('is undefined (null) with no items or a single shared label', () => {
    expect(cohensKappa([], [])).toBeNull();
    expect(cohensKappa(['accept', 'accept'], ['accept', 'accept'])).toBeNull();
    expect(() => cohensKappa(['a'], [])).toThrow(/differ in length/);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'q' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"q","z":1}]},"b":1}');
    expect(canonicalJson('x')).toBe('"x"');
  });
});
