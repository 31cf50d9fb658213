import { describe, expect, it } from 'vitest';
import { singularNames } from '../../../src-main/generators/slots';
import { planVariations, renderVariation } from '../../../src-main/generators/variations';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();

describe('organism names as modifiers', () => {
  it('drop the plurals of other names', () => {
    expect(singularNames(kb.organismById.get('dog')!.common_names)).toEqual(['dog', 'canine']);
    expect(singularNames(kb.organismById.get('fly')!.common_names)).toEqual(['fruit fly', 'drosophila', 'fly', 'dm6']);
    expect(singularNames(kb.organismById.get('mouse')!.common_names)).toEqual(['mouse', 'murine', 'mm10', 'mm39', 'grcm39', 'grcm38']);
    expect(singularNames(kb.organismById.get('human')!.common_names)).toEqual(['human', 'patient', 'hg38', 'hg19', 'grch38', 'grch37', 't2t-chm13', 'chm13']);
  });
  it('no terse query puts a plural organism before its sample ("dogs kidney")', () => {
    const plural = new Set(kb.organisms.flatMap((o) => o.common_names.filter((n) => !singularNames(o.common_names).includes(n))));
    const bad: string[] = [];
    for (const spec of planVariations(kb, 3000).filter((s) => s.style === 'minimal' || s.style === 'edge_case')) {
      const text = renderVariation(kb, 42, spec).text;
      for (const w of text.toLowerCase().split(/[\s,]+/)) if (plural.has(w)) bad.push(text);
    }
    expect(bad).toEqual([]);
  });
});

describe('casual sign-offs', () => {
  it('are set off from the request by punctuation, an emoticon excepted', () => {
    const bad: string[] = [];
    for (const spec of planVariations(kb, 3000).filter((s) => s.style === 'casual' && s.base.request === undefined)) {
      const text = renderVariation(kb, 42, spec).text;
      if (/[A-Za-z0-9)] (thanks!|thx|cheers|pls|ty!|thanks a lot|much appreciated)$/.test(text) || / - :\)$/.test(text)) bad.push(text);
    }
    expect(bad).toEqual([]);
  });
});
