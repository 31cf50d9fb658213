import { parseIntent } from '../intent-parser';
import type { Knowledge } from '../knowledge/schemas';

const cache = new WeakMap<Knowledge, Map<string, string[]>>();

/**
 * Names, synonyms and keywords of an analysis type that, said alone, mean that analysis and nothing more:
 * the parser reads them back as the same type without naming a tool, organism or tissue. This keeps
 * phrases like "mutect" (a tool) or "tumour" (a tissue) out of generated queries, where they would
 * silently change the intent the query states.
 */
export function analysisPhrases(kb: Knowledge, id: string): string[] {
  let byType = cache.get(kb);
  if (!byType) {
    byType = new Map();
    cache.set(kb, byType);
  }
  const hit = byType.get(id);
  if (hit) return hit;
  const t = kb.analysisTypeById.get(id);
  let phrases: string[];
  if (!t) phrases = [id.replace(/_/g, ' ')];
  else {
    const all = [...new Set([t.name, ...t.synonyms, ...t.keywords])].filter((k) => k.length >= 3);
    const clean = all.filter((p) => {
      const i = parseIntent(p, kb);
      return i.analysis_type === id && i.requested_tools.length === 0 && !i.organism && !i.tissue && !i.cell_type && !i.comparison && i.constraints.length === 0;
    });
    phrases = clean.length > 0 ? clean : [t.name];
  }
  byType.set(id, phrases);
  return phrases;
}
