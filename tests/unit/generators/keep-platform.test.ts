import { describe, expect, it } from 'vitest';
import { keepPlatform } from '../../../src-main/generators/keep-platform';
import { toolSelectionSeed } from '../../../src-main/generators/tool-selection';
import { workflowSeed } from '../../../src-main/generators/workflow-examples';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { namedPlatform, platformsNamed } from '../../../src-main/tool-selector/context';

const kb = loadKnowledge();
const ont = 'ont long reads human snvs gpu';

describe('keepPlatform', () => {
  it('adds the golden query’s long-read platform when the wording dropped it', () => {
    expect(keepPlatform('Variant calling of canine samples, please', ont, kb)).toBe('Variant calling of canine samples, please. The reads are Oxford Nanopore.');
  });

  it('keeps a wording that already names that platform', () => {
    expect(keepPlatform('nanopore variant calling of canine samples', ont, kb)).toBe('nanopore variant calling of canine samples');
  });

  it('refuses a wording that names another platform instead of contradicting it', () => {
    expect(keepPlatform('Kindly assist with HiFi variant calling of canine samples', ont, kb)).toBeNull();
  });
});

describe('generated requests name one platform', () => {
  const longRead = kb.goldenQueries.filter((g) => namedPlatform(kb, g.query)?.read_kind === 'long');

  it('every long-read golden query’s workflow and tool-selection requests name its platform and no other', () => {
    expect(longRead.length).toBeGreaterThan(5);
    const wrong: string[] = [];
    for (const g of longRead) {
      const goldenIndex = kb.goldenQueries.indexOf(g);
      const want = namedPlatform(kb, g.query)!.id;
      for (let variant = 0; variant < 20; variant++)
        for (const seed of [workflowSeed(kb, 42, { goldenIndex, variant }), toolSelectionSeed(kb, 42, { goldenIndex, variant })]) {
          const named = platformsNamed(kb, seed.input).map((p) => p.id);
          if (named.length !== 1 || named[0] !== want) wrong.push(`${seed.id} [${named.join(', ')}]: ${seed.input}`);
        }
    }
    expect(wrong).toEqual([]);
  });
});
