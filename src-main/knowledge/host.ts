import type { Intent } from '../../src-preload/schemas/intent';
import type { Knowledge, OrganismEntry } from './schemas';

/** The sample context of a host-associated community: the host's id in front of the sample source ('pig stool', 'pig'). */
export function hostSample(host: string | null, tissue: string | null): string | null {
  if (host === null) return tissue;
  return tissue === null || tissue.startsWith(`${host} `) || tissue === host ? (tissue ?? host) : `${host} ${tissue}`;
}

/** The host a host-associated analysis's sample context names ('pig stool' -> pig), if any. */
export function hostOf(intent: Pick<Intent, 'analysis_type' | 'tissue'>, kb: Knowledge): OrganismEntry | undefined {
  if (kb.analysisTypeById.get(intent.analysis_type)?.organism_role !== 'host' || !intent.tissue) return undefined;
  return kb.organismById.get(intent.tissue.split(' ')[0]!);
}
