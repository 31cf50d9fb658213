import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src-main/knowledge/load';
import { problemsWithEdited } from '../../support/knowledge-copy';

const kb = loadKnowledge();
const problemsWith = (edit: (text: string) => string) => problemsWithEdited('organisms.yaml', edit);

describe('a blacklist is refused at load when its contig naming differs from its genome build without a conversion', () => {
  it('the ENCODE lists are UCSC-named; each build that has one states its genome naming', () => {
    expect(kb.referenceById.get('blacklist')!.contig_naming).toBe('ucsc');
    const namings = Object.fromEntries(
      kb.organisms.flatMap((o) => Object.keys(o.facts.encode_blacklist ?? {}).map((b) => [`${o.id} ${b}`, o.facts.contig_naming?.[b] ?? null])),
    );
    expect(namings).toEqual({ 'human GRCh38': 'ucsc', 'human GRCh37': 'ensembl', 'mouse GRCm38': 'ensembl', 'fly BDGP6': 'ensembl', 'worm WBcel235': 'ensembl' });
  });

  it('a build with a blacklist but no naming, or an Ensembl build without ucsc_to_ensembl, is named', () => {
    expect(problemsWith((t) => t.replace('contig_naming: { BDGP6: ensembl }, ', ''))).toEqual([
      "organisms.yaml: entry 'fly': encode_blacklist 'dm6-blacklist.v2' of BDGP6: no contig_naming for BDGP6, so whether its ucsc contig names match the genome is unknown",
    ]);
    expect(problemsWith((t) => t.replace(', ucsc_to_ensembl: { strip_prefix: chr, rename: { chrM: MtDNA } }', ''))).toEqual([
      "organisms.yaml: entry 'worm': encode_blacklist 'ce11-blacklist.v2' of WBcel235: names contigs the ucsc way (references.yaml blacklist) but the WBcel235 genome the ensembl way, and no conversion (ucsc_to_ensembl) is given",
    ]);
    expect(problemsWith((t) => t.replace('contig_naming: { BDGP6: ensembl }', 'contig_naming: { BDGP6: flybase }'))[0]).toContain("organisms.yaml: entry 'fly'");
  });
});
