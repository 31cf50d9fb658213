import type { OrganismEntry } from './schemas';

/**
 * An organism fact's value for one genome build: a fact is one value, a list (the mitochondrial contig's names,
 * one regex alternation as samtools' =~ and !~ read it) or one value per build (known sites: GRCm38 has the
 * Mouse Genomes Project's, GRCm39 none). Undefined when the organism's facts lack it for that build.
 */
export function organismFactFor(organism: OrganismEntry, key: string, build: string): string | undefined {
  const value = (organism.facts as Record<string, unknown>)[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join('|');
  if (typeof value === 'object') {
    const v = (value as Record<string, unknown>)[build];
    return v === undefined || v === null ? undefined : String(v);
  }
  return String(value);
}
