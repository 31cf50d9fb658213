import type { Intent } from '../../src-preload/schemas/intent';
import { lexiconFor } from '../intent-parser/lexicon';
import { normalize, SPECIFIC_TOOL_TYPES } from '../intent-parser/rule-parser';
import { CASED_ABBREVIATIONS } from '../intent-parser/vocabulary';
import { missingInformation } from '../knowledge/missing-information';
import type { Knowledge } from '../knowledge/schemas';

/** What in a request speaks of its analysis. */
export interface AnalysisCues {
  /** analysis words that name an analysis ('peak calling', 'long-read assembly'), as normalised */
  named: string[];
  /** data_hints ids (compatibility.yaml) whose words the request uses ('long_reads' for "long reads rice") */
  hints: string[];
  /** tools named that serve few analyses (Trinity, Clair3), so naming one names its analysis */
  specificTools: string[];
}

const cache = new WeakMap<Knowledge, { hintOf: Map<string, string>; hintWords: RegExp | null }>();

function hintTables(kb: Knowledge) {
  let hit = cache.get(kb);
  if (!hit) {
    const hintOf = new Map<string, string>();
    for (const [id, h] of Object.entries(kb.compatibility.tables.data_hints)) for (const w of h.words) hintOf.set(w.toLowerCase(), id);
    const alternatives = [...hintOf.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    hit = { hintOf, hintWords: alternatives.length ? new RegExp(`(?<![a-z0-9])(${alternatives.join('|')})(?![a-z0-9])`, 'g') : null };
    cache.set(kb, hit);
  }
  return hit;
}

/** The cues of a request, read as the rule parser reads it (lowercased, misspelled domain words corrected). */
export function analysisCues(request: string, kb: Knowledge): AnalysisCues {
  const lex = lexiconFor(kb);
  const { text } = normalize(request, lex);
  const { hintOf, hintWords } = hintTables(kb);
  const hints = new Set<string>();
  for (const m of hintWords ? text.matchAll(hintWords) : []) hints.add(hintOf.get(m[1]!)!);
  const named = lex.keywords
    .find(text)
    .map((m) => m.phrase)
    .filter((p) => !hintOf.has(p));
  for (const [re] of CASED_ABBREVIATIONS) if (re.test(request)) named.push(re.source);
  const specificTools = [
    ...new Set(
      lex.tools
        .find(text)
        .map((m) => m.value)
        .filter((id) => (kb.toolById.get(id)?.analysis_types.length ?? 0) <= SPECIFIC_TOOL_TYPES),
    ),
  ];
  return { named: [...new Set(named)], hints: [...hints].sort(), specificTools };
}

/**
 * Whether a request states an analysis: it names one, or a tool that serves few analyses. "long reads rice"
 * or "non-model organism limb using fastp" describe data (and a trimmer any analysis runs) but say nothing
 * of what to find, so their answer is a clarifying question.
 */
export function statesAnalysis(request: string, kb: Knowledge): boolean {
  const c = analysisCues(request, kb);
  return c.named.length > 0 || c.specificTools.length > 0;
}

/**
 * An intent as the task contract reads a request: a request that states no analysis has none, whatever
 * analysis its words lean towards (the answer then asks which one), so its data type is unknown too.
 */
export function asStated(intent: Intent, request: string, kb: Knowledge): Intent {
  if (intent.analysis_type === 'unknown' || statesAnalysis(request, kb)) return intent;
  const open: Intent = { ...intent, analysis_type: 'unknown', data_type: null };
  return { ...open, missing_information: missingInformation(open, kb, request) };
}
