import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from '../../../src-main/util/json-depth';

describe('nestedDeeperThan', () => {
  it('counts the containers on the deepest path: scalars are depth 0, [] and {} depth 1', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan([], 0)).toBe(true);
    expect(nestedDeeperThan([], 1)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: null }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    // the deep branch is found whichever sibling holds it
    expect(nestedDeeperThan([[1], [[[2]]], 3], 3)).toBe(true);
    expect(nestedDeeperThan([[1], [[[2]]], 3], 4)).toBe(false);
  });

  it('measures nesting far beyond the call stack without overflowing it', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(nestedDeeperThan(deep, 64)).toBe(true);
    expect(nestedDeeperThan(deep, 200_000)).toBe(false);
  });
});
