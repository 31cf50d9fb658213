import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src-main/intent-parser';
import { loadKnowledge } from '../../../src-main/knowledge/load';

const kb = loadKnowledge();
const organism = (q: string) => parseIntent(q, kb).organism?.id ?? null;

describe('an organism is read from its species, never guessed from a genus or phylum', () => {
  it('"nematode" or "plasmodium" names no species; C. elegans and P. falciparum by name do', () => {
    expect(organism('long-read genome assembly of nematode samples from nanopore reads')).toBe(null);
    expect(organism('phylogenetics of plasmodium samples')).toBe(null);
    expect(organism('long-read genome assembly of C. elegans from nanopore reads')).toBe('worm');
    expect(organism('plasmodium falciparum drug resistance SNPs from WGS')).toBe('plasmodium');
    expect(organism('P. falciparum drug resistance SNPs from WGS')).toBe('plasmodium');
  });
});
