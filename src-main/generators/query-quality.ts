import type { VariationStyle } from '../../src-preload/schemas/example';
import type { Knowledge } from '../knowledge/schemas';
import { type ArtefactKind, countArtefacts } from './artefacts';
import { distinctN, tokens } from './text-stats';

/** A request's opener: its first two words, lowercased, punctuation dropped. */
export function opener(text: string): string {
  return tokens(text).slice(0, 2).join(' ');
}

/** The share of texts that start with one of the 12 most common openers. */
export function topOpenerShare(texts: readonly string[], top = 12): { share: number; openers: [string, number][] } {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(opener(t), (counts.get(opener(t)) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top);
  const covered = sorted.reduce((n, [, c]) => n + c, 0);
  return { share: texts.length === 0 ? 0 : covered / texts.length, openers: sorted };
}

export interface StyleQuality {
  count: number;
  distinct2: number;
  distinct3: number;
  top12OpenerShare: number;
  artefacts: number;
  artefactsByKind: Partial<Record<ArtefactKind, number>>;
  artefactExamples: string[];
}

/** The targets of issue 17: no detected artefact and top-12 openers < 40% in every style, distinct-3 >= 0.5 over all variations. */
export const QUERY_TARGETS = { maxArtefacts: 0, minDistinct3: 0.5, maxTop12OpenerShare: 0.4 } as const;

const round = (x: number) => Math.round(x * 1000) / 1000;

export function styleQuality(texts: readonly string[], names?: ReadonlySet<string>): StyleQuality {
  const a = countArtefacts(texts, names);
  return {
    count: texts.length,
    distinct2: round(distinctN(texts, 2)),
    distinct3: round(distinctN(texts, 3)),
    top12OpenerShare: round(topOpenerShare(texts).share),
    artefacts: a.total,
    artefactsByKind: a.byKind,
    artefactExamples: a.examples,
  };
}

/** Per style figures, figures over all styles, and each target missed (with the figure). */
export function queryQuality(rows: readonly { style: VariationStyle | null; input: string }[], names?: ReadonlySet<string>) {
  const byStyle = new Map<string, string[]>();
  for (const r of rows) if (r.style) byStyle.set(r.style, [...(byStyle.get(r.style) ?? []), r.input]);
  const styles: Record<string, StyleQuality> = {};
  const misses: string[] = [];
  for (const [style, texts] of [...byStyle].sort((x, y) => x[0].localeCompare(y[0]))) {
    const q = styleQuality(texts, names);
    styles[style] = q;
    if (q.artefacts > QUERY_TARGETS.maxArtefacts) misses.push(`${style}: ${q.artefacts} artefacts`);
    if (q.top12OpenerShare >= QUERY_TARGETS.maxTop12OpenerShare) misses.push(`${style}: top-12 openers ${(q.top12OpenerShare * 100).toFixed(1)}% >= 40%`);
  }
  const all = rows.filter((r) => r.style).map((r) => r.input);
  const overall = { count: all.length, distinct2: round(distinctN(all, 2)), distinct3: round(distinctN(all, 3)) };
  if (overall.distinct3 < QUERY_TARGETS.minDistinct3) misses.unshift(`all styles: distinct-3 ${overall.distinct3} < ${QUERY_TARGETS.minDistinct3}`);
  return { styles, overall, misses };
}

/**
 * Spellings the detector takes as they are: tool names and aliases, genome builds, scientific names, and the
 * gene, miRNA and taxon names of study_details.yaml ("miR-21", "OsDREB1A").
 */
export function knownNames(kb: Knowledge): Set<string> {
  return new Set([
    ...kb.tools.flatMap((t) => [t.name, ...t.aliases]),
    ...kb.organisms.flatMap((o) => [o.genome_build, o.scientific_name, ...o.scientific_name.split(' ')]),
    ...Object.values(kb.studyDetails.interests).flatMap((byKey) => Object.values(byKey).flat()),
  ]);
}
