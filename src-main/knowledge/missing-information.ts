import type { Intent } from '../../src-preload/schemas/intent';
import { namedPlatform, requestFocuses, requestPlatform, requestReadLength, requestRegion } from '../tool-selector/context';
import { organismFactFor } from './organism-facts';
import type { Knowledge } from './schemas';
import type { Need } from './workflow-needs';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = new WeakMap<Need, RegExp>();

function saysWords(need: Need, text: string): boolean {
  if (!need.words) return false;
  let m = matchers.get(need);
  if (!m) {
    m = new RegExp(`(?<![a-z0-9])(?:${need.words.map(escapeRe).join('|')})(?![a-z0-9])`, 'i');
    matchers.set(need, m);
  }
  return m.test(text);
}

/** An organism fact's value for the organism's genome build (per-build facts), or undefined when the facts lack it. */
export function organismFactValue(kb: Knowledge, organism: NeedsIntent['organism'], key: string): string | undefined {
  const o = organism ? kb.organismById.get(organism.id) : undefined;
  return o ? organismFactFor(o, key, organism!.genome_build || o.genome_build) : undefined;
}

export type NeedsIntent = Pick<Intent, 'analysis_type' | 'organism' | 'comparison' | 'read_layout' | 'strandedness' | 'data_type'> & { tissue?: string | null };

/** Whether the request (its intent and its words) states one need. */
function stated(id: string, need: Need, intent: NeedsIntent, kb: Knowledge, text: string): boolean {
  // reads from a long-read platform have no layout, whatever the analysis
  if (id === 'read_layout' && intent.data_type?.startsWith('long_read')) return true;
  if (need.field === 'organism' && intent.organism) return true;
  if (need.field === 'comparison' && intent.comparison) return true;
  if (need.field === 'read_layout' && intent.read_layout !== 'unknown') return true;
  if (need.field === 'strandedness' && intent.strandedness !== 'unknown') return true;
  if (need.groups && intent.comparison?.groups.some((g) => need.groups!.includes(g.toLowerCase()))) return true;
  if (need.platform && namedPlatform(kb, text)?.read_kind === 'long') return true;
  // a region with known primers, as the generator reads it: a region without an entry (V6-V8) leaves the primers open
  if (need.region && requestRegion(intent, kb, text)) return true;
  // a read length as the generator reads it, so a stated one always reaches the command (rMATS --readLength)
  if (need.read_length && requestReadLength(text) !== null) return true;
  // an organism fact the commands read: open only for a named organism whose facts lack it (no organism: the organism need)
  if (need.organism_fact) return !intent.organism || need.organism_fact.every((f) => organismFactValue(kb, intent.organism, f) !== undefined);
  return saysWords(need, text);
}

/**
 * What a request leaves open that its workflow needs (workflow_needs.yaml): the analysis type when unknown
 * (and the organism), else each need of the analysis type, in the table's order, that neither the intent
 * nor the request's words state. One definition for the parser, the golden queries and every generated
 * intent; `text` is the request as written.
 */
export function missingInformation(intent: NeedsIntent, kb: Knowledge, text = ''): string[] {
  if (intent.analysis_type === 'unknown') return intent.organism ? ['analysis_type'] : ['analysis_type', 'organism'];
  const list = kb.workflowNeeds.byAnalysis.get(intent.analysis_type) ?? [];
  const focuses = list.some((n) => n.focus) ? new Set(requestFocuses(intent, kb, text).map((f) => f.id)) : new Set<string>();
  const platform = list.some((n) => n.platform) ? requestPlatform(intent, kb, text).id : undefined;
  return list
    .filter((n) => n.focus === undefined || focuses.has(n.focus))
    .filter((n) => n.platform === undefined || n.platform === platform)
    .filter((n) => !stated(n.need, kb.workflowNeeds.needs.get(n.need)!, intent, kb, text))
    .map((n) => n.need);
}
