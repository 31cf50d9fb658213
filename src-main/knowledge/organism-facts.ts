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

/**
 * A per-build fact's values for the organism's other builds ('GRCm38: the Mouse Genomes Project ...'), so an answer
 * for a build the facts lack can say which build the known value is for instead of implying none exists.
 */
export function otherBuildValues(organism: OrganismEntry, key: string, build: string): [string, string][] {
  const value = (organism.facts as Record<string, unknown>)[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([b, v]) => b !== build && v !== undefined && v !== null)
    .map(([b, v]) => [b, String(v)]);
}

/** ' (the one known here is for GRCm38: ...)', or '' when no other build has the fact. */
export function elsewhereClause(organism: OrganismEntry | undefined, key: string, build: string): string {
  const others = organism ? otherBuildValues(organism, key, build) : [];
  return others.length ? ` (the one known here is for ${others.map(([b, v]) => `${b}: ${v}`).join('; ')})` : '';
}
