import { makeExample } from '../../src-main/generators/example-factory';
import type { Knowledge } from '../../src-main/knowledge/schemas';

/** A small education example with a deterministic id (`<prefix><i>`), for tests that need a few rows in a store. */
export function educationExample(kb: Knowledge, prefix: string, i: number, input: string, explanation: string) {
  return makeExample({
    id: `${prefix}${i}`,
    kind: 'education',
    groupId: `g${i}`,
    baseId: null,
    engine: 'test',
    category: kb.categories[0]!.id,
    analysisType: kb.analysisTypes[0]!.id,
    difficulty: 2,
    input,
    output: { explanation },
  });
}
