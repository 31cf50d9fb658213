import type { Intent } from '../../src-preload/schemas/intent';
import { missingInformation } from './missing-information';
import type { Knowledge } from './schemas';
import { hostSample } from './host';

export { hostOf, hostSample } from './host';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const says = (words: readonly string[], text: string) => new RegExp(`(?<![a-z0-9])(?:${words.map(escapeRe).join('|')})(?![a-z0-9])`, 'i').test(text);

/**
 * The fields of an intent that the analysis facts and the needs table decide, for every intent a parser or a
 * generator makes (one definition, so a generated query parses back to its own intent):
 * - an organism named for a host-associated community (analysis_types.yaml `organism_role: host`) is sample
 *   context: organism null, the host in front of the tissue ('pig stool');
 * - a layout every library of the assay has (`input.always`: Hi-C, 10x, Visium) is the intent's when unstated;
 * - missing_information from workflow_needs.yaml, on the request's own words;
 * - a field a need decides (`sets`: data_type for genome vs exome vs panel) is null while that need is open, else
 *   the value the request's words give: no intent asserts a value its missing_information asks for.
 */
export function settleIntent(intent: Intent, kb: Knowledge, text = ''): Intent {
  const type = kb.analysisTypeById.get(intent.analysis_type);
  const out: Intent = { ...intent };
  if (type?.organism_role === 'host' && out.organism) {
    out.tissue = hostSample(out.organism.id, out.tissue);
    out.organism = null;
  }
  if (out.read_layout === 'unknown' && type?.input?.always && type.input.layout) out.read_layout = type.input.layout;
  out.missing_information = missingInformation(out, kb, text);
  for (const n of kb.workflowNeeds.byAnalysis.get(out.analysis_type) ?? []) {
    const sets = kb.workflowNeeds.needs.get(n.need)?.sets;
    if (!sets) continue;
    const open = out.missing_information.includes(n.need);
    out[sets.field] = open ? null : (Object.entries(sets.values).find(([, words]) => says(words, text))?.[0] ?? type?.data_type ?? null);
  }
  return out;
}
